package org.insight.policy.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.accumulo.access.AccessEvaluator;
import org.apache.accumulo.access.AccessExpression;
import org.apache.accumulo.access.Authorizations;
import org.apache.accumulo.access.IllegalAccessExpressionException;

/**
 * The only place that touches Apache Accumulo Access: quoting, validation and evaluation. No Accumulo type leaves
 * this class.
 */
public final class AccumuloAccess {
  private AccumuloAccess() {}

  /** Quotes a token the way Accumulo does: only when it has a character outside {@code [A-Za-z0-9_\-.:/]}. */
  public static String quote(String token) {
    return AccessExpression.quote(token);
  }

  /**
   * Validates with Accumulo's own parser.
   *
   * @return {@code null} if valid, else Accumulo's description of the problem
   */
  public static String problem(String expression) {
    try {
      AccessExpression.validate(expression);
      return null;
    } catch (IllegalAccessExpressionException e) {
      return e.getDescription();
    }
  }

  /**
   * Whether the authorizations satisfy the expression, by Accumulo's evaluator. Authorizations that are
   * {@code null}, empty or not well-formed UTF-16 are dropped: no label token can equal them, and Accumulo would
   * otherwise encode an unpaired surrogate as {@code ?} and let it match the token {@code "?"}.
   */
  public static boolean canAccess(String expression, Collection<String> authorizations) {
    List<String> usable = new ArrayList<>(authorizations.size());
    for (String a : authorizations) {
      if (a != null && !a.isEmpty() && Text.wellFormed(a)) {
        usable.add(a);
      }
    }
    return AccessEvaluator.of(Authorizations.of(usable)).canAccess(expression);
  }
}
