package org.insight.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.insight.policy.SourceGrading;

/**
 * Where a value came from: the source dataset, the original record, the bytes it was read from, who ingested it
 * and when, the method that produced it, the source grading, and the provenance of what it was derived from.
 * Nothing enters a workspace without it (rule 4).
 *
 * @param dataset the source dataset (originating agency's feed, a case file, ...)
 * @param recordId the record's own id in the source, empty for unstructured items
 * @param contentHash SHA-256 of the original bytes in the evidence store, if any
 * @param ingestedAt when the workspace accepted it; stamped by the workspace on write
 * @param ingestedBy the principal that wrote it; stamped by the workspace on write
 * @param method how the value was produced, e.g. {@code record:csv}, {@code tika:PDFParser}, {@code pattern:iban}
 * @param grading the source reliability and information assessment
 * @param derivedFrom the provenance of the inputs of a derived value; empty for original data
 */
public record Provenance(
    String dataset,
    String recordId,
    Optional<ContentHash> contentHash,
    Instant ingestedAt,
    String ingestedBy,
    String method,
    SourceGrading grading,
    List<Provenance> derivedFrom) {

  public Provenance {
    dataset = requireText(dataset, "dataset");
    recordId = recordId == null ? "" : recordId;
    contentHash = Objects.requireNonNullElse(contentHash, Optional.empty());
    ingestedAt = Objects.requireNonNullElse(ingestedAt, Instant.EPOCH);
    ingestedBy = ingestedBy == null ? "" : ingestedBy;
    method = requireText(method, "method");
    grading = Objects.requireNonNullElse(grading, SourceGrading.UNGRADED);
    derivedFrom = List.copyOf(Objects.requireNonNullElse(derivedFrom, List.of()));
  }

  /** Provenance of original data from {@code dataset}, read by {@code method}. */
  public static Provenance of(String dataset, String recordId, String method, SourceGrading grading) {
    return new Provenance(dataset, recordId, Optional.empty(), null, null, method, grading, List.of());
  }

  /**
   * Provenance of a value derived by {@code method} from {@code inputs}: it keeps every input's provenance and
   * carries the weakest of their gradings (derived data is no more reliable than what it came from).
   */
  public static Provenance derived(String dataset, String method, List<Provenance> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a derived value needs at least one input provenance");
    }
    SourceGrading grading = inputs.get(0).grading();
    for (Provenance p : inputs) {
      grading = grading.weakest(p.grading());
    }
    return new Provenance(dataset, "", Optional.empty(), null, null, method, grading, inputs);
  }

  /** The same provenance with the content hash of its bytes. */
  public Provenance withContentHash(ContentHash hash) {
    return new Provenance(dataset, recordId, Optional.of(hash), ingestedAt, ingestedBy, method, grading, derivedFrom);
  }

  /** The same provenance with another record id (empty when null). */
  public Provenance withRecordId(String id) {
    return new Provenance(dataset, id, contentHash, ingestedAt, ingestedBy, method, grading, derivedFrom);
  }

  /** The same provenance with another method. */
  public Provenance withMethod(String by) {
    return new Provenance(dataset, recordId, contentHash, ingestedAt, ingestedBy, by, grading, derivedFrom);
  }

  /** The same provenance with another grading. */
  public Provenance withGrading(SourceGrading g) {
    return new Provenance(dataset, recordId, contentHash, ingestedAt, ingestedBy, method, g, derivedFrom);
  }

  /** The same provenance, stamped with who wrote it and when; the workspace does this on every write. */
  public Provenance stamped(String principal, Instant at) {
    return new Provenance(dataset, recordId, contentHash, at, principal, method, grading, derivedFrom);
  }

  /** Every content hash this value can be traced to, its own and its inputs'. */
  public List<ContentHash> evidence() {
    List<ContentHash> out = new ArrayList<>();
    contentHash.ifPresent(out::add);
    for (Provenance p : derivedFrom) {
      out.addAll(p.evidence());
    }
    return out;
  }

  static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new InvalidDataException(
          new InvalidDataException.Problem("provenance", "the " + what + " is missing: every value must say where it came from"));
    }
    return value;
  }
}
