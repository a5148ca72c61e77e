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
    // the scan hands the Lyon investigator exactly the persons its count says it may see
    assertTrue(out.contains("investigator.lyon streams its " + result.visibleCounts().get(1)[0] + " persons with"), out);
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
  void runningTheDemoTwiceDuplicatesNothing() {
    Demo.run(dir, new PrintWriter(new StringWriter(), true));
    Demo.Result again = Demo.run(dir, new PrintWriter(new StringWriter(), true));
    assertArrayEquals(new long[] {7, 4, 4, 4}, again.visibleCounts().get(1));
    assertTrue(again.audit().valid());
  }
}
