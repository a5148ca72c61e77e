package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityBuilder;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.test.Directories;

/**
 * Rule 2 for screening a new watch-list entry against the workspace's subjects: the flags a writer's new entries
 * raise are exactly those of a workspace holding only the subject data that writer may see, so a subject (or a
 * statement of one, or a mention) invisible to the writing session never yields, shapes or suppresses a flag.
 */
class ReverseScreeningNoLeakProperties {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  static final List<String> NAMES = List.of("Omar Al Rashid", "Omar AL-RASHID", "Omar Rashid", "Ivan Petrov",
      "Иван Петров", "Amina Haddad", "Amina Hadad");
  static final List<String> DATES = List.of("1979-02-11", "1979", "1975-03-14", "1988-07-02");

  /**
   * A small pool of labels (purpose-restricted and expired ones too), so labels repeat: a writer's subject index is
   * then mostly updated in place, which must honour visibility as a rebuild does.
   */
  static final List<Label> LABELS = List.of(Label.of("A"), Label.of("B"), Label.of("A&B"), Label.of("A|C"),
      Label.of("C"), Label.builder("B").purposes(List.of(Purpose.COUNTER_TERRORISM)).build(),
      Label.builder("A").deleteAfter(java.time.LocalDate.of(2026, 5, 30)).build(), Label.of("B&C"));

  static Arbitrary<Label> labels() {
    return Arbitraries.of(LABELS);
  }

  record Cell(String property, String value, Label label) {}

  record Subject(String id, List<Cell> cells) {}

  record Said(String id, String name, Label documentLabel, Label mentionLabel) {}

  record Notice(String id, String name, String date, Label label) {}

  @Property(tries = 20)
  void aWritersNewEntriesFlagOnlyWhatItMaySee(
      @ForAll("subjects") List<Subject> subjects,
      @ForAll("mentions") List<Said> mentions,
      @ForAll("notices") List<Notice> notices,
      @ForAll("auths") Set<String> auths) throws IOException {
    Principal writer = Principal.of("writer", auths);
    Path a = Files.createTempDirectory("reverse-noleak-all");
    Path b = Files.createTempDirectory("reverse-noleak-visible");
    try (Workspace full = open(a); Workspace filtered = open(b)) {
      Dataset recs = Dataset.of("recs", Label.of("A"), SourceGrading.UNGRADED);
      Dataset list = Dataset.of("list", Label.of("A"), SourceGrading.UNGRADED);
      Principal loader = Principal.of("loader", NoLeakProperties.TOKENS);
      Set<String> invisible = new HashSet<>();
      // every label of the pool is in the workspace before the writer's subject index is built, so the writer's
      // visible-label set stays the same and its index is updated in place (ReverseScreeningTest covers a rebuild)
      Dataset primers = Dataset.of("primers", Label.of("A"), SourceGrading.UNGRADED);
      for (Workspace ws : List.of(full, filtered)) {
        EntityBuilder primer = primers.entity("Person", "primer");
        List<String> countries = List.of("fr", "de", "es", "it", "nl", "be", "pt", "at");
        for (int i = 0; i < LABELS.size(); i++) {
          primer.add("nationality", countries.get(i), LABELS.get(i));
        }
        ws.session(loader, CI).add(primer.build());
      }
      int half = subjects.size() / 2;
      int halfSaid = mentions.size() / 2;
      write(full, filtered, loader, writer, subjects.subList(0, half), mentions.subList(0, halfSaid), recs, invisible);
      // an entry matching nobody: the writer's subject index is built now, and the rest of the subjects reach it
      // in place (or, under a label it has not seen, by a rebuild)
      // (a writer attaches only labels it holds, rule 7: a writer without A writes no decoy and no A entry)
      Entity decoy = list.entity("Person", "decoy").add("name", "Zed Quux").add("birthDate", "1900").build();
      if (auths.contains("A")) {
        full.session(writer, CI).add(decoy);
        filtered.session(Principal.of("writer", NoLeakProperties.TOKENS), CI).add(decoy);
      }
      write(full, filtered, loader, writer, subjects.subList(half, subjects.size()),
          mentions.subList(halfSaid, mentions.size()), recs, invisible);
      assertEquals(List.of(), flags(full), "no matching entry yet, no flag");
      for (Notice n : notices) {
        if (!n.label().expression().visibleTo(auths)) {
          continue; // not a label this writer may attach
        }
        Entity entry = list.entity("Person", n.id()).add("name", n.name(), n.label())
            .add("birthDate", n.date(), n.label()).build();
        full.session(writer, CI).add(entry);
        filtered.session(Principal.of("writer", NoLeakProperties.TOKENS), CI).add(entry);
      }
      List<String> got = flags(full);
      net.jqwik.api.statistics.Statistics.collect(got.isEmpty() ? "no flag" : "flags",
          invisible.isEmpty() ? "all visible" : "some invisible");
      assertEquals(flags(filtered), got);
      for (String flag : got) {
        assertTrue(invisible.stream().noneMatch(id -> flag.contains(" subject=" + id + " ")), flag);
      }
    } finally {
      Directories.delete(a);
      Directories.delete(b);
    }
  }

