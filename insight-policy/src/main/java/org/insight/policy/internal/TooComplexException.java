package org.insight.policy.internal;

/**
 * Thrown by {@link Dnf} when a canonical form would exceed its bounds. Callers turn it into a
 * {@link org.insight.policy.LabelSyntaxException} that names the label; it never leaves the policy module.
 */
public final class TooComplexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TooComplexException(String problem) {
    super(problem, null, false, false);
  }
}
