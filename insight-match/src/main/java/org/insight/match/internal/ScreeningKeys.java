package org.insight.match.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.insight.names.Names;

/**
 * The index keys of a watch-list entry and of a query. An entry gives plain keys; a query gives, for each key, the
 * evidence a shared key is: for a name token, an estimate of the token similarity it implies; for a date, the model
 * level it implies. Not API.
 *
 * <p>Names give, per normalised (transliterated) token: the token, its Double Metaphone codes, its consonant skeleton
 * (so an Arabic-script {@code mhmd} meets {@code mohammed}), for tokens of five letters or more the first and last
 * four letters, and for tokens of four letters or more its one-letter deletions: an entry and a query share a
 * deletion key (or one's token is the other's deletion) exactly when the two tokens are one insertion, deletion,
 * substitution or swap of neighbours apart, however short the token. Dates give the value; a full or year-month date
 * also "a date extending" its year (and month). A query also asks for the dates the model rates as a partial match,
 * a day/month swap or a typo (one digit, year ± 1).
 */
public final class ScreeningKeys {

  /** Token similarity estimates for a shared key of each kind (rescoring decides the real similarity). */
  static final float TOKEN = 1.0f;
  static final float PHONETIC = 0.9f;
  static final float EDIT = 0.85f;
  static final float SKELETON = 0.8f;
  static final float PREFIX = 0.7f;
  static final float SUFFIX = 0.6f;

  /** Date levels, as {@link Levels} numbers them. */
  static final int DATE_EXACT = 1;
  static final int DATE_PARTIAL = 2;
  static final int DATE_SWAP = 3;
  static final int DATE_TYPO = 4;

  private ScreeningKeys() {}

  /** Receives a query key with its evidence (a token similarity estimate, or a level number). */
  public interface QuerySink {
    void key(String key, float evidence);
  }

  /** An entry's keys of a name; returns the name's normalised tokens. */
  public static List<String> entryName(String name, Consumer<String> sink) {
    List<String> tokens = Names.tokens(name);
    boolean cyrillic = Names.script(name) == Names.Script.CYRILLIC;
    List<String> forms = new java.util.ArrayList<>();
    if (cyrillic) {
      // the other romanisations of a Cyrillic entry's words are its keys too (a Latin query may use any)
      Names.romanisations(name).forEach(f -> forms.addAll(f.subList(1, f.size())));
    }
    forms.addAll(0, tokens);
    for (String t : forms) {
      sink.accept("t:" + t);
      common(t, (k, e) -> sink.accept(k));
      if (t.length() >= 4) {
        for (int i = 0; i < t.length(); i++) {
          sink.accept("x:" + t.substring(0, i) + t.substring(i + 1));
        }
      }
    }
    return tokens;
  }

  /** The query keys of one normalised name token. */
  public static void queryToken(String t, QuerySink sink) {
    sink.key("t:" + t, TOKEN);
    common(t, sink);
    // one edit apart: a shared deletion (substitution, swap), the query's deletion is the entry's token (the query
    // has an extra letter), the query's token is the entry's deletion (the query lacks a letter)
    sink.key("x:" + t, EDIT);
    if (t.length() >= 4) {
      for (int i = 0; i < t.length(); i++) {
        String d = t.substring(0, i) + t.substring(i + 1);
        sink.key("x:" + d, EDIT);
        sink.key("t:" + d, EDIT);
      }
    }
  }

  /** The shared consonants of an abjad spelling and a Latin one (see {@link Names#consonantKey}). */
  static final float CONSONANTS = 0.85f;

