package org.insight.policy;

import java.util.List;
import org.insight.InsightException;

/**
 * A profile file ({@link Profiles}) is not valid: every problem, each with the file and line it is on, at once.
 */
public final class ProfileFileException extends InsightException {
  private static final long serialVersionUID = 1L;

  /** Record-free so the exception stays serialisable: each problem as {@code file:line: message}. */
  private final List<String> problems;

  ProfileFileException(List<String> problems) {
    super(problems.size() + " problem(s) in the profile file: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code file:line: message}. */
  public List<String> problems() {
    return problems;
  }
}
