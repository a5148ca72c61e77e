package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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

  record Cell(String property, String value, Label label) {}

  record Subject(String id, List<Cell> cells) {}

  record Said(String id, String name, Label documentLabel, Label mentionLabel) {}

  record Notice(String id, String name, String date, Label label) {}

  @Property(tries = 15)
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
      List<Entity> all = new ArrayList<>();
      List<Entity> visibleOnly = new ArrayList<>();
      Set<String> invisible = new HashSet<>();
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
      Principal loader = Principal.of("loader", NoLeakProperties.TOKENS);
      full.session(loader, CI).add(all);
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
      assertEquals(List.of(), flags(full), "no entry yet, no flag");
      Dataset list = Dataset.of("list", Label.of("A"), SourceGrading.UNGRADED);
      for (Notice n : notices) {
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
      delete(a);
      delete(b);
    }
  }

  static Workspace open(Path dir) {
    return Workspace.builder(dir).clock(Fixtures.FIXED).watchLists("list").open();
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

  static List<String> flags(Workspace ws) {
    List<String> out = new ArrayList<>();
    for (Flag f : ws.session(Principal.of("reader", NoLeakProperties.TOKENS), CI).flags(null, 0, 1000).items()) {
      out.add(f.id() + " subject=" + f.subjectId() + " " + f.mentionId() + " " + f.entryId() + " " + f.label() + " "
          + f.probability() + " " + f.explanation());
    }
    out.sort(null);
    return out;
  }

  @Provide
  Arbitrary<List<Subject>> subjects() {
    Arbitrary<Cell> cell = Combinators.combine(Arbitraries.of("name", "alias", "birthDate"),
        Arbitraries.integers().between(0, 6), NoLeakProperties.labels())
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
            documentLabels, NoLeakProperties.labels())
        .as((i, n, dl, ml) -> new Said("d" + i, n, dl, ml))
        .list().ofMaxSize(4).uniqueElements(Said::id);
  }

  @Provide
  Arbitrary<List<Notice>> notices() {
    return Combinators.combine(Arbitraries.integers().between(1, 9), Arbitraries.of(NAMES), Arbitraries.of(DATES),
            NoLeakProperties.labels())
        .as((i, n, d, l) -> new Notice("n" + i, n, d, l))
        .list().ofMinSize(1).ofMaxSize(2).uniqueElements(Notice::id);
  }

  @Provide
  Arbitrary<Set<String>> auths() {
    return Arbitraries.of(NoLeakProperties.TOKENS).set().ofMaxSize(3);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
