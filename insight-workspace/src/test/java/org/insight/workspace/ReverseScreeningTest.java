package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new watch-list entry is screened against the persons and names already in the workspace. */
class ReverseScreeningTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  static final String REPORT = "Surveillance report 17: Omar AL-RASHID was seen with the courier at the port.";

  @TempDir Path dir;

  static Workspace open(Path dir) {
    return Workspace.builder(dir).clock(Fixtures.FIXED).watchLists("notices").open();
  }

  static Entity notice() {
    return Fixtures.dataset("notices", "INTERPOL").entity("Person", "2026/77").add("name", "Omar Al Rashid")
        .add("birthDate", "1979-02-11").add("nationality", "jo").build();
  }

  static Entity frRecord() {
    return Fixtures.dataset("fr-records", "FR").entity("Person", "FR-9").add("name", "AL RASHID, Omar")
        .add("birthDate", "11/02/1979").add("address", "12 r. de la Paix, 75002 Paris").build();
  }

  /** Writes a report (label FR) and its mention of Omar AL-RASHID; returns the mention. */
  static Mention report(Session writer) {
    return report(writer, "r17", REPORT);
  }

  static Mention report(Session writer, String ref, String text) {
    var hash = writer.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    Document d = new Document(null, hash, "Report " + ref, text, "en", Map.of(), null, null, Label.of("FR"),
        Provenance.of("fr-reports", ref, "text:plain", null).withContentHash(hash));
    writer.add(d);
    int start = text.indexOf("Omar");
    Mention m = new Mention(d.id(), start, start + "Omar AL-RASHID".length(), "Omar AL-RASHID", PropertyType.NAME,
        "Omar AL-RASHID", Optional.empty(), 0.9, Label.of("FR"),
        Provenance.derived("fr-reports", "ner:test", List.of(d.provenance())));
    writer.addMentions(List.of(m));
    return m;
  }

  static List<Flag> flags(Workspace ws) {
    return ws.session(Principal.of("analyst", "INTERPOL", "FR"), CI).flags(null, 0, 100).items();
  }

  @Test
  void aNoticeArrivingAfterAReportAndARecordFlagsBoth() {
    try (Workspace ws = open(dir)) {
      Session fr = ws.session(Principal.of("fr-clerk", "FR"), CI);
      Mention m = report(fr);
      fr.add(frRecord());
      assertEquals(List.of(), flags(ws), "no watch-list entry yet");

      Session writer = ws.session(Principal.of("desk", "INTERPOL", "FR"), CI);
      writer.add(notice());
      List<Flag> flags = flags(ws);
      assertEquals(2, flags.size(), flags.toString());
      String entry = notice().id().value();
      Flag mention = flags.stream().filter(f -> f.mentionId().isPresent()).findFirst().orElseThrow();
      assertEquals(m.documentId(), mention.subjectId());
      assertEquals(Optional.of(m.id()), mention.mentionId());
      assertEquals(entry, mention.entryId());
      assertEquals(Label.of("FR").and(Label.of("INTERPOL")), mention.label());
      assertTrue(mention.explanation().startsWith("name:exact"), mention.explanation());
      Flag person = flags.stream().filter(f -> f.mentionId().isEmpty()).findFirst().orElseThrow();
      assertEquals(frRecord().id().value(), person.subjectId());
      assertTrue(person.probability() >= 0.9, person.toString());
      assertTrue(person.explanation().contains("birthDate:exact"), person.explanation());
      assertEquals(2, person.provenance().derivedFrom().size());
      assertTrue(ScreeningWorkspaceTest.events(ws).stream().anyMatch(e -> e.operation().equals("flag.create")
          && e.principal().equals("desk") && e.items().containsAll(flags.stream().map(f -> f.id().value()).toList())));

      // a reader cleared for one side only sees neither
      assertEquals(0, ws.session(Principal.of("fr", "FR"), CI).flags(null, 0, 10).total());
      assertEquals(0, ws.session(Principal.of("ip", "INTERPOL"), CI).flags(null, 0, 10).total());

      // the same pair is never flagged twice, whichever side arrives again; a dismissal stays
      Session analyst = ws.session(Principal.of("analyst", "INTERPOL", "FR"), CI);
      analyst.reviewFlag(person.id(), "dismissed");
      writer.add(notice());
      fr.add(frRecord());
      assertEquals(2, flags(ws).size());
      assertEquals(List.of(person.id()), analyst.flags("dismissed", 0, 10).items().stream().map(Flag::id).toList());
    }
  }

  @Test
  void aReverseFlagIsTheFlagTheForwardDirectionRaises() throws Exception {
    Path other = Files.createTempDirectory(dir, "forward");
    List<String> reverse;
    try (Workspace ws = open(dir.resolve("reverse"))) {
      report(ws.session(Principal.of("fr-clerk", "FR"), CI));
      ws.session(Principal.of("fr-clerk", "FR"), CI).add(frRecord());
      ws.session(Principal.of("desk", "INTERPOL", "FR"), CI).add(notice());
      reverse = view(flags(ws));
    }
    try (Workspace ws = open(other)) {
      ws.session(Principal.of("desk", "INTERPOL", "FR"), CI).add(notice());
      report(ws.session(Principal.of("fr-clerk", "FR"), CI));
      ws.session(Principal.of("fr-clerk", "FR"), CI).add(frRecord());
      assertEquals(view(flags(ws)), reverse);
    }
    assertEquals(2, reverse.size());
  }

  @Test
  void subjectsWrittenBetweenEntriesAreScreenedAsARebuiltIndexWould() throws Exception {
    Dataset notices = Fixtures.dataset("notices", "INTERPOL");
    Entity claire = notices.entity("Person", "2026/1").add("name", "Claire Martin").build();
    Entity other = notices.entity("Person", "2026/2").add("name", "Pavel Novak").build();
    String second = "Report 18: Omar Al-Rashid again, near the market.";
    List<String> interleaved;
    try (Workspace ws = open(dir.resolve("interleaved"))) {
      Session desk = ws.session(Principal.of("desk", "INTERPOL", "FR"), CI);
      Session fr = ws.session(Principal.of("fr-clerk", "FR"), CI);
      desk.add(claire);          // the desk's subject index is built: no FR label in the workspace yet
      report(fr);                // a label the index has not placed: it is dropped and rebuilt at the next entry
      desk.add(other);
      fr.add(frRecord());        // now kept up to date in place
      report(fr, "r18", second);
      desk.add(notice());        // only the index sees these subjects: they came after the first two entries
      interleaved = view(flags(ws));
    }
    try (Workspace ws = open(dir.resolve("subjects-first"))) {
      Session fr = ws.session(Principal.of("fr-clerk", "FR"), CI);
      report(fr);
      fr.add(frRecord());
      report(fr, "r18", second);
      Session desk = ws.session(Principal.of("desk", "INTERPOL", "FR"), CI);
      desk.add(claire);
      desk.add(other);
      desk.add(notice());
      assertEquals(view(flags(ws)), interleaved);
    }
    assertEquals(3, interleaved.size(), interleaved.toString());
  }

  static List<String> view(List<Flag> flags) {
    return flags.stream().map(f -> f.id() + " " + f.subjectId() + " " + f.mentionId() + " " + f.entryId() + " "
        + f.label() + " " + f.probability() + " " + f.explanation()).sorted().toList();
  }

  @Test
  void withReverseScreeningWriterOnlySubjectsTheWriterMaySeeAreScreened() throws Exception {
    open(dir).close();
    Files.writeString(dir.resolve(WatchListScreening.FILE), "reverseScreening=writer\n",
        java.nio.file.StandardOpenOption.APPEND);
    try (Workspace ws = open(dir)) {
      report(ws.session(Principal.of("fr-clerk", "FR"), CI));
      ws.session(Principal.of("fr-clerk", "FR"), CI).add(frRecord());
      ws.session(Principal.of("interpol-only", "INTERPOL"), CI).add(notice());
      assertEquals(List.of(), flags(ws), "the writer cannot see the FR subjects");
    }
  }

  @Test
  void byDefaultEverySubjectIsScreenedAndOnlyReadersClearedForBothSeeTheFlags() {
    try (Workspace ws = open(dir)) {
      report(ws.session(Principal.of("fr-clerk", "FR"), CI));
      ws.session(Principal.of("fr-clerk", "FR"), CI).add(frRecord());
      ws.session(Principal.of("loader", "INTERPOL"), CI).add(notice()); // a loader cleared for the notices only
      assertEquals(2, flags(ws).size());
      assertEquals(0, ws.session(Principal.of("loader", "INTERPOL"), CI).flags(null, 0, 10).total());
      assertEquals(0, ws.session(Principal.of("ip", "INTERPOL"), CI).flags(null, 0, 10).total());
      assertEquals(0, ws.session(Principal.of("fr", "FR"), CI).flags(null, 0, 10).total());
    }
  }

  @Test
  void aReaderSeesTheSameFlagsWhicheverSideCameFirstAndWhoeverWroteIt(@TempDir Path other) {
    List<String> entryLast;
    try (Workspace ws = open(dir)) {
      report(ws.session(Principal.of("fr-clerk", "FR"), CI));
      ws.session(Principal.of("fr-clerk", "FR"), CI).add(frRecord());
      ws.session(Principal.of("interpol-only", "INTERPOL"), CI).add(notice());
      entryLast = view(ws.session(Principal.of("analyst", "INTERPOL", "FR"), CI).flags(null, 0, 10).items());
    }
    try (Workspace ws = open(other)) {
      ws.session(Principal.of("interpol-only", "INTERPOL"), CI).add(notice());
      report(ws.session(Principal.of("fr-clerk", "FR"), CI));
      ws.session(Principal.of("fr-clerk", "FR"), CI).add(frRecord());
      assertEquals(entryLast, view(ws.session(Principal.of("analyst", "INTERPOL", "FR"), CI).flags(null, 0, 10)
          .items()));
    }
    assertEquals(2, entryLast.size());
  }

  @Test
  void anUnrelatedNoticeRaisesNoFlag() {
    try (Workspace ws = open(dir)) {
      report(ws.session(Principal.of("fr-clerk", "FR"), CI));
      Dataset notices = Fixtures.dataset("notices", "INTERPOL");
      ws.session(Principal.of("desk", "INTERPOL", "FR"), CI).add(notices.entity("Person", "2026/78")
          .add("name", "Claire Martin").add("birthDate", "1990-01-01").build());
      assertEquals(List.of(), flags(ws));
      assertEquals(Optional.empty(), ws.session(Principal.of("a", "INTERPOL", "FR"), CI)
          .entity(EntityId.fromSource("screening", "x")));
    }
  }
}
