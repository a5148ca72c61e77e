package org.insight.core;

import java.util.List;
import java.util.Objects;
import org.insight.InsightException;

/**
 * Input data that cannot be accepted: one or more values that failed cleaning or validation.
 *
 * <p>Each {@link Problem} says where the value was (a property type, a property or a record field), what was
 * wrong with it, the offending value (truncated) and what to do. The exception message summarises the count
 * and the first few problems, so a log line alone is enough to fix the input.
 */
public class InvalidDataException extends InsightException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 3;

  /**
   * One rejected value.
   *
   * @param where where the value was: a property type id ({@code date}), a property ({@code birthDate}) or a
   *     record field
   * @param message what was wrong, the offending value and what to do
   */
  public record Problem(String where, String message) {
    /** Checks that both parts are present. */
    public Problem {
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return where + ": " + message;
    }
  }

  private final transient List<Problem> problems;

  /**
   * An exception for one problem.
   *
   * @param problem the rejected value
   */
  public InvalidDataException(Problem problem) {
    this(List.of(problem));
  }

  /**
   * An exception for several problems, found together so the caller can fix them all at once.
   *
   * @param problems at least one problem
   */
  public InvalidDataException(List<Problem> problems) {
    super(summarise(problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * The rejected values, in the order they were found.
   *
   * @return an immutable list, non-empty except on a deserialised copy
   */
  public List<Problem> problems() {
    // null only after Java deserialisation, which drops the (non-serialisable) problems; the message remains
    return problems == null ? List.of() : problems;
  }

  private static String summarise(List<Problem> problems) {
    if (problems == null || problems.isEmpty()) {
      // a programming error in the thrower, not bad data; say so rather than throw an empty report
      throw new IllegalArgumentException("InvalidDataException needs at least one problem");
    }
    StringBuilder sb = new StringBuilder();
    int n = problems.size();
    sb.append(n).append(n == 1 ? " invalid value: " : " invalid values: ");
    for (int i = 0; i < Math.min(SHOWN, n); i++) {
      if (i > 0) {
        sb.append("; ");
      }
      sb.append('[').append(problems.get(i).where()).append("] ").append(problems.get(i).message());
    }
    if (n > SHOWN) {
      sb.append("; and ").append(n - SHOWN).append(" more (see problems())");
    }
    return sb.toString();
  }
}
