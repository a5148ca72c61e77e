package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.Provenance;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Hit;
import org.insight.search.Query;

/**
 * Standing queries, two laws over generated batches of documents and person records:
 * <ol>
 *   <li>incremental matching raises, for each owner, exactly the alerts a re-run of every query over everything (as
 *       that owner's search) would raise — one per query and matching item;
 *   <li>nothing leaks: an owner's alerts (ids, items, labels, evidence) in a workspace padded with data only others
 *       may see — the same words under labels the owner lacks, near-miss words, invisible statements on the same
 *       person ids, other writers — equal those in a workspace holding only what the owner may see.
 * </ol>
 */
class AlertProperties {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final List<String> WORDS = List.of("heron", "falcon", "osprey", "harrier", "kestrel");
  /** One letter off: a fuzzy or stemmed leak would match them. */
  private static final List<String> NEAR = List.of("herons", "falcone", "ospray", "harriet", "kestral");
  private static final List<String> LABELS = List.of("A", "B", "A&B", "A|C");
  private static final List<String> HIDDEN = List.of("SECRET", "Z", "SECRET&A");

  /** A document or a person record. */
  record Item(boolean person, String recordId, String text, String label) {}

  @Property(tries = 12)
  void incrementalAlertsEqualARerunAndLeakNothing(@ForAll("batches") List<List<Item>> batches,
      @ForAll("auths") Set<String> auths, @ForAll("queries") List<String> queries) throws IOException {
    Principal owner = Principal.of("owner", auths);
    Predicate<String> visible = l -> Policy.standard().decide(owner, CI, Label.of(l), Fixtures.FIXED.instant())
        .allowed();
    Label queryLabel = Label.of(auths.iterator().next());
    Path a = Files.createTempDirectory("alerts-all");
    Path b = Files.createTempDirectory("alerts-visible");
    try (Workspace full = Workspace.builder(a).clock(Fixtures.FIXED).open();
         Workspace filtered = Workspace.builder(b).clock(Fixtures.FIXED).open()) {
      Session ownerFull = full.session(owner, CI);
      Session ownerFiltered = filtered.session(owner, CI);
      Session other = full.session(Principal.of("other", "SECRET", "Z", "A"), CI);
      for (String q : queries) {
        ownerFull.alerts().save(q, "watch " + q, queryLabel);
        ownerFiltered.alerts().save(q, "watch " + q, queryLabel);
        other.alerts().save(q, "watch " + q, Label.of("SECRET")); // another owner's query: raises only for them
      }
      int n = 0;
      for (List<Item> batch : batches) {
        List<Item> padding = padding(batch, n++);
        write(full, "w", batch, i -> true);
        write(full, "pad", padding, i -> true);
        write(filtered, "w", batch, i -> visible.test(i.label()));
        write(filtered, "pad", padding, i -> visible.test(i.label())); // the visible padding is data like any other
      }

      // law 1: incremental == a re-run of each query over everything, as the owner
      Set<String> rerun = new TreeSet<>();
      for (String q : queries) {
        String id = StandingQuery.idFor("owner", StandingQuery.Kind.SEARCH, q, queryLabel);
        for (Hit h : ownerFull.search(Query.parse(q).limit(Query.MAX_LIMIT)).hits()) {
          rerun.add(id + " " + h.id());
        }
      }
      List<Alert> alerts = ownerFull.alerts().list(null);
      assertEquals(rerun, alerts.stream().map(x -> x.queryId() + " " + x.itemId()).collect(Collectors.toCollection(TreeSet::new)));

      // law 2: the padded workspace raises for the owner exactly what the visible-only one raises
      assertEquals(view(ownerFiltered.alerts().list(null)), view(alerts));
    } finally {
      ScanNoLeakProperties.delete(a);
      ScanNoLeakProperties.delete(b);
    }
  }

  private static Set<String> view(List<Alert> alerts) {
    return alerts.stream().map(x -> x.id() + " " + x.itemId() + " " + x.kind() + " " + x.label() + " "
        + x.documentIds() + " " + x.statementIds()).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The same words under labels the owner lacks (same record ids too), and near-miss words under its labels. */
  private static List<Item> padding(List<Item> batch, int n) {
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Item it = batch.get(i);
      out.add(new Item(it.person(), it.recordId(), it.text(), HIDDEN.get(i % HIDDEN.size())));
      String near = it.text();
      for (int w = 0; w < WORDS.size(); w++) {
        near = near.replace(WORDS.get(w), NEAR.get(w));
      }
      out.add(new Item(it.person(), "near-" + n + "-" + i, near, it.label()));
    }
    return out;
  }

  private static void write(Workspace ws, String writer, List<Item> items, Predicate<Item> keep) {
    Session s = ws.session(Fixtures.loader(writer), CI);
    List<Document> docs = new ArrayList<>();
    List<Entity> people = new ArrayList<>();
    for (Item i : items) {
      if (!keep.test(i)) {
        continue;
      }
      if (i.person()) {
        people.add(Dataset.of("people", Label.of(i.label()), SourceGrading.UNGRADED).entity("Person", i.recordId())
            .add("name", i.text()).build());
      } else {
        ContentHash hash = s.storeEvidence(new ByteArrayInputStream(i.text().getBytes(StandardCharsets.UTF_8)));
        docs.add(new Document(null, hash, "t", i.text(), "en", Map.of(), null, null, Label.of(i.label()),
            Provenance.of("reports", i.recordId(), "text:plain", SourceGrading.UNGRADED).withContentHash(hash)));
      }
    }
    if (!docs.isEmpty()) {
      s.addDocuments(docs);
    }
    if (!people.isEmpty()) {
      s.add(people);
    }
  }

  @Provide
  Arbitrary<List<List<Item>>> batches() {
    Arbitrary<String> text = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(3)
        .map(ws -> String.join(" ", ws) + " seen");
    Arbitrary<Item> item = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 5), text,
        Arbitraries.of(LABELS)).as((p, id, t, l) -> new Item(p, "r" + id, p ? capitalise(t) : t, l));
    return item.list().ofMinSize(1).ofMaxSize(5).list().ofMinSize(1).ofMaxSize(4);
  }

  private static String capitalise(String words) {
    return java.util.Arrays.stream(words.split(" ")).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
        .collect(Collectors.joining(" "));
  }

  @Provide
  Arbitrary<Set<String>> auths() {
    return Arbitraries.of("A", "B", "C").set().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<String>> queries() {
    return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
  }
}
