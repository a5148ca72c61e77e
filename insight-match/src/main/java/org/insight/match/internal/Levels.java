package org.insight.match.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.insight.match.Comparison.Kind;
import org.insight.names.NameSimilarity;
import org.insight.names.Names;
import org.insight.names.Nicknames;

/** The level functions behind {@link org.insight.match.Comparison}. Symmetric by construction. Not API. */
public final class Levels {

  /** Level 0 of every comparison. */
  public static final int NULL = 0;
  /** Level 1 of every comparison: exact agreement. */
  public static final int EXACT = 1;

  private static final List<String> NAME = List.of("null", "exact", "jw>=0.92", "jw>=0.85", "jw>=0.75", "else");
  private static final List<String> DATE = List.of("null", "exact", "partial", "day-month-swap", "typo", "else");
  private static final List<String> BINARY = List.of("null", "exact", "else");
  private static final List<String> ADDRESS =
      List.of("null", "exact", "number+street", "tokens>=0.8", "tokens>=0.6", "else");
  private static final List<String> PHONE = List.of("null", "exact", "national", "typo", "else");
  private static final List<String> EMAIL = List.of("null", "exact", "normalised", "local-part", "else");

  private static final Cache<String, String> NAME_KEYS = Caffeine.newBuilder().maximumSize(200_000).build();
  private static final Cache<String, String> NICK_KEYS = Caffeine.newBuilder().maximumSize(200_000).build();
  private static final Cache<String, Double> NAME_SCORES = Caffeine.newBuilder().maximumSize(500_000).build();

  private Levels() {}

  /** What a comparison found: the level and the two values that decided it. */
  public record Outcome(int level, String left, String right) {
    static final Outcome NONE = new Outcome(NULL, "", "");
  }

  /** Level names of a kind. */
  public static List<String> names(Kind kind) {
    return switch (kind) {
      case NAME -> NAME;
      case DATE -> DATE;
      case ADDRESS -> ADDRESS;
      case PHONE -> PHONE;
      case EMAIL -> EMAIL;
      default -> BINARY;
    };
  }

