package org.insight.workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;

/** Small shared builders for workspace tests. */
final class Fixtures {
  static final Clock FIXED = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

  private Fixtures() {}

  /** Every token the workspace tests label data with. */
  static final java.util.List<String> TOKENS = java.util.List.of("A", "B", "C", "CT", "DE", "FR", "INTERPOL", "LIVE",
      "OPEN", "POLICE", "SECRET", "Z");

  /** A loader holding every token the tests label data with: a writer attaches only labels it holds (rule 7). */
  static org.insight.policy.Principal loader(String id) {
    return org.insight.policy.Principal.of(id, TOKENS);
  }

  static Dataset dataset(String name, String label) {
    return Dataset.of(name, Label.of(label), SourceGrading.parse("B2"));
  }

  static Dataset dataset(String name, Label label) {
    return Dataset.of(name, label, SourceGrading.parse("B2"));
  }

  static Entity person(Dataset ds, String recordId, String name) {
    return ds.entity("Person", recordId).add("name", name).build();
  }
}
