package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.match.ScreeningQuery;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Query;
import org.insight.search.Scan;
import org.insight.test.Directories;

/**
 * The erasure law: after {@link Session#erase}, every reader — whatever its clearances — gets from every query form
 * exactly what it gets from a twin workspace that was never given the erased data. The workload mixes persons of a
 * dataset and of a watch list (so continuous screening raises flags both ways, some to be erased, some to be raised
 * again for what is left of a partly erased person), documents whose bytes are shared across datasets and labels
 * (evidence blobs are shared by hash), name mentions in them (flags on mentions) and mentions linked to persons (as
 * spotting writes them). (Judgements are left to {@code ErasureTest}: their ids hold the time of the call, so two
 * workspaces never share one.) The eraser is cleared for everything, or for one token only (it then erases part of an
 * entity and cannot erase the other label's documents). The readers: nobody, A, B, A and B.
 */
class ErasureProperties {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final List<String> NAMES = List.of("Zoltan Quirkmeyer", "Ivan Petrov", "Maria Lopez",
      "Omar Rashid");
  private static final List<Label> LABELS = List.of(Label.of("A"), Label.of("B"), Label.of("A&B"));
  private static final List<Set<String>> READERS = List.of(Set.of(), Set.of("A"), Set.of("B"), Set.of("A", "B"));

  /** One write: a person's name statement (dataset ds or wl), or a document (with a name mention). */
  record Item(boolean person, String dataset, int record, int name, int label, int linkTo, boolean erase) {}

  @Property(tries = 20)
  void afterErasureEveryReaderSeesWhatAWorkspaceThatNeverHadTheDataShows(
      @ForAll("items") List<Item> items, @ForAll boolean eraserSeesAll) throws IOException {
    Principal eraser = eraserSeesAll ? Principal.of("w", "A", "B") : Principal.of("w", "A");
    Set<String> eraserAuths = eraser.authorizations();
    List<Item> distinct = distinct(items);
    Set<EntityId> erasedEntities = new LinkedHashSet<>();
    Set<String> erasedDocuments = new LinkedHashSet<>();
    for (Item i : distinct) {
      if (i.erase() && i.person()) {
        erasedEntities.add(EntityId.fromSource(i.dataset(), "r" + i.record()));
      } else if (i.erase()) {
        erasedDocuments.add(document(i).id());
      }
    }
    // what erasing them removes: what the eraser sees of them
    Set<EntityId> touched = new HashSet<>();
    Set<String> goneDocuments = new HashSet<>();
    for (Item i : distinct) {
      boolean seen = LABELS.get(i.label()).expression().visibleTo(eraserAuths);
      if (i.person() && seen && erasedEntities.contains(EntityId.fromSource(i.dataset(), "r" + i.record()))) {
        touched.add(EntityId.fromSource(i.dataset(), "r" + i.record()));
      } else if (!i.person() && seen && erasedDocuments.contains(document(i).id())) {
        goneDocuments.add(document(i).id());
      }
    }

    Path a = Files.createTempDirectory("erase-main");
    Path b = Files.createTempDirectory("erase-twin");
    try (Workspace main = open(a); Workspace twin = open(b)) {
      Session writer = main.session(Principal.of("w", "A", "B"), CI);
      Session twinWriter = twin.session(Principal.of("w", "A", "B"), CI);
      // a person is written once, with all its names (each under its own label): a flag keeps the label it was raised
      // with, so a person grown statement by statement would make the flags depend on the order of the writes
      Set<EntityId> written = new HashSet<>();
      for (Item i : distinct) {
        if (i.person()) {
          EntityId id = EntityId.fromSource(i.dataset(), "r" + i.record());
          if (!written.add(id)) {
            continue;
          }
          List<Item> all = distinct.stream().filter(x -> x.person() && EntityId.fromSource(x.dataset(), "r" + x.record())
              .equals(id)).toList();
          writePerson(writer, all);
          writePerson(twinWriter, all.stream().filter(x -> !(touched.contains(id)
              && LABELS.get(x.label()).expression().visibleTo(eraserAuths))).toList());
          continue;
        }
        write(writer, i, true);
        if (goneDocuments.contains(document(i).id())) {
          continue;
        }
        // a mention spotted for a person that lost statements is erased with them (spotting would find it again)
        boolean linkErased = i.linkTo() >= 0 && touched.contains(EntityId.fromSource("ds", "r" + i.linkTo()));
        write(twinWriter, i, !linkErased);
      }
      Erasure.Builder request = Erasure.builder().reason("property");
      erasedEntities.forEach(e -> request.entities(e));
      erasedDocuments.forEach(d -> request.documents(d));
      // warm every cache a reader builds (screening views), so that erasure must drop them
      for (Set<String> auths : READERS) {
        for (String name : NAMES) {
          main.session(Principal.of("reader", auths), CI).screen(ScreeningQuery.of(name), 10);
        }
      }
      if (!erasedEntities.isEmpty() || !erasedDocuments.isEmpty()) {
        main.session(eraser, CI).erase(request.build());
      }
      // later writes are screened against what is left (the entry and subject indexes must have forgotten it)
      for (Item later : List.of(new Item(true, "ds", 9, later(items, 0), 2, -1, false),
          new Item(true, "wl", 9, later(items, 1), 2, -1, false))) {
        write(writer, later, true);
        write(twinWriter, later, true);
      }
      for (Set<String> auths : READERS) {
        compare(main.session(Principal.of("reader", auths), CI), twin.session(Principal.of("reader", auths), CI),
            distinct, "reader " + auths + " eraser " + eraserAuths);
      }
      for (Item i : distinct) {
        if (!i.person()) {
          ContentHash h = ContentHash.of(text(i).getBytes(StandardCharsets.UTF_8));
          assertEquals(twin.evidence.contains(h), main.evidence.contains(h), "the blob of " + text(i) + " on disk");
        }
      }
      assertEquals(twin.store.labels(), main.store.labels(), "the label terms left in the index");
    } finally {
      Directories.delete(a);
      Directories.delete(b);
    }
  }