  /** The best level over all value pairs; the null level when either side has no value. */
  public static Outcome compare(Kind kind, List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Outcome.NONE;
    }
    int best = Integer.MAX_VALUE;
    String bl = "";
    String br = "";
    for (String x : a) {
      for (String y : b) {
        int l = level(kind, x, y);
        // ties keep the pair whose values sort first, whichever side they came from, so the outcome is symmetric
        if (l < best || l == best && order(x, y).compareTo(order(bl, br)) < 0) {
          best = l;
          bl = x;
          br = y;
        }
      }
    }
    return new Outcome(best, bl, br);
  }

  private static String order(String x, String y) {
    return x.compareTo(y) <= 0 ? x + "\u0000" + y : y + "\u0000" + x;
  }

  /** The level of one value pair (never {@link #NULL}). */
  public static int level(Kind kind, String x, String y) {
    return switch (kind) {
      case NAME -> nameLevel(x, y);
      case DATE -> dateLevel(x, y);
      case ADDRESS -> addressLevel(x, y);
      case PHONE -> Contacts.phoneLevel(x, y);
      case EMAIL -> Contacts.emailLevel(x, y);
      default -> x.equals(y) ? 1 : 2;
    };
  }

  /** The normalised name with its tokens sorted: what "exact" and term frequencies compare. */
  public static String nameKey(String name) {
    return NAME_KEYS.get(name, n -> {
      List<String> t = new ArrayList<>(Names.tokens(n));
      Collections.sort(t);
      return String.join(" ", t);
    });
  }

  /** {@link NameSimilarity#score}, cached on the unordered pair. */
  public static double nameScore(String x, String y) {
    String key = x.compareTo(y) <= 0 ? x + "\u0000" + y : y + "\u0000" + x;
    return NAME_SCORES.get(key, k -> NameSimilarity.score(x, y));
  }

  static int nameLevel(String x, String y) {
    String kx = nameKey(x);
    String ky = nameKey(y);
    if (kx.isEmpty() || ky.isEmpty()) {
      return 5;
    }
    if (kx.equals(ky)) {
      return 1;
    }
    double s = nameScore(x, y);
    if (s < 0.92) {
      // a nickname or variant (Bill / William, Sasha / Aleksandr, Muhammad / Mohamed): compare canonical forms
      String cx = NICK_KEYS.get(x, Nicknames::canonicalName);
      String cy = NICK_KEYS.get(y, Nicknames::canonicalName);
      if (!cx.equals(x) || !cy.equals(y)) {
        s = Math.max(s, nameScore(cx, cy));
      }
    }
    return s >= 0.92 ? 2 : s >= 0.85 ? 3 : s >= 0.75 ? 4 : 5;
  }

  /** Dates in ISO form with partial precision ({@code 1975}, {@code 1975-03}, {@code 1975-03-14}). */
  static int dateLevel(String x, String y) {
    if (x.equals(y)) {
      return 1;
    }
    String s = x.length() <= y.length() ? x : y;
    String l = s == x ? y : x;
    if (s.length() < l.length() && l.startsWith(s + "-")) {
      return 2;
    }
    if (x.length() == 10 && y.length() == 10 && x.substring(0, 4).equals(y.substring(0, 4))
        && x.substring(5, 7).equals(y.substring(8, 10)) && x.substring(8, 10).equals(y.substring(5, 7))) {
      return 3;
    }
    if (x.length() == y.length()) {
      int diff = 0;
      for (int i = 0; i < x.length(); i++) {
        if (x.charAt(i) != y.charAt(i)) {
          diff++;
        }
      }
      if (diff == 1 || x.substring(4).equals(y.substring(4)) && yearsApart(x, y) == 1) {
        return 4;
      }
    }
    return 5;
  }

  private static int yearsApart(String x, String y) {
    try {
      return Math.abs(Integer.parseInt(x.substring(0, 4)) - Integer.parseInt(y.substring(0, 4)));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return Integer.MAX_VALUE;
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * Address levels: 1 exact (the same normalised tokens, in any order), 2 the same house number and street name
   * (street-type words aside: Hauptstr. = Hauptstraße) or the same postcode and house number, 3 token-set
   * similarity ≥ 0.8, 4 ≥ 0.6, 5 else. Two different house numbers cap the level at 4 (neighbours, not the same
   * dwelling). Symmetric: every test is, and the similarity puts its inputs in a canonical order.
   */
  static int addressLevel(String x, String y) {
    Addresses.Parsed a = Addresses.parse(x);
    Addresses.Parsed b = Addresses.parse(y);
    if (a.tokens().isEmpty() || b.tokens().isEmpty()) {
      return 5;
    }
    if (a.key().equals(b.key())) {
      return 1;
    }
    boolean bothNumbered = a.houseNumber() != null && b.houseNumber() != null;
    if (bothNumbered && a.houseNumber().equals(b.houseNumber())
        && (!a.street().isEmpty() && a.street().equals(b.street())
            || a.postcode() != null && a.postcode().equals(b.postcode()))) {
      return 2;
    }
    double s = Addresses.similarity(a, b);
    if (bothNumbered && !a.houseNumber().equals(b.houseNumber())) {
      return s >= 0.6 ? 4 : 5;
    }
    return s >= 0.8 ? 3 : s >= 0.6 ? 4 : 5;
  }

  /** Levenshtein distance of two strings, or {@code max + 1} as soon as it exceeds {@code max}. */
  static int editDistance(String s, String t, int max) {
    if (Math.abs(s.length() - t.length()) > max) {
      return max + 1;
    }
    int[] prev = new int[t.length() + 1];
    int[] cur = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= t.length(); j++) {
        int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] tmp = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[t.length()];
  }
}
