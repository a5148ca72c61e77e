package org.insight.report;

import java.util.Objects;
import org.insight.core.Provenance;
import org.insight.policy.SourceGrading;

/**
 * Where a row or a claim of a product came from: the dataset, the record in it, the method that produced it and its
 * source grading (e.g. {@code B2}).
 */
public record Source(String dataset, String recordId, String method, SourceGrading grading) {
  public Source {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(grading, "grading");
  }

  /** The source of what has this provenance. */
  public static Source of(Provenance p) {
    return new Source(p.dataset(), p.recordId(), p.method(), p.grading());
  }

  /** {@code dataset/record · method · grading}, for a table cell. */
  public String text() {
    return dataset + (recordId.isEmpty() ? "" : "/" + recordId) + " · " + method + " · " + grading;
  }
}