  /**
   * In the default mode ({@code reverseScreening=all}) the flags in the store are a function of the data alone: the
   * same whether the entries came after the subjects (reverse screening, by a writer of any clearance) or before them
   * (forward screening, by a fully cleared loader).
   */
  @Property(tries = 15)
  void byDefaultTheFlagsDependNeitherOnOrderNorOnTheWriter(
      @ForAll("subjects") List<Subject> subjects,
      @ForAll("mentions") List<Said> mentions,
      @ForAll("notices") List<Notice> notices,
      @ForAll("auths") Set<String> auths) throws IOException {
    Path a = Files.createTempDirectory("reverse-all-entries-last");
    Path b = Files.createTempDirectory("reverse-all-entries-first");
    try (Workspace entriesLast = Workspace.builder(a).clock(Fixtures.FIXED).watchLists("list").open();
        Workspace entriesFirst = Workspace.builder(b).clock(Fixtures.FIXED).watchLists("list").open()) {
      Dataset recs = Dataset.of("recs", Label.of("A"), SourceGrading.UNGRADED);
      Dataset list = Dataset.of("list", Label.of("A"), SourceGrading.UNGRADED);
      Principal loader = Principal.of("loader", NoLeakProperties.TOKENS);
      List<Entity> entries = new ArrayList<>();
      for (Notice n : notices) {
        if (!n.label().expression().visibleTo(auths)) {
          continue; // the writer of entriesLast may attach only labels it holds (rule 7): both get the same entries
        }
        entries.add(list.entity("Person", n.id()).add("name", n.name(), n.label())
            .add("birthDate", n.date(), n.label()).build());
      }
      entries.forEach(e -> entriesFirst.session(loader, CI).add(e));
      for (Workspace ws : List.of(entriesLast, entriesFirst)) {
        List<Entity> people = new ArrayList<>();
        for (Subject s : subjects) {
          EntityBuilder e = recs.entity("Person", s.id());
          s.cells().forEach(c -> e.add(c.property(), c.value(), c.label()));
          people.add(e.build());
        }
        if (!people.isEmpty()) {
          ws.session(loader, CI).add(people);
        }
        mentions.forEach(m -> say(ws.session(loader, CI), m));
      }
      entries.forEach(e -> entriesLast.session(Principal.of("writer", auths), CI).add(e));
      List<String> got = flags(entriesLast);
      net.jqwik.api.statistics.Statistics.collect(got.isEmpty() ? "no flag" : "flags");
      assertEquals(flags(entriesFirst), got);
    } finally {
      Directories.delete(a);
      Directories.delete(b);
    }
  }

  /** Writes subjects and mentions: all of them to {@code full}, what {@code writer} may see of them to {@code filtered}. */
  static void write(Workspace full, Workspace filtered, Principal loader, Principal writer, List<Subject> subjects,
      List<Said> mentions, Dataset recs, Set<String> invisible) {
    List<Entity> all = new ArrayList<>();
    List<Entity> visibleOnly = new ArrayList<>();
    for (Subject s : subjects) {
      EntityBuilder whole = recs.entity("Person", s.id());
      EntityBuilder part = recs.entity("Person", s.id());
      boolean any = false;
      for (Cell c : s.cells()) {
        whole.add(c.property(), c.value(), c.label());
        if (visible(writer, c.label())) {
          part.add(c.property(), c.value(), c.label());
          any = true;
        }
      }
      Entity e = whole.build();
      all.add(e);
      if (any) {
        visibleOnly.add(part.build());
      } else {
        invisible.add(e.id().value());
      }
    }
    if (!all.isEmpty()) {
      full.session(loader, CI).add(all);
    }
    if (!visibleOnly.isEmpty()) {
      filtered.session(loader, CI).add(visibleOnly);
    }
    for (Said m : mentions) {
      String documentId = say(full.session(loader, CI), m);
      if (visible(writer, m.documentLabel().and(m.mentionLabel()))) {
        say(filtered.session(loader, CI), m);
      } else {
        invisible.add(documentId);
      }
    }
  }

