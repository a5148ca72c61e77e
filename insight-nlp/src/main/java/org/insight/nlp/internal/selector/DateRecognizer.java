package org.insight.nlp.internal.selector;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.insight.nlp.SelectorKind;

/**
 * Calendar dates: ISO, numeric day-first, and with month names in English, French or Spanish; a bare month and year
 * gives a partial date. Years 1800–2199 only.
 */
final class DateRecognizer implements Recognizer {
  private static final Map<String, Integer> MONTHS = new HashMap<>();

  static {
    String[][] names = {
      {"january", "jan", "janvier", "janv", "enero", "ene"},
      {"february", "feb", "février", "fevrier", "févr", "fevr", "fév", "fev", "febrero"},
      {"march", "mar", "mars", "marzo"},
      {"april", "apr", "avril", "avr", "abril", "abr"},
      {"may", "mai", "mayo"},
      {"june", "jun", "juin", "junio"},
      {"july", "jul", "juillet", "juil", "julio"},
      {"august", "aug", "août", "aout", "agosto", "ago"},
      {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "set"},
      {"october", "oct", "octobre", "octubre"},
      {"november", "nov", "novembre", "noviembre"},
      {"december", "dec", "décembre", "decembre", "déc", "diciembre", "dic"}
    };
    for (int i = 0; i < names.length; i++) {
      for (String s : names[i]) {
        MONTHS.put(s, i + 1);
      }
    }
  }

  /** Any word of 3–10 letters: the month is checked by map look-up (an alternation of names would be slow). */
  private static final String MONTH_ALT = "\\p{L}{3,10}";

  private static final Pattern ISO_DATE = Pattern.compile(
      "(?<![0-9./-])(\\d{4})([-/.])(\\d{2})\\2(\\d{2})(?![0-9]|[./-]\\d)");
  private static final Pattern NUM_DATE = Pattern.compile(
      "(?<![0-9./-])(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})(?![0-9]|[./-]\\d)");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "(?i)(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th|er|º|°)?\\s{1,3}(?:de\\s{1,3})?(" + MONTH_ALT
          + ")(?![\\p{L}])\\.?,?\\s{1,3}(?:del?\\s{1,3})?(\\d{4})(?![\\p{N}])");
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "(?i)(?<![\\p{L}\\p{N}])(" + MONTH_ALT + ")(?![\\p{L}])\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}"
          + "(\\d{4})(?![\\p{N}])");
  private static final Pattern MONTH_YEAR = Pattern.compile(
      "(?i)(?<![\\p{L}\\p{N}])(" + MONTH_ALT + ")(?![\\p{L}])\\.?,?\\s{1,3}(?:del?\\s{1,3})?(\\d{4})(?![\\p{N}])");


  @Override
  public void find(String text, Candidates out) {
    IntPredicate digits = Scan.digitStart(text);
    for (MatchResult m : Scan.matchesAt(text, ISO_DATE, digits)) {
      dateHit(text, out, m, m.group(1), m.group(3), m.group(4), m.group(2).equals("-") ? 0.95 : 0.9);
    }
    for (MatchResult m : Scan.matchesAt(text, NUM_DATE, digits)) {
      dateHit(text, out, m, m.group(4), m.group(3), m.group(1), 0.85);
    }
    for (MatchResult m : Scan.matchesAt(text, DAY_MONTH_YEAR, digits)) {
      dateHit(text, out, m, m.group(3), month(m.group(2)), m.group(1), 0.9);
    }
    IntPredicate months = monthStarts(text)::get; // computed once for the two month-led patterns
    for (MatchResult m : Scan.matchesAt(text, MONTH_DAY_YEAR, months)) {
      dateHit(text, out, m, m.group(3), month(m.group(1)), m.group(2), 0.9);
    }
    for (MatchResult m : Scan.matchesAt(text, MONTH_YEAR, months)) {
      int y = Integer.parseInt(m.group(2));
      String mon = MONTH_YEAR_EXCLUDED.contains(m.group(1).toLowerCase(Locale.ROOT)) ? null : month(m.group(1));
      if (y >= 1800 && y <= 2199 && mon != null) {
        out.add(Rank.DATE, SelectorKind.DATE, text, m.start(), m.end(), String.format(Locale.ROOT, "%04d-%s", y, mon),
            0.6, Map.of("precision", "month"));
      }
    }
  }


  /** Month abbreviations that are also common words: accepted with a day, not in a bare month-year. */
  private static final Set<String> MONTH_YEAR_EXCLUDED = Set.of("set", "ago", "mar", "dic", "ene", "jun", "jul");

  private static final String[] TWO_DIGITS = {null, "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11",
      "12"};

  private static String month(String name) {
    Integer k = MONTHS.get(name.toLowerCase(Locale.ROOT));
    return k == null ? null : TWO_DIGITS[k];
  }

  private static void dateHit(String text, Candidates out, MatchResult m, String y, String mo, String d, double conf) {
    if (mo == null) {
      return;
    }
    try {
      int year = Integer.parseInt(y);
      if (year < 1800 || year > 2199) {
        return;
      }
      LocalDate date = LocalDate.of(year, Integer.parseInt(mo), Integer.parseInt(d));
      out.add(Rank.DATE, SelectorKind.DATE, text, m.start(), m.end(), date.toString(), conf, Map.of("precision", "day"));
    } catch (DateTimeException | NumberFormatException e) {
      // not a calendar date: no hit
    }
  }

  /** Bit {@code 26 * a + b} set when some month name starts with ASCII letters {@code a}, {@code b} (0 = 'a'). */
  private static final boolean[] ASCII_PREFIXES = new boolean[26 * 26];

  static {
    for (String name : MONTHS.keySet()) {
      char a = name.charAt(0);
      char b = name.charAt(1);
      if (a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z') {
        ASCII_PREFIXES[26 * (a - 'a') + b - 'a'] = true;
      }
    }
  }

  /**
   * True when the word at {@code i} (two letters or more) cannot be a month name because its first two letters are
   * ASCII (so they lower-case alone, whatever follows) and no name starts with them — most words, skipped without the
   * look-up's two string copies.
   */
  private static boolean asciiPrefixRulesOut(String text, int i) {
    char a = Character.toLowerCase(text.charAt(i));
    char b = Character.toLowerCase(text.charAt(i + 1));
    return text.charAt(i) < 128 && text.charAt(i + 1) < 128 && !ASCII_PREFIXES[26 * (a - 'a') + b - 'a'];
  }

  /** Starts of words that are month names. */
  private static BitSet monthStarts(String text) {
    int n = text.length();
    BitSet starts = new BitSet(n);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c) || i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
        continue;
      }
      int j = i;
      while (j < n && j - i <= 10 && Character.isLetter(text.charAt(j))) {
        j++;
      }
      if (j - i >= 3 && j - i <= 10 && !asciiPrefixRulesOut(text, i)
          && MONTHS.containsKey(text.substring(i, j).toLowerCase(Locale.ROOT))) {
        starts.set(i);
      }
    }
    return starts;
  }

}
