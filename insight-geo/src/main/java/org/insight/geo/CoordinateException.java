package org.insight.geo;

import org.insight.InsightException;

/** A coordinate that is not one: unreadable, or a latitude/longitude outside its range. Carries the offending text. */
public final class CoordinateException extends InsightException {
  private static final long serialVersionUID = 1L;

  private final String input;

  /** An error about {@code input}, with a message that states what was wrong and how to fix it. */
  public CoordinateException(String input, String message) {
    super(message);
    this.input = input;
  }

  /** The text or value that was refused, as given. */
  public String input() {
    return input;
  }
}
