package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.graph.Network;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;

/**
 * A cached graph grown with what the workspace added equals a graph built afresh, over random write sequences:
 * persons, phones and links of two labels (shared phones, links to entities not yet written, nodes given more
 * statements later), documents mentioning persons, and now and then a correction, an erasure or a resolution
 * judgement, which must make a fresh build. After every write each session's graph is compared with the graph built
 * with the cache emptied; a write the session cannot see leaves its graph as it was. The audit entries show that
 * growth was taken, so the property cannot pass by always building afresh.
 */
class GraphGrowthProperties {
  private static final Dataset A = Fixtures.dataset("a", "A");
  private static final Dataset B = Fixtures.dataset("b", "B");

  @Property(tries = 12)
  void aGrownGraphEqualsAFreshOne(@ForAll long seed, @ForAll @IntRange(min = 4, max = 14) int writes)
      throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    int grown = 0;
    try (Workspace ws = Workspace.builder(Files.createTempDirectory("graph-growth")).clock(Fixtures.FIXED).open()) {
      Session writer = ws.session(Principal.of("w", Set.of("A", "B")), Purpose.CRIMINAL_INVESTIGATION);
      List<Session> readers = List.of(
          ws.session(Principal.of("a", Set.of("A")), Purpose.CRIMINAL_INVESTIGATION),
          ws.session(Principal.of("ab", Set.of("A", "B")), Purpose.CRIMINAL_INVESTIGATION));
      List<GraphOptions> options = List.of(GraphOptions.defaults().withMaxGroup(3),
          GraphOptions.defaults().withCoMentions(false).withCollapseSameAs(true));
      List<String> written = new ArrayList<>();
      for (int w = 0; w < writes; w++) {
        Map<Session, Network> before = new java.util.HashMap<>();
        for (Session s : readers) {
          before.put(s, s.graph(options.get(0)));
          s.graph(options.get(1));
        }
        boolean onlyB = write(writer, r, w, written);
        for (Session s : readers) {
          for (GraphOptions o : options) {
            Network got = s.graph(o);
            String q = ws.audit.tail(1).get(0).event().query();
            if (q.contains("grown from")) {
              grown++;
            }
            // afresh with the cache emptied, then the cache put back: the grown graphs grow again at the next write
            Map<Graphs.Key, Graphs.Entry> kept = new java.util.HashMap<>(ws.graphs.asMap());
            ws.graphs.invalidateAll();
            Network fresh = s.graph(o);
            ws.graphs.invalidateAll();
            ws.graphs.putAll(kept);
            assertSame(fresh, got);
            if (onlyB && s == readers.get(0) && o == options.get(0)) {
              assertSame(before.get(s), got); // a write the session cannot see changes nothing it sees
            }
          }
        }
      }
    }
    assertTrue(grown > 0 || writes < 2, "no graph was grown: the property would not test growth");
  }

  /** One random write; whether only label B was written. */
  private static boolean write(Session writer, SplittableRandom r, int w, List<String> written) {
    int kind = r.nextInt(10);
    if (kind == 0 && !written.isEmpty()) { // erasure: a fresh build
      writer.erase(org.insight.workspace.Erasure.builder().entities(EntityId.fromSource("a",
          written.get(r.nextInt(written.size())))).reason("test").build());
      return false;
    }
    if (kind == 1 && written.size() >= 2) { // a same-as judgement: resolution changed, a fresh build
      writer.add(A.entity("SameAs", "j" + w).add("entity", EntityId.fromSource("a", written.get(0)).value())
          .add("match", EntityId.fromSource("a", written.get(1)).value()).add("judgement", "same").build());
      return false;
    }
    if (kind == 2 || kind == 3) { // co-mention
      Label label = r.nextBoolean() ? Label.of("A") : Label.of("B");
      String text = "doc " + w;
      ContentHash hash = writer.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      Document d = new Document(null, hash, "t", text, "", Map.of(), null, null, label,
          Provenance.of("ds", text, "text:plain", SourceGrading.UNGRADED).withContentHash(hash));
      writer.add(d);
      List<Mention> mentions = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        EntityId p = EntityId.fromSource("a", "p" + r.nextInt(6));
        mentions.add(new Mention(d.id(), i, i + 1, "x", PropertyType.NAME, "x", Optional.of(p), 1.0, label,
            Provenance.of("ds", text, "spot:test", SourceGrading.UNGRADED)));
      }
      writer.addMentions(mentions);
      return label.equals(Label.of("B"));
    }
    boolean onlyB = true;
    List<Entity> batch = new ArrayList<>();
    for (int i = r.nextInt(1, 4); i > 0; i--) {
      Dataset ds = r.nextInt(3) == 0 ? B : A;
      onlyB &= ds == B;
      String p = "p" + r.nextInt(6); // the same few persons again: statements added to existing nodes
      switch (r.nextInt(3)) {
        // a new name each time (the same statement again replaces itself: a fresh build); a phone from a few, shared
        case 0 -> batch.add(ds.entity("Person", p).add("name", "N" + w + "-" + i)
            .add("phone", "+3361234567" + r.nextInt(4)).build());
        case 1 -> batch.add(ds.entity("Associate", "l" + w + "-" + i)
            .add("person", EntityId.fromSource("a", p).value())
            .add("associate", EntityId.fromSource("a", "p" + r.nextInt(7)).value()).build()); // p6: never a node
        default -> batch.add(ds.entity("Person", p).add("name", "M" + w + "-" + i)
            .add("email", "x" + r.nextInt(2) + "@example.org").build());
      }
      if (ds == A) {
        written.add(p);
      }
    }
    writer.add(batch);
    return onlyB;
  }

  private static void assertSame(Network expected, Network got) {
    assertEquals(expected.nodes(), got.nodes());
    assertEquals(expected.edges(), got.edges());
    assertEquals(expected.notes(), got.notes());
    assertEquals(expected.label(), got.label());
  }
}
