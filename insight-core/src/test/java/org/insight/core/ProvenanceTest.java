package org.insight.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
  static final Provenance ORIGIN = new Provenance("fr-records", "row-7", Optional.empty(),
      Instant.parse("2026-01-02T03:04:05Z"), "alice", "record:csv:persons", SourceGrading.parse("B2"), List.of());
  static final Provenance P = new Provenance("fr-records", "doc-1",
      Optional.of(ContentHash.of(new byte[] {1, 2})), Instant.parse("2026-01-03T00:00:00Z"), "bob", "pattern:iban@1",
      SourceGrading.parse("C3"), List.of(ORIGIN));

  @Test
  void eachWitherChangesItsFieldOnly() {
    assertEquals(new Provenance(P.dataset(), "run-9", P.contentHash(), P.ingestedAt(), P.ingestedBy(), P.method(),
        P.grading(), P.derivedFrom()), P.withRecordId("run-9"));
    assertEquals(new Provenance(P.dataset(), P.recordId(), P.contentHash(), P.ingestedAt(), P.ingestedBy(), "m@2",
        P.grading(), P.derivedFrom()), P.withMethod("m@2"));
    assertEquals(new Provenance(P.dataset(), P.recordId(), P.contentHash(), P.ingestedAt(), P.ingestedBy(), P.method(),
        SourceGrading.parse("A1"), P.derivedFrom()), P.withGrading(SourceGrading.parse("A1")));
    ContentHash h = ContentHash.of(new byte[] {3});
    assertEquals(new Provenance(P.dataset(), P.recordId(), Optional.of(h), P.ingestedAt(), P.ingestedBy(), P.method(),
        P.grading(), P.derivedFrom()), P.withContentHash(h));
    assertEquals("", P.withRecordId(null).recordId());
  }
}
