package org.insight.workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link CaseJournalKillTest}: appends case items to a case journal forever and prints
 * {@code ACK n} after each append returns (synced: acknowledged). The parent kills it with SIGKILL at a random moment.
 * It drives the journal directly (what a case write does after its checks), so a kill costs a small JVM's start-up,
 * not a workspace's.
 */
public final class CaseJournalKillWriter {
  static final String CASE = "case-kill";

  private CaseJournalKillWriter() {}

  public static void main(String[] args) {
    CaseJournal journal = new CaseJournal(Path.of(args[0]), false);
    int start = Integer.parseInt(args[1]);
    for (int i = start; ; i++) {
      CaseJournal.Entry e = entry(i);
      journal.write(CASE, items -> new CaseJournal.Planned(List.of(e), e.itemId()));
      System.out.println("ACK " + i);
      System.out.flush();
    }
  }

  /** Item {@code i}: a note with a text long enough (a few kB) that a kill can land inside its line. */
  static CaseJournal.Entry entry(int i) {
    return new CaseJournal.Entry(CASE, "note-" + i, CaseItem.Kind.NOTE, 1, "A", "writer",
        Instant.ofEpochSecond(1_780_000_000L + i), "create", Map.of("text", text(i)));
  }

  static String text(int i) {
    return ("note " + i + " ").repeat(400);
  }
}
