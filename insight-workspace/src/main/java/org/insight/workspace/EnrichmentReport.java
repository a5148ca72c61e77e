package org.insight.workspace;

import java.util.List;

/**
 * What one {@link Enrichment} run did.
 *
 * @param documents documents read
 * @param updatedDocuments documents whose language or metadata changed and were written back
 * @param steps one entry per configured step, in order
 * @param failures documents a step failed on, with the reason; the other steps and documents went on
 * @param notes what steps noted (skips, fallbacks), at most 1,000
 */
public record EnrichmentReport(
    int documents, int updatedDocuments, List<StepReport> steps, List<Failure> failures, List<String> notes) {

  /** Copies the lists. */
  public EnrichmentReport {
    steps = List.copyOf(steps);
    failures = List.copyOf(failures);
    notes = List.copyOf(notes);
  }

  /** Whether every step was available and no document failed. */
  public boolean complete() {
    return failures.isEmpty() && steps.stream().allMatch(StepReport::available);
  }

  /**
   * One step's part.
   *
   * @param name the step's name
   * @param available whether it ran
   * @param unavailableReason why it did not, or {@code ""}
   * @param documents documents it enriched without failing
   * @param mentions mentions it produced (written; re-runs replace the same ones)
   * @param statements derived statements it produced
   * @param failed documents it failed on
   */
  public record StepReport(
      String name, boolean available, String unavailableReason, int documents, int mentions, int statements, int failed) {}

  /**
   * A document a step failed on.
   *
   * @param documentId the document
   * @param step the step, or {@code write} when writing its results failed
   * @param reason what went wrong
   */
  public record Failure(String documentId, String step, String reason) {}
}
