package org.insight.core.internal;

import org.insight.core.InvalidDataException;

/** The one-problem {@link InvalidDataException} that cleaning and schema code throw. */
public final class Problems {
  private Problems() {}

  /** A one-problem {@link InvalidDataException}: {@code where} the value was and what was wrong with it. */
  public static InvalidDataException invalid(String where, String message) {
    return new InvalidDataException(new InvalidDataException.Problem(where, message));
  }
}