  private static void common(String t, QuerySink sink) {
    String consonants = Names.consonantKey(t);
    if (consonants.length() >= 2) {
      sink.key("k:" + consonants, CONSONANTS);
    }
    if (t.length() >= 5 && (t.startsWith("al") || t.startsWith("el"))) {
      // the article written joined (Alkhouri): an abjad query has it apart (al khwry)
      String rest = Names.consonantKey(t.substring(2));
      if (rest.length() >= 2) {
        sink.key("k:" + rest, CONSONANTS);
      }
    }
    String primary = Names.phoneticKey(t);
    if (!primary.isEmpty()) {
      sink.key("p:" + primary, PHONETIC);
    }
    String alternate = Names.alternatePhoneticKey(t);
    if (!alternate.isEmpty() && !alternate.equals(primary)) {
      sink.key("p:" + alternate, PHONETIC);
    }
    String skeleton = skeleton(t);
    if (skeleton.length() >= 2) {
      sink.key("c:" + skeleton, SKELETON);
    }
    if (t.length() >= 5) {
      sink.key("a:" + t.substring(0, 4), PREFIX);
      sink.key("z:" + t.substring(t.length() - 4), SUFFIX);
    }
  }

  /** What {@link Levels#nameKey} gives for a name with these tokens: sorted, joined by spaces. */
  public static String nameKey(List<String> tokens) {
    List<String> sorted = new java.util.ArrayList<>(tokens);
    java.util.Collections.sort(sorted);
    return String.join(" ", sorted);
  }

  /** An entry's keys of a cleaned (possibly partial) date: the value, and "extends" its year and year-month. */
  public static void entryDate(String date, Consumer<String> sink) {
    sink.accept("d:" + date);
    if (date.length() > 4) {
      sink.accept("dx:" + date.substring(0, 4));
    }
    if (date.length() > 7) {
      sink.accept("dx:" + date.substring(0, 7));
    }
  }

  /**
   * A query's date keys, each with the level the model gives an entry holding it: exact; partial (the entry's date
   * is a less precise form of this one, or a more precise one); day and month swapped; a typo (one digit wrong, or the
   * year one off). An exact birth date or a near miss of it is strong evidence in the model, and a birth date is
   * otherwise met only through the year, which a sixtieth of a list shares.
   */
  public static void queryDate(String date, QuerySink sink) {
    sink.key("d:" + date, DATE_EXACT);
    if (date.length() > 4) {
      sink.key("d:" + date.substring(0, 4), DATE_PARTIAL);
    }
    if (date.length() > 7) {
      sink.key("d:" + date.substring(0, 7), DATE_PARTIAL);
    }
    if (date.length() < 10) {
      sink.key("dx:" + date, DATE_PARTIAL);
    }
    if (date.length() == 10) {
      String swapped = date.substring(0, 5) + date.substring(8, 10) + "-" + date.substring(5, 7);
      if (!swapped.equals(date)) {
        sink.key("d:" + swapped, DATE_SWAP);
      }
    }
    if (date.length() >= 4) {
      try {
        int year = Integer.parseInt(date.substring(0, 4));
        sink.key("d:" + (year - 1) + date.substring(4), DATE_TYPO);
        sink.key("d:" + (year + 1) + date.substring(4), DATE_TYPO);
      } catch (NumberFormatException e) {
        // not a numeric year: only the digit changes below
      }
    }
    char[] c = date.toCharArray();
    for (int i = 0; i < c.length; i++) {
      char original = c[i];
      if (original < '0' || original > '9') {
        continue;
      }
      for (char d = '0'; d <= '9'; d++) {
        if (d != original) {
          c[i] = d;
          sink.key("d:" + new String(c), DATE_TYPO);
        }
      }
      c[i] = original;
    }
  }

  /** The key of a value compared exactly (a country, a gender), per comparison. */
  public static String exact(String comparison, String value) {
    return "e:" + comparison + ":" + value.toLowerCase(Locale.ROOT);
  }

  /** The key of a cleaned identifier (any scheme: a passport number typed as an id number still meets). */
  public static String identifier(String value) {
    return "i:" + value.toUpperCase(Locale.ROOT);
  }

  /** The key of a phone number or an e-mail address (compared case-insensitively: a key may over-match). */
  public static String contact(String value) {
    return "m:" + value.toLowerCase(Locale.ROOT);
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
