package org.insight.names.internal;

/**
 * Jaro-Winkler similarity of two strings (Winkler's prefix bonus 0.1 per common leading character, up to 4).
 * Exactly symmetric: the two strings are put in a canonical order before the (order-sensitive) matching pass.
 * Not API.
 */
public final class JaroWinkler {

  private JaroWinkler() {}

  /** The similarity in [0,1]; 1 for equal strings, 0 when either is empty and the other is not. */
  public static double similarity(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return 0.0;
    }
    String s1 = a.compareTo(b) <= 0 ? a : b;
    String s2 = s1 == a ? b : a;
    int len1 = s1.length();
    int len2 = s2.length();
    int window = Math.max(0, Math.max(len1, len2) / 2 - 1);
    boolean[] matched1 = new boolean[len1];
    boolean[] matched2 = new boolean[len2];
    int matches = 0;
    for (int i = 0; i < len1; i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(len2 - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!matched2[j] && s1.charAt(i) == s2.charAt(j)) {
          matched1[i] = true;
          matched2[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int halfTranspositions = 0;
    for (int i = 0, j = 0; i < len1; i++) {
      if (matched1[i]) {
        while (!matched2[j]) {
          j++;
        }
        if (s1.charAt(i) != s2.charAt(j)) {
          halfTranspositions++;
        }
        j++;
      }
    }
    double m = matches;
    double jaro = (m / len1 + m / len2 + (m - halfTranspositions / 2.0) / m) / 3.0;
    int prefix = 0;
    for (int i = 0; i < Math.min(4, Math.min(len1, len2)) && s1.charAt(i) == s2.charAt(i); i++) {
      prefix++;
    }
    double jw = jaro + prefix * 0.1 * (1.0 - jaro);
    return Math.min(1.0, jw);
  }
}
