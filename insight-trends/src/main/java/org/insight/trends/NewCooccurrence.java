package org.insight.trends;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A value seen for the first time in a context where it had never appeared before, after having been seen elsewhere:
 * a phone number or wallet in a new country's reports, a modus operandi in a new region. {@code firstSeen} is when it
 * first appeared in this context; {@code knownContexts} how many other contexts held it before.
 */
public record NewCooccurrence(String value, String context, LocalDate firstSeen, int knownContexts) {
  public NewCooccurrence {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(firstSeen, "firstSeen");
  }
}
