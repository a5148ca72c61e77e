package org.insight.match.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.insight.nlp.Names;

/**
 * The index keys of a watch-list entry or a query, each with the weight it adds to a candidate's accumulated score
 * (times its inverse document frequency). Names give, per normalised (transliterated) token: the token, its Double
 * Metaphone codes, its consonant skeleton (so an Arabic-script {@code mhmd} meets {@code mohammed}), and for tokens
 * of five letters or more its first and last four letters (one typo leaves one of them intact). Dates give the
 * full date and the year (a query also its near misses: {@link #dateNeighbours}); identifiers and exactly compared
 * values (country, gender) give themselves. Not API.
 */
public final class ScreeningKeys {

  /** Weights of the key kinds in candidate accumulation (times the key's IDF); rescoring decides the rank. */
  static final float TOKEN = 1.0f;
  static final float PHONETIC = 0.6f;
  static final float SKELETON = 0.5f;
  static final float AFFIX = 0.4f;
  static final float DATE = 2.5f;
  static final float DATE_NEAR = 0.8f;
  static final float YEAR = 0.3f;
  static final float IDENTIFIER = 3.0f;
  static final float EXACT = 1.0f;

  private ScreeningKeys() {}

  /**
   * Calls {@code sink} with each key of a name and its weight (a key may come twice; callers de-duplicate); returns
   * the name's normalised tokens.
   */
  public static List<String> name(String name, BiConsumer<String, Float> sink) {
    List<String> tokens = Names.tokens(name);
    for (String t : tokens) {
      sink.accept("t:" + t, TOKEN);
      String primary = PhoneticCodes.primary(t);
      if (!primary.isEmpty()) {
        sink.accept("p:" + primary, PHONETIC);
      }
      String alternate = PhoneticCodes.alternate(t);
      if (!alternate.isEmpty() && !alternate.equals(primary)) {
        sink.accept("p:" + alternate, PHONETIC);
      }
      String skeleton = skeleton(t);
      if (skeleton.length() >= 2) {
        sink.accept("c:" + skeleton, SKELETON);
      }
      if (t.length() >= 5) {
        sink.accept("a:" + t.substring(0, 4), AFFIX);
        sink.accept("z:" + t.substring(t.length() - 4), AFFIX);
      }
    }
    return tokens;
  }

  /** What {@link Levels#nameKey} gives for a name with these tokens: sorted, joined by spaces. */
  public static String nameKey(List<String> tokens) {
    List<String> sorted = new java.util.ArrayList<>(tokens);
    java.util.Collections.sort(sorted);
    return String.join(" ", sorted);
  }

  /** Keys of a cleaned (possibly partial) date: the date itself when it has a day, and the year. */
  public static void date(String date, BiConsumer<String, Float> sink) {
    if (date.length() == 10) {
      sink.accept("d:" + date, DATE);
    }
    if (date.length() >= 4) {
      sink.accept("y:" + date.substring(0, 4), YEAR);
    }
  }

  /**
   * Query-side keys of the full dates the model still rates as a near miss of this one: the year one off, day and
   * month swapped, one digit wrong. An exact birth date with a near miss of it is strong evidence in the model, and a
   * birth date is otherwise only met through the year, held by a sixtieth of a list.
   */
  public static void dateNeighbours(String date, BiConsumer<String, Float> sink) {
    if (date.length() != 10) {
      return;
    }
    try {
      int year = Integer.parseInt(date.substring(0, 4));
      sink.accept("d:" + (year - 1) + date.substring(4), DATE_NEAR);
      sink.accept("d:" + (year + 1) + date.substring(4), DATE_NEAR);
    } catch (NumberFormatException e) {
      // not a numeric year: only the digit changes below
    }
    sink.accept("d:" + date.substring(0, 5) + date.substring(8, 10) + "-" + date.substring(5, 7), DATE_NEAR);
    char[] c = date.toCharArray();
    for (int i = 0; i < c.length; i++) {
      char original = c[i];
      if (original < '0' || original > '9') {
        continue;
      }
      for (char d = '0'; d <= '9'; d++) {
        if (d != original) {
          c[i] = d;
          sink.accept("d:" + new String(c), DATE_NEAR);
        }
      }
      c[i] = original;
    }
  }

  /**
   * The key of a value compared exactly (a country, a gender). Such keys are common, so they only rank candidates
   * found by rarer keys (or are skipped when held by a fifth of the list), but a shared nationality lifts a near-miss
   * name above people who share only a common given name.
   */
  public static void exact(String comparison, String value, BiConsumer<String, Float> sink) {
    sink.accept("e:" + comparison + ":" + value.toLowerCase(Locale.ROOT), EXACT);
  }

  /** The key of a cleaned identifier (any scheme: a passport number typed as an id number still meets). */
  public static void identifier(String value, BiConsumer<String, Float> sink) {
    sink.accept("i:" + value.toUpperCase(Locale.ROOT), IDENTIFIER);
  }

  /** Letters without vowels, {@code h}, {@code w}, {@code y}, and with doubled letters once: {@code mohammed} → {@code mmd}. */
  static String skeleton(String token) {
    StringBuilder b = new StringBuilder(token.length());
    char last = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if ("aeiouhwy".indexOf(c) >= 0) {
        continue;
      }
      if (c != last) {
        b.append(c);
      }
      last = c;
    }
    return b.toString();
  }
}
