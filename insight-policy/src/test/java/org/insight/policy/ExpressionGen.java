package org.insight.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random access expressions in Accumulo syntax, for differential and property tests. */
final class ExpressionGen {
  /** Six tokens: plain, needing quotes (space, unicode, surrogate pair) and needing escapes. */
  static final List<String> TOKENS = List.of("A", "b.c", "x y", "五", "q\"\\", "\uD83D\uDE00");
  /** Characters useful for mutating expressions. */
  static final String MUTATIONS = "&|()\"\\ A_é五;\u0000\uD83D\uDE00";

  private ExpressionGen() {}

  /** A well-formed expression over the first {@code alphabet} tokens, with random redundant quoting/parens. */
  static String expression(Random r, int alphabet, int depth) {
    if (depth <= 0 || r.nextInt(3) == 0) {
      String t = TOKENS.get(r.nextInt(alphabet));
      String s = print(t, r.nextInt(4) == 0);
      return r.nextInt(8) == 0 ? "(" + s + ")" : s;
    }
    char op = r.nextBoolean() ? '&' : '|';
    int n = 2 + r.nextInt(2);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(op);
      }
      String sub = expression(r, alphabet, depth - 1);
      boolean needsParens = sub.indexOf('&') >= 0 || sub.indexOf('|') >= 0;
      sb.append(needsParens || r.nextInt(10) == 0 ? "(" + sub + ")" : sub);
    }
    return sb.toString();
  }

  /** A token written quoted when needed or when {@code forceQuotes}. */
  static String print(String token, boolean forceQuotes) {
    boolean plain = !token.isEmpty() && token.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
        || "_-.:/".indexOf(c) >= 0));
    if (plain && !forceQuotes) {
      return token;
    }
    return '"' + token.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** A random subset of the first {@code alphabet} tokens. */
  static Set<String> authorizations(Random r, int alphabet) {
    Set<String> s = new HashSet<>();
    for (int i = 0; i < alphabet; i++) {
      if (r.nextBoolean()) {
        s.add(TOKENS.get(i));
      }
    }
    return s;
  }

  /** Applies one to three random edits (delete, insert, duplicate, swap). */
  static String mutate(Random r, String s) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
      switch (r.nextInt(4)) {
        case 0 -> {
          if (at < sb.length()) {
            sb.deleteCharAt(at);
          }
        }
        case 1 -> {
          int c = r.nextInt(MUTATIONS.length());
          sb.insert(at, MUTATIONS.charAt(c));
        }
        case 2 -> {
          if (at < sb.length()) {
            sb.insert(at, sb.charAt(at));
          }
        }
        default -> {
          if (at + 1 < sb.length()) {
            char c = sb.charAt(at);
            sb.setCharAt(at, sb.charAt(at + 1));
            sb.setCharAt(at + 1, c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** All subsets of the given tokens. */
  static List<Set<String>> subsets(List<String> tokens) {
    List<Set<String>> out = new java.util.ArrayList<>();
    for (int m = 0; m < (1 << tokens.size()); m++) {
      Set<String> s = new HashSet<>();
      for (int i = 0; i < tokens.size(); i++) {
        if ((m & (1 << i)) != 0) {
          s.add(tokens.get(i));
        }
      }
      out.add(s);
    }
    return out;
  }
}
