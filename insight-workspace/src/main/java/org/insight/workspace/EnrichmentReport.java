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

  /** An empty report: nothing read, no steps. */
  static EnrichmentReport empty() {
    return new EnrichmentReport(0, 0, List.of(), List.of(), List.of());
  }

  /**
   * This report and a later one over other documents, as one (ingest enriches batch by batch): counts add up, a step
   * is available only if it was in both, failures and notes are kept (notes at most 1,000).
   */
  EnrichmentReport plus(EnrichmentReport later) {
    java.util.Map<String, StepReport> steps = new java.util.LinkedHashMap<>();
    for (StepReport s : this.steps) {
      steps.put(s.name(), s);
    }
    for (StepReport s : later.steps) {
      steps.merge(s.name(), s, (a, b) -> new StepReport(a.name(), a.available() && b.available(),
          a.unavailableReason().isEmpty() ? b.unavailableReason() : a.unavailableReason(),
          a.documents() + b.documents(), a.mentions() + b.mentions(), a.statements() + b.statements(),
          a.failed() + b.failed()));
    }
    List<Failure> failures = new java.util.ArrayList<>(this.failures);
    failures.addAll(later.failures);
    List<String> notes = new java.util.ArrayList<>(this.notes);
    notes.addAll(later.notes.subList(0, Math.min(later.notes.size(), Math.max(0, 1_000 - notes.size()))));
    return new EnrichmentReport(documents + later.documents, updatedDocuments + later.updatedDocuments,
        List.copyOf(steps.values()), failures, notes);
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
