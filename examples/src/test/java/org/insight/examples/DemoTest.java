package org.insight.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
  @TempDir Path dir;

  @Test
  void eachReaderSeesWhatItsClearancesPurposeAndRetentionAllow() {
    Demo.Result r = Demo.run(dir, new PrintWriter(new StringWriter(), true));
    assertEquals(16, r.entitiesLoaded()); // 4 notices, 3 national records, 4 phones, 4 calls, 1 expired record
    // persons, phones, calls, documents
    assertArrayEquals(new long[] {4, 0, 0, 0}, r.visibleCounts().get(0), "INTERPOL analyst: notices only");
    assertArrayEquals(new long[] {7, 4, 4, 4}, r.visibleCounts().get(1), "Lyon investigator: not the expired DE record;"
        + " documents: the report, the e-mail, its attachment, the HTML note");
    assertArrayEquals(new long[] {4, 4, 4, 0}, r.visibleCounts().get(2), "CT officer: calls through CT, no police file");
    assertArrayEquals(new long[] {0, 0, 0, 0}, r.visibleCounts().get(3), "border control is no source's purpose");
    assertTrue(r.audit().valid());
    // continuous screening flagged the Lyon record of Ivan PETROV against his notice, and only him
    assertEquals(java.util.List.of(org.insight.core.EntityId.fromSource("screening",
        org.insight.core.EntityId.fromSource("fr-police-records", "FR-77-0192").value() + "|"
            + org.insight.core.EntityId.fromSource("interpol-notices", "2026/4411").value()).value()), r.flagsSeen());
  }

  @Test
  void resolutionJoinsTheNoticeAndTheLyonRecordOnlyForAReaderWhoSeesBoth() {
    StringWriter text = new StringWriter();
    Demo.Result result = Demo.run(dir, new PrintWriter(text, true));
    String out = text.toString();
    assertTrue(out.contains("Ivan PETROV (fr-police-records) + Ivan Sergeyevich PETROV (interpol-notices)"), out);
    assertTrue(out.contains("birthDate:exact"), "the link is explained: " + out);
    assertTrue(out.contains("analyst.interpol sees 1 member(s)"), out);
    // rule 7: an OPEN clerk's two attempts to overwrite a notice are refused, and the INTERPOL view is unchanged
    assertTrue(out.contains("writing its name under INTERPOL: refused (WriteRefusedException)"), out);
    assertTrue(out.contains("superseding its name statement: refused (InvalidDataException)"), out);
    assertTrue(out.contains("the INTERPOL analyst's view of the notice is unchanged"), out);
    // the scan hands the Lyon investigator exactly the persons its count says it may see
    assertTrue(out.contains("investigator.lyon streams its " + result.visibleCounts().get(1)[0] + " persons with"), out);
  }

  @Test
  void theRecordPastItsDeleteAfterDateIsPurgedForGood() {
    StringWriter text = new StringWriter();
    Demo.run(dir, new PrintWriter(text, true));
    String de = org.insight.core.EntityId.fromSource("de-archive", "DE-2011-551").value();
    assertTrue(text.toString().contains("purged 3 statement(s) of " + de), text.toString());
    try (org.insight.workspace.Workspace ws = org.insight.workspace.Workspace.open(dir)) {
      var officer = ws.session(org.insight.policy.Principal.of("officer", "DE"), Demo.CI);
      assertTrue(officer.purgeExpired("again").isEmpty(), "nothing is left past delete-after");
      assertTrue(officer.entity(org.insight.core.EntityId.of(de)).isEmpty());
    }
  }

  @Test
  void trendsAlarmOnTheCardFraudJumpFromItsWeek() {
    StringWriter text = new StringWriter();
    Demo.run(dir, new PrintWriter(text, true));
    String out = text.toString();
    java.util.List<String> alarms = out.lines().filter(l -> l.startsWith("   ALARM ")).toList();
    assertEquals(java.util.List.of("card fraud since the week of " + TrendsStep.JUMP),
        alarms.stream().map(l -> l.substring(9, l.indexOf(':'))).toList(), out);
    assertTrue(out.contains("Q4 2025 vs Q4 2024, card fraud:"), out);
    assertTrue(out.contains("investigator.lyon's events by dataset: 1 series, label FR&POLICE"), out);
  }

  @Test
  void geoFindsTheCoLocationAndTheHotspotOnlyForTheInvestigator() throws Exception {
    StringWriter text = new StringWriter();
    Demo.run(dir, new PrintWriter(text, true));
    String out = text.toString();
    assertTrue(out.contains("co-location Ivan PETROV + Jean-Luc MOREAU: 2 encounter(s)"), out);
    assertTrue(out.contains("hotspot: ") && out.contains("near Lyon") && out.contains("(FR), Gi* z="), out);
    assertTrue(out.contains("analyst.interpol sees 0 point(s) and 0 co-location(s)"), out);
    String html = java.nio.file.Files.readString(dir.resolve("geo-map.html"));
    assertTrue(html.contains("<svg") && html.contains("France (FR)") && html.contains("<circle"), "an offline map");
    assertTrue(java.nio.file.Files.readString(dir.resolve("geo.geojson")).contains("\"FeatureCollection\""));
  }

  @Test
  void theGraphFindsTheHiddenConnectionOnlyForAReaderWhoSeesIt() {
    StringWriter text = new StringWriter();
    Demo.run(dir, new PrintWriter(text, true));
    String out = text.toString();
    // Ivan's record holds the phone that called the phone in Karim's record: two shared phones and a call
    assertTrue(out.contains("Ivan PETROV -[same phone +33612345678]- +33612345678 -[Call 2026-04-05 612s]-"
        + " +33655443322 -[same phone +33655443322]- Karim BENALI"), out);
    assertTrue(out.contains("analyst.interpol's graph: 4 nodes, 0 edges"), out);
  }

  @Test
  void theLyonProfileOfIvanIsOneLabelledOfflineFile() throws Exception {
    StringWriter text = new StringWriter();
    Demo.run(dir, new PrintWriter(text, true));
    String out = text.toString();
    java.nio.file.Path file = dir.resolve("profile-ivan-petrov.html");
    assertTrue(out.contains("open " + file.toAbsolutePath().normalize()), out);
    String html = java.nio.file.Files.readString(file);
    assertTrue(html.contains("Profile: Ivan PETROV") && html.contains("id=\"banner-top\"")
        && html.contains("id=\"banner-bottom\""), "a labelled profile");
    assertTrue(html.contains("PRINCIPAL investigator.lyon"), "made for the Lyon investigator");
    assertTrue(html.contains("default-src 'none'"), "a page that may fetch nothing");
  }

  @Test
  void aStandingQueryAlertsTheInvestigatorOfTheVisibleMessageOnly() {
    StringWriter text = new StringWriter();
    Demo.run(dir, new PrintWriter(text, true));
    String out = text.toString();
    assertTrue(out.contains("a batch of 2 vessel records landed; investigator.lyon has 1 alert(s):"), out);
    assertTrue(out.contains(", label FR&POLICE;purposes=criminal-investigation"), out);
    // a second run lands the same batch again: the same one alert, nothing twice
    StringWriter again = new StringWriter();
    Demo.run(dir, new PrintWriter(again, true));
    assertTrue(again.toString().contains("investigator.lyon has 1 alert(s):"), again.toString());
  }

  @Test
  void anFtmListScreensOutOfTheBoxAndTheLyonExportHoldsOnlyWhatLyonSees() throws Exception {
    StringWriter text = new StringWriter();
    Demo.run(dir, new PrintWriter(text, true));
    String out = text.toString();
    assertTrue(out.contains("'Иван Петров' (1975) against the list (1 persons): demo-sanction-petrov"), out);
    assertTrue(out.contains("sanction=[DEMO-ASSET-FREEZE (Demo Sanctions Authority, listed 2024-05-02)"), out);
    String exported = java.nio.file.Files.readString(dir.resolve("export-lyon.ftm.jsonl"));
    assertTrue(exported.contains("\"schema\":\"Person\""), exported);
    assertTrue(exported.contains("Ivan"), exported);
    assertTrue(java.nio.file.Files.readString(dir.resolve("export-lyon.ftm.jsonl.meta.json"))
        .contains("\"exportedBy\":\"investigator.lyon\""));
  }

  @Test
  void runningTheDemoTwiceDuplicatesNothing() {
    Demo.run(dir, new PrintWriter(new StringWriter(), true));
    Demo.Result again = Demo.run(dir, new PrintWriter(new StringWriter(), true));
    assertArrayEquals(new long[] {7, 4, 4, 4}, again.visibleCounts().get(1));
    assertTrue(again.audit().valid());
  }

  /**
   * Issue 14, finding 7: 'insight match resolve --auths INTERPOL' on the demo workspace dissolved, with no split event,
   * the cluster that 'insight match resolve --auths INTERPOL,FR,POLICE' had built. A lower-cleared run now changes
   * nothing for a reader who sees the higher run, and its effects are visible only to readers who see its inputs.
   */
  @Test
  void aLowerClearedRunNeverDissolvesTheClusterAHigherClearedRunBuilt() {
    Demo.run(dir, new PrintWriter(new StringWriter(), true));
    org.insight.core.EntityId national = org.insight.core.EntityId.fromSource("fr-police-records", "FR-77-0192");
    try (org.insight.workspace.Workspace ws = org.insight.workspace.Workspace.open(dir)) {
      Demo.Reader lyon = Demo.READERS.get(1);
      Demo.Reader interpol = Demo.READERS.get(0);
      org.insight.workspace.ResolvedEntity before;
      java.util.List<org.insight.workspace.MatchEvent> eventsBefore;
      try (org.insight.workspace.Session s = ws.session(lyon.principal(), lyon.purpose())) {
        before = s.resolution().resolved(national).orElseThrow();
        eventsBefore = s.resolution().events();
      }
      assertEquals(2, before.members().size(), "the demo's cluster: the notice and the Lyon record");
      try (org.insight.workspace.Session s = ws.session(interpol.principal(), interpol.purpose())) {
        s.resolution().run(org.insight.workspace.ResolveOptions.defaults());
      }
      try (org.insight.workspace.Session s = ws.session(lyon.principal(), lyon.purpose())) {
        org.insight.workspace.ResolvedEntity after = s.resolution().resolved(national).orElseThrow();
        assertEquals(before.cluster(), after.cluster(), "the cluster keeps its id");
        assertEquals(before.members().stream().map(e -> e.id()).toList(),
            after.members().stream().map(e -> e.id()).toList(), "and its members");
        assertEquals(eventsBefore.stream().map(e -> e.id()).toList(), s.resolution().events().stream()
            .map(e -> e.id()).toList(), "no event appears for a view that did not change");
      }
    }
  }

  @Test
  void twoAnalystsOnOneCaseSeeItAsFarAsTheirClearanceAllows() {
    StringWriter text = new StringWriter();
    Demo.run(dir, new PrintWriter(text, true));
    String out = text.toString();
    assertTrue(out.contains("investigator.lyon sees 2 reference(s), 2 note(s), 1 task(s), 8 history entries"), out);
    assertTrue(out.contains("analyst.interpol sees 1 reference(s), 1 note(s), 1 task(s), 6 history entries"), out);
    assertTrue(out.contains("refused (CaseConflictException: version 2 is the latest)"), out);
    assertTrue(out.contains("state in-progress, due 2026-06-15"), out);
    assertTrue(out.contains("a reader who is no member: no such case"), out);
  }

  @Test
  void aCaseGoesToRomeAsOneSignedZipAndAReleaseIsRefusedItemByItemForTheItalianProfile() {
    StringWriter text = new StringWriter();
    Demo.run(dir, new PrintWriter(text, true));
    String out = text.toString();
    assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("kestrel-package.zip")), "one file");
    assertTrue(out.contains("a copy with one byte flipped: refused (PackageRefusedException)"), out);
    assertTrue(out.contains("Rome verified and imported it: 2 entities, 3 members,") && out.contains("from lyon"
        + " (investigator.lyon)"), out);
    assertTrue(out.contains("imported again: nothing new"), out);
    assertTrue(java.util.regex.Pattern.compile("release of \\d+ item\\(s\\) to it-police: refused for [1-9]\\d* of them")
        .matcher(out).find(), out);
    assertTrue(out.contains("release to fr-police: released (approved by supervisor.lyon)"), out);
  }
}