  private static void compare(Session s, Session t, List<Item> items, String who) {
    assertEquals(sorted(t.entities(null, 0, 1000).items().stream()), sorted(s.entities(null, 0, 1000).items().stream()),
        who + " entities");
    assertEquals(t.count(null), s.count(null), who + " count");
    assertEquals(t.entities(null, 0, 1000), s.entities(null, 0, 1000), who + " entities");
    assertEquals(t.documents(0, 1000), s.documents(0, 1000), who + " documents");
    assertEquals(t.flags(null, 0, 1000), s.flags(null, 0, 1000), who + " flags");
    assertEquals(t.search(Query.all().facets(Query.Facet.values())), s.search(Query.all().facets(Query.Facet.values())),
        who + " search all");
    for (String name : NAMES) {
      assertEquals(t.search(name), s.search(name), who + " search " + name);
      assertEquals(t.suggest(name.substring(0, 3), 10), s.suggest(name.substring(0, 3), 10), who + " suggest " + name);
      assertEquals(hits(t.screen(ScreeningQuery.of(name), 10)), hits(s.screen(ScreeningQuery.of(name), 10)),
          who + " screen " + name);
    }
    assertEquals(t.resolution().judgements(), s.resolution().judgements(), who + " judgements");
    assertEquals(t.resolution().events(), s.resolution().events(), who + " events");
    for (Item i : items) {
      if (i.person()) {
        EntityId id = EntityId.fromSource(i.dataset(), "r" + i.record());
        assertEquals(t.entity(id), s.entity(id), who + " entity " + id);
        assertEquals(t.resolution().resolved(id), s.resolution().resolved(id), who + " resolved " + id);
      } else {
        String id = document(i).id();
        assertEquals(t.document(id), s.document(id), who + " document " + id);
        assertEquals(t.mentions(id), s.mentions(id), who + " mentions " + id);
        ContentHash h = ContentHash.of(text(i).getBytes(StandardCharsets.UTF_8));
        assertEquals(t.evidence(h).isPresent(), s.evidence(h).isPresent(), who + " evidence " + h.hex());
      }
    }
    try (Scan<Entity> x = t.scanEntities("Thing"); Scan<Entity> y = s.scanEntities("Thing")) {
      assertEquals(sorted(x.stream()), sorted(y.stream()), who + " scan");
    }
    try (Scan<Statement> x = t.scanStatements("name"); Scan<Statement> y = s.scanStatements("name")) {
      assertEquals(sorted(x.stream()), sorted(y.stream()), who + " scan statements");
    }
  }

