package org.insight.search.internal;

/**
 * Whether Lucene's {@code StandardTokenizer} splits a text exactly as the {@code ICUTokenizer} of the generic text
 * field does: same terms, offsets and positions. Both follow Unicode's word boundaries, but ICU's rules are newer and
 * tailored, so they differ on a few characters: a colon between two letters ({@code a:b}, one token for Lucene, two
 * for ICU), connector punctuation ({@code __} alone is a token for ICU only), emoji and symbols such as {@code ©}
 * (tokens for Lucene only), and runs over 255 characters (split by Lucene). A text made only of Latin letters
 * (Basic Latin to Latin Extended-A), digits, whitespace and common punctuation, free of those, is split alike
 * ({@code LatinTextProperties}), and the standard tokenizer splits it for a fraction of ICU's cost: the generic field
 * of most documents is analysed this way. Any other text (Cyrillic, Arabic, Chinese…) keeps the ICU tokenizer.
 */
final class LatinText {
  /** Lucene's default maximum token length: a longer run is split by the standard tokenizer, not by ICU. */
  private static final int MAX_RUN = 255;

  private LatinText() {}

  /** Whether the standard tokenizer gives {@code text} the ICU tokenizer's tokens. */
  static boolean segmentsAsIcu(CharSequence text) {
    int run = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        run = 0;
        continue;
      }
      if (++run >= MAX_RUN || !safe(c)) {
        return false;
      }
      if (c == ':' && i > 0 && i + 1 < n && Character.isLetter(text.charAt(i - 1))
          && Character.isLetter(text.charAt(i + 1))) {
        return false;
      }
    }
    return true;
  }

  private static boolean safe(char c) {
    if (c < 0x80) {
      return c >= 0x20 && c != '_' && c != 0x7f;
    }
    if (c < 0x180) {
      return c >= 0xa0 && c != 0xa9 && c != 0xad && c != 0xae; // ©, soft hyphen, ®
    }
    if (c >= 0x2010 && c <= 0x205e) { // dashes, quotes, ellipsis, primes…; not ‼ ⁉ (emoji), ‿ ⁀ ⁔ (connectors)
      return c <= 0x2027 || c >= 0x2030 && c != 0x203c && c != 0x2049 && c != 0x203f && c != 0x2040 && c != 0x2054;
    }
    return c == 0x20ac; // €
  }
}
