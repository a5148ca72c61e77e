package org.insight.names.internal;

import java.util.Arrays;

/**
 * How well a token transliterated from an abjad (Arabic script writes consonants and long vowels, not short vowels:
 * {@code حسين} is {@code hsyn}) fits a Latin spelling that writes every vowel ({@code Hussein}, {@code Houssein}).
 * Not API.
 *
 * <p>Both sides become symbols: consonants by class (spellings of one Arabic letter are one class: {@code j dj g},
 * {@code q k c}, {@code th s}, {@code dh z}, {@code sh ch sch}; {@code kh}, {@code gh} their own), a doubled consonant
 * once, a final {@code h} after a vowel dropped (ta marbuta: {@code Fatimah}, {@code Fatima}); the Latin vowels of a
 * run as one group ({@code ou}, {@code ei}, {@code ee}); the abjad's {@code a}, {@code w}, {@code y} as the long
 * vowels ā, ū, ī (or the consonants w, y). An alignment then costs: a Latin vowel group left unmatched nothing (a short
 * vowel, unwritten), a long vowel matched by a group that can spell it nothing (ū by {@code u o ou oo}, ī by
 * {@code i e ee ei ai y}), by another group ½, left unmatched ½; a consonant of another class, or one left out on
 * either side, 1. The cheapest alignment's cost is returned: 0 is a spelling the letters fully explain.
 */
public final class AbjadAlignment {

  private AbjadAlignment() {}

  private static final int A = 1;
  private static final int U = 2;
  private static final int I = 4;
  /** Abjad w and y: a long vowel or the consonant. */
  private static final int W = 8;
  private static final int Y = 16;

  /** The cost of the cheapest alignment of an abjad transliteration with a Latin spelling (see the class comment). */
  public static double cost(String abjad, String latin) {
    int[] a = symbols(abjad, true);
    int[] l = symbols(latin, false);
    int n = a.length;
    int m = l.length;
    double[][] d = new double[n + 1][m + 1];
    for (double[] row : d) {
      Arrays.fill(row, Double.MAX_VALUE);
    }
    d[0][0] = 0;
    for (int i = 0; i <= n; i++) {
      for (int j = 0; j <= m; j++) {
        double v = d[i][j];
        if (v == Double.MAX_VALUE) {
          continue;
        }
        if (j < m) { // a Latin symbol left unmatched: a short vowel is free
          relax(d, i, j + 1, v + (l[j] < 0 ? 0 : 1));
        }
        if (i < n) { // an abjad symbol left unmatched: a long vowel costs less than a consonant
          relax(d, i + 1, j, v + (a[i] < 0 ? 0.5 : 1));
        }
        if (i < n && j < m) {
          relax(d, i + 1, j + 1, v + match(a[i], l[j]));
        }
      }
    }
    return d[n][m];
  }

  private static void relax(double[][] d, int i, int j, double v) {
    if (v < d[i][j]) {
      d[i][j] = v;
    }
  }

  private static double match(int x, int y) {
    if (x >= 0 && y >= 0) {
      return x == y ? 0 : 1;
    }
    if (x < 0 && y < 0) {
      int want = -x;
      int have = -y;
      return (want & have & (A | U | I)) != 0 ? 0 : 0.5;
    }
    if (x < 0) { // abjad w/y as a consonant
      int want = -x;
      return (want & W) != 0 && y == 'w' || (want & Y) != 0 && y == 'y' ? 0 : 1;
    }
    return 1;
  }

  /** The consonant classes of a token, w and y left out (either side may write them as vowels). */
  public static String consonants(String token) {
    StringBuilder b = new StringBuilder();
    for (int s : symbols(token, false)) {
      if (s >= 0 && s != 'w' && s != 'y' && (b.length() == 0 || b.charAt(b.length() - 1) != s)) {
        b.append((char) s);
      }
    }
    if (b.length() > 1 && b.charAt(b.length() - 1) == 'h') {
      b.setLength(b.length() - 1);
    }
    return b.toString();
  }

  /** Symbols: consonant classes as characters (>= 0), vowels as negated masks. */
  static int[] symbols(String t, boolean abjad) {
    int[] out = new int[t.length() + 1];
    int n = 0;
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      char next = i + 1 < t.length() ? t.charAt(i + 1) : 0;
      if (abjad && (c == 'a' || c == 'w' || c == 'y')) {
        int mask = c == 'a' ? (i == 0 ? A | U | I : A) : c == 'w' ? U | W : I | Y;
        out[n++] = -mask;
        i++;
        continue;
      }
      if (!abjad && isVowel(c, next)) {
        int mask = 0;
        while (i < t.length() && isVowel(t.charAt(i), i + 1 < t.length() ? t.charAt(i + 1) : 0)) {
          char v = t.charAt(i);
          mask |= v == 'a' ? A : v == 'o' || v == 'u' || v == 'w' ? U : I;
          i++;
        }
        out[n++] = -mask;
        continue;
      }
      int symbol;
      int width = 1;
      String rest = t.substring(i);
      if (rest.startsWith("sch")) {
        symbol = 'S';
        width = 3;
      } else if (rest.startsWith("sh") || rest.startsWith("ch")) {
        symbol = 'S';
        width = 2;
      } else if (rest.startsWith("kh")) {
        symbol = 'x';
        width = 2;
      } else if (rest.startsWith("gh")) {
        symbol = 'G';
        width = 2;
      } else if (rest.startsWith("th")) {
        symbol = 's';
        width = 2;
      } else if (rest.startsWith("dh")) {
        symbol = 'z';
        width = 2;
      } else if (rest.startsWith("dj")) {
        symbol = 'j';
        width = 2;
      } else if (rest.startsWith("ph")) {
        symbol = 'f';
        width = 2;
      } else if (rest.startsWith("ck")) {
        symbol = 'k';
        width = 2;
      } else {
        symbol = switch (c) {
          case 'q', 'c' -> 'k';
          case 'g' -> 'j';
          default -> c;
        };
      }
      i += width;
      if (symbol == 'h' && i >= t.length() && n > 0 && (out[n - 1] < 0 || abjad)) {
        continue; // a final h after a vowel (or any final h of an abjad token): ta marbuta
      }
      if (!abjad && n > 0 && out[n - 1] == symbol) {
        continue; // a doubled Latin consonant is one Arabic letter (shadda, unwritten)
      }
      out[n++] = symbol;
    }
    return Arrays.copyOf(out, n);
  }

  /** A Latin vowel; w and y only where no vowel follows (else they are consonants: Walid, Yusuf, Ziyad). */
  private static boolean isVowel(char c, char next) {
    if ("aeiou".indexOf(c) >= 0) {
      return true;
    }
    return (c == 'w' || c == 'y') && "aeiou".indexOf(next) < 0;
  }
}