  private static int later(List<Item> items, int salt) {
    return (items.size() + salt) % NAMES.size();
  }

  private static List<String> hits(List<org.insight.match.ScreeningHit> hits) {
    return hits.stream().map(h -> h.id() + " " + h.probability() + " " + h.weight() + " " + h.label()).toList();
  }

  private static <T> List<String> sorted(Stream<T> items) {
    return items.map(ErasureProperties::full).sorted().toList();
  }

  /** The whole value (records print ids only; an entity's statements are compared in full here). */
  private static String full(Object o) {
    if (o instanceof Entity e) {
      return e.id() + e.statements().stream().map(ErasureProperties::full).toList().toString();
    }
    if (o instanceof Statement st) {
      return st.id() + "|" + st.value() + "|" + st.label() + "|" + st.provenance();
    }
    return String.valueOf(o);
  }

  private static Workspace open(Path dir) {
    return Workspace.builder(dir).clock(Fixtures.FIXED).watchLists("wl").flagThreshold(0.05).open();
  }

  private static void write(Session s, Item i, boolean withMention) {
    Label label = LABELS.get(i.label());
    if (i.person()) {
      s.add(Fixtures.dataset(i.dataset(), label).entity("Person", "r" + i.record()).add("name", NAMES.get(i.name()))
          .build());
      return;
    }
    ContentHash hash = s.storeEvidence(new ByteArrayInputStream(text(i).getBytes(StandardCharsets.UTF_8)));
    Document d = new Document(null, hash, "report", text(i), "", Map.of(), null, null, label,
        Provenance.of(i.dataset(), "", "text:plain", SourceGrading.UNGRADED).withContentHash(hash));
    s.add(d);
    if (!withMention) {
      return;
    }
    String name = NAMES.get(i.name());
    Optional<EntityId> link = i.linkTo() < 0 ? Optional.empty() : Optional.of(EntityId.fromSource("ds", "r" + i.linkTo()));
    s.addMentions(List.of(new Mention(d.id(), 10, 10 + name.length(), name, PropertyType.NAME, name, link, 0.9,
        label, Provenance.derived(i.dataset(), "ner:test", List.of(d.provenance())))));
  }

  private static void writePerson(Session s, List<Item> names) {
    if (names.isEmpty()) {
      return;
    }
    Item first = names.get(0);
    var b = Fixtures.dataset(first.dataset(), LABELS.get(first.label())).entity("Person", "r" + first.record());
    names.forEach(i -> b.add("name", NAMES.get(i.name()), LABELS.get(i.label())));
    s.add(b.build());
  }

  private static String text(Item i) {
    return "Report on " + NAMES.get(i.name());
  }

  private static Document document(Item i) {
    ContentHash hash = ContentHash.of(text(i).getBytes(StandardCharsets.UTF_8));
    return new Document(null, hash, "report", text(i), "", Map.of(), null, null, LABELS.get(i.label()),
        Provenance.of(i.dataset(), "", "text:plain", SourceGrading.UNGRADED));
  }

  /**
   * One write per statement id and per document id: a statement's id leaves out its label, so a second write of the
   * same value would relabel the first (the write model's business, not erasure's).
   */
  private static List<Item> distinct(List<Item> items) {
    Set<String> seen = new HashSet<>();
    List<Item> out = new ArrayList<>();
    for (Item i : items) {
      String key = i.person() ? i.dataset() + "|" + i.record() + "|" + i.name() : document(i).id();
      if (seen.add(key)) {
        out.add(i);
      }
    }
    return out;
  }

  @Provide
  Arbitrary<List<Item>> items() {
    Arbitrary<Item> person = Combinators.combine(Arbitraries.of("ds", "wl"), Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, NAMES.size() - 1), Arbitraries.integers().between(0, 2),
        Arbitraries.of(true, false, false))
        .as((ds, record, name, label, erase) -> new Item(true, ds, record, name, label, -1, erase));
    Arbitrary<Item> doc = Combinators.combine(Arbitraries.of("docs1", "docs2"),
        Arbitraries.integers().between(0, NAMES.size() - 1), Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(-1, 3), Arbitraries.of(true, false, false))
        .as((ds, name, label, link, erase) -> new Item(false, ds, 0, name, label, link, erase));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, person), net.jqwik.api.Tuple.of(2, doc))
        .list().ofMinSize(1).ofMaxSize(12);
  }
}