  /** A workspace screening a new entry only against the subjects its writer may see: the mode this property checks. */
  static Workspace open(Path dir) throws IOException {
    Workspace.builder(dir).clock(Fixtures.FIXED).watchLists("list").open().close();
    Files.writeString(dir.resolve(WatchListScreening.FILE), "reverseScreening=writer\n",
        java.nio.file.StandardOpenOption.APPEND);
    return Workspace.builder(dir).clock(Fixtures.FIXED).open();
  }

  static boolean visible(Principal p, Label label) {
    return Policy.standard().decide(p, CI, label, Fixtures.FIXED.instant()).allowed();
  }

  /** A document saying the name, and the name's mention; returns the document id. */
  static String say(Session s, Said m) {
    String text = "Report " + m.id() + ": " + m.name() + " was seen.";
    var hash = s.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    Document d = new Document(null, hash, m.id(), text, "en", Map.of(), null, null, m.documentLabel(),
        Provenance.of("reports", m.id(), "text:plain", null).withContentHash(hash));
    s.add(d);
    int start = text.indexOf(m.name());
    s.addMentions(List.of(new Mention(d.id(), start, start + m.name().length(), m.name(), PropertyType.NAME,
        m.name(), Optional.empty(), 0.9, m.mentionLabel(), Provenance.derived("reports", "ner:test",
        List.of(d.provenance())))));
    return d.id();
  }

  /** Every flag in the store, whoever may read it (purposes and retention dates hide some from every reader). */
  static List<String> flags(Workspace ws) {
    Map<String, Map<String, String>> byFlag = new java.util.TreeMap<>();
    Map<String, Label> labels = new java.util.HashMap<>();
    for (org.insight.core.Statement st : ws.store.statementsOf(Set.of("screening"), Set.of("Flag"),
        org.insight.search.Visibility.of(ws.store.labels()))) {
      byFlag.computeIfAbsent(st.entityId().value(), k -> new java.util.TreeMap<>()).put(st.property(), st.value());
      labels.put(st.entityId().value(), st.label());
    }
    List<String> out = new ArrayList<>();
    byFlag.forEach((id, v) -> out.add(id + " subject=" + v.get("subject") + " " + v.get("mention") + " "
        + v.get("entry") + " " + labels.get(id) + " " + v.get("probability") + " " + v.get("explanation")));
    return out;
  }

  @Provide
  Arbitrary<List<Subject>> subjects() {
    Arbitrary<Cell> cell = Combinators.combine(Arbitraries.of("name", "alias", "birthDate"),
        Arbitraries.integers().between(0, 6), labels())
        .as((p, i, l) -> new Cell(p, p.equals("birthDate") ? DATES.get(i % DATES.size()) : NAMES.get(i), l));
    Arbitrary<Subject> subject = Combinators.combine(Arbitraries.integers().between(1, 30),
            cell.list().ofMinSize(1).ofMaxSize(4).uniqueElements(c -> c.property() + "=" + c.value()))
        .as((i, cells) -> new Subject("s" + i, cells));
    return subject.list().ofMaxSize(8).uniqueElements(Subject::id);
  }

  @Provide
  Arbitrary<List<Said>> mentions() {
    // the loader must see a document to write its mentions; the mention's own label may restrict anything
    Arbitrary<Label> documentLabels = Arbitraries.of("A", "B", "C", "A&B", "A|C").map(Label::of);
    return Combinators.combine(Arbitraries.integers().between(1, 30), Arbitraries.of(NAMES),
            documentLabels, labels())
        .as((i, n, dl, ml) -> new Said("d" + i, n, dl, ml))
        .list().ofMaxSize(6).uniqueElements(Said::id);
  }

  @Provide
  Arbitrary<List<Notice>> notices() {
    return Combinators.combine(Arbitraries.integers().between(1, 9), Arbitraries.of(NAMES), Arbitraries.of(DATES),
            labels())
        .as((i, n, d, l) -> new Notice("n" + i, n, d, l))
        .list().ofMinSize(1).ofMaxSize(3).uniqueElements(Notice::id);
  }

  @Provide
  Arbitrary<Set<String>> auths() {
    // mostly well-cleared writers, so flags are raised and the invisible part is the exception that must not show
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.of(NoLeakProperties.TOKENS).set().ofMaxSize(1)),
        net.jqwik.api.Tuple.of(3, Arbitraries.of(NoLeakProperties.TOKENS).set().ofMinSize(2)));
  }
}
