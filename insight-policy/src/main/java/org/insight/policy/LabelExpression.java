package org.insight.policy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.insight.policy.internal.AccumuloAccess;
import org.insight.policy.internal.Dnf;
import org.insight.policy.internal.ExpressionParser;
import org.insight.policy.internal.TooComplexException;

/**
 * An access expression such as {@code INTERPOL&(FR|DE)}: who may see a value, in the Apache Accumulo Access
 * grammar ({@code &}, {@code |}, parentheses, tokens quoted in {@code "..."} with {@code \"} and {@code \\}
 * escapes; {@code &} and {@code |} may not be mixed without parentheses).
 *
 * <p><b>Canonical form.</b> Every expression is kept in one canonical form: its minimal satisfying token sets,
 * printed as an OR of AND-terms with tokens sorted inside each term, terms sorted, parentheses around multi-token
 * terms when there is more than one term, and tokens quoted only when needed. For example {@code INTERPOL&(FR|DE)}
 * becomes {@code (DE&INTERPOL)|(FR&INTERPOL)} and {@code A|(A&B)} becomes {@code A}. We compute this form
 * ourselves because Accumulo Access's normalisation only sorts and de-duplicates: it leaves {@code A|(A&B)} and
 * {@code A} different although they grant exactly the same access. Since the label text is an index term and
 * labels are compared for equality, two expressions must print the same text exactly when they admit the same
 * authorization sets; the minimal DNF of a monotone formula has that property.
 *
 * <p><b>Bounds.</b> A canonical form has at most 511 terms (so {@code (A|B)&(C|D)&...} with nine or more such
 * factors is refused as too complex), input is at most 16,384 characters, nesting at most 64 levels, and the
 * canonical text at most 16,384 UTF-8 bytes. Exceeding any bound throws {@link LabelSyntaxException}.
 *
 * <p>Immutable and thread-safe. Equality, hash code and ordering are those of {@link #canonical()}.
 */
public final class LabelExpression implements Comparable<LabelExpression> {
  static final int MAX_CANONICAL_BYTES = 16_384;

  private final Dnf dnf;
  private final String canonical;

  private LabelExpression(Dnf dnf, String source) {
    this.dnf = dnf;
    this.canonical = dnf.print();
    if (canonical.getBytes(StandardCharsets.UTF_8).length > MAX_CANONICAL_BYTES) {
      throw new LabelSyntaxException(source, -1, "the label is too complex: its canonical form is longer than "
          + MAX_CANONICAL_BYTES + " bytes. Simplify it");
    }
    String problem = AccumuloAccess.problem(canonical);
    if (problem != null) { // a bug in this module, never the caller's input
      throw new LabelSyntaxException(source, -1, "internal error: canonical form \"" + canonical
          + "\" is not valid Accumulo syntax (" + problem + "); please report this");
    }
  }

  /**
   * Parses an access expression.
   *
   * @param expression an expression in Accumulo grammar, e.g. {@code INTERPOL&(FR|DE)}
   * @return the expression in canonical form
   * @throws LabelSyntaxException for any input that is not a valid, non-empty expression, with the position and
   *     what was expected; also when the expression is null, empty or blank, because an empty label would make
   *     data visible to everyone, so a source must declare an explicit default label instead
   */
  public static LabelExpression parse(String expression) {
    return new LabelExpression(ExpressionParser.parse(expression), expression);
  }

  /**
   * The expression consisting of one authorization token. Any non-empty name is allowed; it is quoted on print
   * when it has characters outside {@code [A-Za-z0-9_\-.:/]}.
   *
   * @throws LabelSyntaxException if the name is null, empty or not well-formed UTF-16
   */
  public static LabelExpression token(String authorization) {
    return new LabelExpression(ExpressionParser.token(authorization), authorization);
  }

  /** The canonical text (see the class comment); parsing it gives an equal expression. */
  public String canonical() {
    return canonical;
  }

  /**
   * Whether whoever may see data with this expression may also see data with {@code other}: this is at least as
   * strict as {@code other}. Exact: an expression without negation is satisfied exactly by the supersets of its
   * minimal terms, so it implies {@code other} when each of its terms satisfies {@code other}.
   *
   * @param other the other expression
   * @return true when every authorization set that satisfies this satisfies {@code other}
   */
  public boolean implies(LabelExpression other) {
    Objects.requireNonNull(other, "other");
    for (List<String> term : dnf.terms()) {
      if (!other.visibleTo(Set.copyOf(term))) {
        return false;
      }
    }
    return true;
  }

  /** The number of alternative terms of the canonical form. */
  int terms() {
    return dnf.terms().size();
  }

  /** The authorization names the expression mentions, unquoted and sorted. */
  public Set<String> tokens() {
    return dnf.tokens();
  }

  /**
   * Whether a holder of {@code authorizations} may see data with this expression, as decided by Accumulo
   * Access's evaluator. Null, empty and malformed (unpaired-surrogate) entries never match anything.
   */
  public boolean visibleTo(Set<String> authorizations) {
    Objects.requireNonNull(authorizations, "authorizations");
    return AccumuloAccess.canAccess(canonical, authorizations);
  }

  /**
   * Conjunction: visible exactly to those who can see both. Use it for data derived from both inputs.
   *
   * @throws LabelSyntaxException if the canonical form of the result would be too complex
   */
  public LabelExpression and(LabelExpression other) {
    Objects.requireNonNull(other, "other");
    String shown = "(" + canonical + ")&(" + other.canonical + ")";
    try {
      return new LabelExpression(dnf.and(other.dnf), shown);
    } catch (TooComplexException e) {
      throw new LabelSyntaxException(shown, -1, e.getMessage());
    }
  }

  /**
   * Disjunction: visible to those who can see either.
   *
   * @throws LabelSyntaxException if the canonical form of the result would be too complex
   */
  public LabelExpression or(LabelExpression other) {
    Objects.requireNonNull(other, "other");
    String shown = "(" + canonical + ")|(" + other.canonical + ")";
    try {
      return new LabelExpression(dnf.or(other.dnf), shown);
    } catch (TooComplexException e) {
      throw new LabelSyntaxException(shown, -1, e.getMessage());
    }
  }

  @Override
  public int compareTo(LabelExpression o) {
    return canonical.compareTo(o.canonical);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelExpression e && e.canonical.equals(canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  /** The canonical text. */
  @Override
  public String toString() {
    return canonical;
  }
}
