package org.insight.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * How the extraction of one item ended: ingested, or quarantined with a reason and a message for a person.
 *
 * @param reason empty when ingested
 * @param message what went wrong and what to do; "" when ingested
 */
public record Outcome(Optional<QuarantineReason> reason, String message) {
  private static final Outcome INGESTED = new Outcome(Optional.empty(), "");

  public Outcome {
    reason = Objects.requireNonNullElse(reason, Optional.empty());
    message = message == null ? "" : message;
  }

  /** The item's text and metadata were extracted. */
  public static Outcome ingested() {
    return INGESTED;
  }

  /** The item was quarantined for {@code reason}; {@code message} says what was wrong and what to do. */
  public static Outcome quarantined(QuarantineReason reason, String message) {
    return new Outcome(Optional.of(Objects.requireNonNull(reason, "reason")), message);
  }

  public boolean isIngested() {
    return reason.isEmpty();
  }

  public boolean isQuarantined() {
    return reason.isPresent();
  }

  @Override
  public String toString() {
    return reason.map(r -> "quarantined " + r + ": " + message).orElse("ingested");
  }
}
