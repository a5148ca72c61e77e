package org.insight.policy.internal;

import org.insight.policy.LabelSyntaxException;

/**
 * Recursive-descent parser for the Accumulo access-expression grammar, producing the canonical {@link Dnf}
 * directly.
 *
 * <pre>
 * expression   = operand *( "&amp;" operand ) / operand *( "|" operand )   ; no mixing without parentheses
 * operand      = token / "(" expression ")"
 * token        = 1*( ALPHA / DIGIT / "_" / "-" / "." / ":" / "/" ) / DQUOTE 1*( char / "\" DQUOTE / "\\" ) DQUOTE
 * </pre>
 *
 * <p>Differences from Accumulo Access 1.0.0-beta, all deliberate: the empty expression is refused (an empty
 * label would make data visible to everyone); quoted tokens must be well-formed UTF-16 (Accumulo turns an unpaired
 * surrogate into {@code ?}, so two different labels would collide); nesting is limited to {@value #MAX_DEPTH}
 * levels and input to {@value #MAX_LENGTH} characters (Accumulo overflows the stack on deep nesting).
 * Every failure is a {@link LabelSyntaxException} with a 0-based character position.
 */
public final class ExpressionParser {
  /** The deepest parenthesis nesting accepted. */
  public static final int MAX_DEPTH = 64;
  /** The longest expression accepted, in characters. */
  public static final int MAX_LENGTH = 16_384;

  static final String EMPTY_LABEL = "a label must not be empty or blank: an empty label would make the data"
      + " visible to everyone. Declare an explicit default label for the source (for example the originating"
      + " agency's token) and use it for data that arrives without one";

  private final String s;
  private int pos;
  private int depth;

  private ExpressionParser(String s) {
    this.s = s;
  }

  /** Parses {@code expression} to its canonical form. */
  public static Dnf parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new LabelSyntaxException(expression, -1, EMPTY_LABEL);
    }
    if (expression.length() > MAX_LENGTH) {
      throw new LabelSyntaxException(expression, -1, "the label is " + expression.length()
          + " characters long; at most " + MAX_LENGTH + " are allowed. Simplify it");
    }
    ExpressionParser p = new ExpressionParser(expression);
    try {
      Dnf dnf = p.expression();
      if (p.pos < expression.length()) {
        if (expression.charAt(p.pos) == ')') {
          throw p.error("found ')' without a matching '('; remove it or add the missing '('");
        }
        throw p.error("expected '&', '|' or the end of the label but found " + Text.show(expression, p.pos)
            + p.quoteHint());
      }
      return dnf;
    } catch (TooComplexException e) {
      throw new LabelSyntaxException(expression, -1, e.getMessage());
    }
  }

  /** Checks a single authorization token for {@code LabelExpression.token}. */
  public static Dnf token(String authorization) {
    if (authorization == null || authorization.isEmpty()) {
      throw new LabelSyntaxException(authorization, -1,
          "an authorization token must not be null or empty; pass the authorization's name");
    }
    int bad = Text.firstUnpairedSurrogate(authorization);
    if (bad >= 0) {
      throw new LabelSyntaxException(authorization, bad, "unpaired UTF-16 surrogate in authorization token;"
          + " fix the text encoding of the source");
    }
    if (authorization.length() > MAX_LENGTH) {
      throw new LabelSyntaxException(authorization, -1, "the authorization token is longer than " + MAX_LENGTH
          + " characters");
    }
    return Dnf.token(authorization);
  }

  /** Whether {@code c} may appear in an unquoted token. */
  public static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '-' || c == '.' || c == ':' || c == '/';
  }

  private Dnf expression() {
    Dnf acc = operand();
    char op = 0;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != '&' && c != '|') {
        break;
      }
      if (op == 0) {
        op = c;
      } else if (c != op) {
        throw error("cannot mix '&' and '|' at the same level; add parentheses to say which binds first,"
            + " e.g. (A&B)|C or A&(B|C)");
      }
      pos++;
      Dnf next = operand();
      acc = op == '&' ? acc.and(next) : acc.or(next);
    }
    return acc;
  }

  private Dnf operand() {
    if (pos >= s.length()) {
      throw error("expected an authorization token or '(' but found the end of the label; complete the"
          + " expression or remove the trailing operator");
    }
    char c = s.charAt(pos);
    if (c == '(') {
      int open = pos;
      if (++depth > MAX_DEPTH) {
        throw error("parentheses are nested more than " + MAX_DEPTH + " levels deep; simplify the label");
      }
      pos++;
      Dnf inner = expression();
      if (pos >= s.length()) {
        throw error("expected ')' to close the '(' at position " + open + " but found the end of the label;"
            + " add the missing ')'");
      }
      if (s.charAt(pos) != ')') {
        throw error("expected '&', '|' or ')' but found " + Text.show(s, pos) + quoteHint());
      }
      pos++;
      depth--;
      return inner;
    }
    if (c == '"') {
      return quoted();
    }
    if (isTokenChar(c)) {
      int start = pos;
      while (pos < s.length() && isTokenChar(s.charAt(pos))) {
        pos++;
      }
      return Dnf.token(s.substring(start, pos));
    }
    throw error("expected an authorization token or '(' but found " + Text.show(s, pos) + quoteHint());
  }

  private Dnf quoted() {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw new LabelSyntaxException(s, start, "the quote opened here is never closed; add the closing '\"'"
            + " (and write a '\"' or '\\' inside a quoted token as \\\" or \\\\)");
      }
      char ch = s.charAt(pos);
      if (ch == '"') {
        pos++;
        break;
      }
      if (ch == '\\') {
        if (pos + 1 >= s.length()) {
          throw new LabelSyntaxException(s, start, "the quote opened here is never closed; add the closing '\"'");
        }
        char next = s.charAt(pos + 1);
        if (next != '"' && next != '\\') {
          throw error("invalid escape '\\" + (Character.isSurrogate(next) ? "?" : String.valueOf(next))
              + "' in a quoted token; only \\\" and \\\\ are allowed. Write a literal backslash as \\\\");
        }
        sb.append(next);
        pos += 2;
        continue;
      }
      if (Character.isHighSurrogate(ch) && pos + 1 < s.length() && Character.isLowSurrogate(s.charAt(pos + 1))) {
        sb.append(ch).append(s.charAt(pos + 1));
        pos += 2;
        continue;
      }
      if (Character.isSurrogate(ch)) {
        throw error("unpaired UTF-16 surrogate inside a quoted token; fix the text encoding of the source");
      }
      sb.append(ch);
      pos++;
    }
    if (sb.length() == 0) {
      throw new LabelSyntaxException(s, start, "empty quoted authorization token \"\"; put the authorization's"
          + " name between the quotes or remove it");
    }
    return Dnf.token(sb.toString());
  }

  private String quoteHint() {
    char c = s.charAt(pos);
    if (c == '&' || c == '|' || c == '(' || c == ')' || c == '"' || isTokenChar(c)) {
      return "";
    }
    return "; authorization tokens with characters other than letters, digits and _ - . : / must be written"
        + " in double quotes, e.g. \"REL EU\"";
  }

  private LabelSyntaxException error(String problem) {
    return new LabelSyntaxException(s, pos, problem);
  }
}
