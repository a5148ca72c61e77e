package org.insight.ingest;

import java.util.List;

/**
 * The outcome of reading one file through a mapping.
 *
 * @param file the file (or stream) name
 * @param rows source rows read (CSV lines after the header that were not blank, JSON records)
 * @param loaded rows that loaded (rows minus rejected rows)
 * @param entities node entities produced (one per row that mentions it: the same phone in ten rows counts ten,
 *     and is one entity once stored)
 * @param links link entities produced
 * @param problemCount every problem reported
 * @param problems the first {@value RecordReader#PROBLEMS_KEPT} problems (all of them reach the consumer)
 * @param complete false when reading stopped early (malformed JSON, a runaway quoted field); the reason is the
 *     last problem
 */
public record RecordSummary(String file, long rows, long loaded, long entities, long links, long problemCount,
    List<RowProblem> problems, boolean complete) {

  /** Copies the list. */
  public RecordSummary {
    problems = List.copyOf(problems);
  }

  @Override
  public String toString() {
    return file + ": " + rows + " rows, " + loaded + " loaded, " + entities + " entities, " + links + " links, "
        + problemCount + " problems" + (complete ? "" : " (stopped early)");
  }
}
