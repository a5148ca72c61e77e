package org.insight.nlp.internal.selector;

/**
 * The pre-filter before libphonenumber: the stretches of a text that can hold a valid phone number, found in one
 * linear pass with no regex, so that libphonenumber parses only where a number has a chance.
 *
 * <p>Why the output is unchanged. libphonenumber's matcher ({@code PhoneNumberMatcher}, 8.13.x) only ever matches
 * characters of its candidate pattern: decimal digits, its punctuation ({@code VALID_PUNCTUATION}), plus signs and
 * opening brackets, and the characters of its extension labels ({@code ext}, {@code anexo}, {@code доб}, {@code #},
 * {@code ;ext=}, ...), case-insensitively. A character outside that set — a <em>breaker</em>, such as most letters —
 * can be in no match, so every match lies inside one maximal stretch free of breakers, and the matcher's scan of one
 * stretch does not depend on the others. Each match's checks look at most one character before it and three after
 * it (the previous and next characters, and a {@code :MM} time suffix), which the caller gives it. A stretch can
 * hold a valid number only if it has enough digits: a national significant number has at least
 * {@link #MIN_NSN_DIGITS} digits in every region of the metadata, and without a default region (region {@code ZZ})
 * the number must be written with a plus sign followed by the country code and that number. Letters count as digits
 * when a stretch has three or more (libphonenumber reads {@code 1-800-FLOWERS}-style letters as digits), surrogates
 * always (supplementary decimal digits).
 *
 * <p>The breaker table is derived from the pattern of the libphonenumber version in the BOM, and
 * {@code PhoneStretchesTest} fails when an upgrade changes that pattern or the shortest national number.
 */
final class PhoneStretches {

  /** The fewest digits of a valid national significant number in any region (4: AT, ...), checked by a test. */
  static final int MIN_NSN_DIGITS = 4;

  /** The longest run without a digit a stretch keeps whole; longer runs are cut (see {@link #find}). */
  static final int LONG_RUN = 64;

  /** Characters kept on each side of a cut: more than a number's leading signs or a match's trailing context. */
  static final int MARGIN = 16;

  /** libphonenumber's {@code VALID_PUNCTUATION} with its ranges expanded, then plus signs and opening brackets. */
  private static final String NUMBER_CHARS = "-x\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF0D\uFF0E\uFF0F"
      + " \u00A0\u00AD\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D.[]/~\u2053\u223C\uFF5E" + "+\uFF0B(\\[\uFF08\uFF3B";

  /** Every character of libphonenumber's extension patterns for matching ({@code EXTN_PATTERNS_FOR_MATCHING}). */
  private static final String EXTENSION_CHARS = ";ext=" + " \u00A0\t," + "extensio\u0301\u00F3n"
      + "\uFF45\uFF58\uFF54\uFF4E" + "\u0434\u043E\u0431" + "anexo" + ":.\uFF0E" + "-" + "x\uFF58#\uFF03~\uFF5E"
      + "int\uFF49\uFF4E\uFF54";

  /** What each BMP char is to the pre-filter: one of the constants below. */
  private static final byte[] CLASS = table();
  private static final byte BREAKER = 0;
  private static final byte OTHER = 1;
  private static final byte DIGIT = 2;
  private static final byte LETTER = 3;
  private static final byte PLUS = 4;

  private PhoneStretches() {}

  private static byte[] table() {
    String base = NUMBER_CHARS + EXTENSION_CHARS;
    byte[] classes = new byte[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      if (ch == '+' || ch == '\uFF0B') {
        classes[c] = PLUS;
      } else if (Character.getType(ch) == Character.DECIMAL_DIGIT_NUMBER || Character.isSurrogate(ch)) {
        classes[c] = DIGIT; // a surrogate may be half of a supplementary decimal digit
      } else if (anyCase(base, ch)) {
        classes[c] = Character.isLetter(ch) ? LETTER : OTHER;
      }
    }
    return classes;
  }

  /** True when {@code ch} or one of its case mappings is in {@code base}: the pattern is case-insensitive (Unicode). */
  private static boolean anyCase(String base, char ch) {
    char upper = Character.toUpperCase(ch);
    char lower = Character.toLowerCase(ch);
    return base.indexOf(ch) >= 0 || base.indexOf(upper) >= 0 || base.indexOf(lower) >= 0
        || base.indexOf(Character.toLowerCase(upper)) >= 0 || base.indexOf(Character.toUpperCase(lower)) >= 0;
  }

  /** True when {@code c} may be part of a libphonenumber match. */
  static boolean inNumber(char c) {
    return CLASS[c] != BREAKER;
  }

  /**
   * Each stretch that can hold a valid number, left to right: the maximal stretches free of breakers, each cut where
   * it holds a long run without a digit.
   *
   * <p>The cut bounds libphonenumber's work. Its extension separators are unbounded ({@code [ ,]*} around the label),
   * so {@code 2 ext,,,…,3} is one candidate however many commas it holds, and trimming that candidate is quadratic
   * inside libphonenumber (8,000 commas took seconds, 100,000 minutes). No real number has more than
   * {@link #LONG_RUN} characters in a row without a digit (its punctuation between digits is at most four characters,
   * a leading bracket and plus a few more, an extension label a dozen), so a stretch is cut inside each longer run,
   * keeping {@link #MARGIN} characters on both sides of the cut: enough for the number that ends before the run and the
   * leading signs of the one that starts after it. Only an extension written more than {@code LONG_RUN - MARGIN}
   * characters after its number is no longer found.
   *
   * @param text the text
   * @param plusRequired true without a default region: only numbers written with a plus sign can be valid
   * @param consumer receives each stretch's bounds {@code [start, end)}
   */
  static void find(String text, boolean plusRequired, Scan.RunConsumer consumer) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (CLASS[text.charAt(i)] == BREAKER) {
        i++;
        continue;
      }
      int start = i;
      int piece = start; // where the current piece of this stretch starts
      int run = 0; // characters since the last digit
      for (; i < n; i++) {
        byte k = CLASS[text.charAt(i)];
        if (k == BREAKER) {
          break;
        }
        if (k != DIGIT) {
          run++;
          continue;
        }
        if (run > LONG_RUN) {
          int runStart = i - run;
          if (runStart > piece) {
            emit(text, piece, runStart + MARGIN, plusRequired, consumer);
          }
          piece = i - MARGIN;
        }
        run = 0;
      }
      emit(text, piece, run > LONG_RUN ? i - run + MARGIN : i, plusRequired, consumer);
    }
  }

  /** Hands {@code [start, end)} to {@code consumer} when it holds enough digits (after a plus, when one is required). */
  private static void emit(String text, int start, int end, boolean plusRequired, Scan.RunConsumer consumer) {
    boolean plusSeen = false;
    int digits = 0;
    int letters = 0;
    for (int i = start; i < end; i++) {
      byte k = CLASS[text.charAt(i)];
      if (k == PLUS) {
        plusSeen = true;
      } else if (plusSeen || !plusRequired) {
        // counted only after the first plus when one is required: the country code and number follow it
        if (k == DIGIT) {
          digits++;
        } else if (k == LETTER) {
          letters++;
        }
      }
    }
    int possible = digits + (letters >= 3 ? letters : 0);
    int needed = plusRequired ? MIN_NSN_DIGITS + 1 : MIN_NSN_DIGITS;
    if ((plusSeen || !plusRequired) && possible >= needed) {
      consumer.accept(start, end);
    }
  }
}
