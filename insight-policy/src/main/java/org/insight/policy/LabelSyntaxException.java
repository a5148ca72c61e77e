package org.insight.policy;

import org.insight.InsightException;

/**
 * A label expression or label text that cannot be read.
 *
 * <p>The message names the offending text, the position (when there is one), what was expected there and what
 * to do. {@link #expression()} and {@link #position()} give the same facts to code, for example to underline
 * the error in an editor.
 */
public final class LabelSyntaxException extends InsightException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_QUOTED = 200;

  private final String expression;
  private final int position;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param expression the text that was being read; {@code null} is recorded as the empty string
   * @param position the 0-based character index of the problem, or -1 when the problem is not at one place
   * @param problem what was expected and what to do, e.g. {@code "expected ')' but found end of label"}
   */
  public LabelSyntaxException(String expression, int position, String problem) {
    super(message(expression, position, problem));
    this.expression = expression == null ? "" : expression;
    this.position = position < 0 ? -1 : position;
    this.problem = problem;
  }

  /** The text that could not be read (the empty string when it was {@code null}). */
  public String expression() {
    return expression;
  }

  /** The 0-based character index of the problem in {@link #expression()}, or -1 if it is not positional. */
  public int position() {
    return position;
  }

  /** The problem without the "Invalid label ..." prefix, for re-wrapping. */
  String problem() {
    return problem;
  }

  private static String message(String expression, int position, String problem) {
    String shown;
    if (expression == null) {
      shown = "null";
    } else if (expression.length() > MAX_QUOTED) {
      shown = '"' + expression.substring(0, MAX_QUOTED) + "\"... (" + expression.length() + " characters)";
    } else {
      shown = '"' + expression + '"';
    }
    return "Invalid label " + shown + (position >= 0 ? " at position " + position : "") + ": " + problem;
  }
}
