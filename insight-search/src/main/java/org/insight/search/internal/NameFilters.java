package org.insight.search.internal;

import com.ibm.icu.text.Normalizer;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The costly steps of the name analyzers, written to cost little on text that is not a name: the name-bearing words of
 * every document's text ({@link NameBearingFilter}) are indexed as names too, so these run over much of what is ingested. Each produces exactly the tokens of the stock
 * Lucene step it replaces ({@code NameFiltersProperties} checks them against each other):
 * <ul>
 *   <li>{@link #arabicArticles} = {@link PatternReplaceCharFilter} splitting the joined Arabic article, run only on
 *       text that contains the article's two letters (the regex otherwise tries every position of every text);
 *   <li>{@link DropChars} = {@code PatternReplaceFilter} of a character class with {@code ""}, without a regex;
 *   <li>{@link Transliterate}: the ICU transform of non-ASCII tokens, remembered per token;
 *   <li>{@link Phonetic} = {@code DoubleMetaphoneFilter(in, 4, false)}, its codes remembered per token;
 *   <li>{@link Fold} = {@code ICUFoldingFilter}, which every text and name field runs over every token: a token of
 *       ASCII letters and digits only (most of them) is lower-cased by a character loop instead of ICU's
 *       quick check and normaliser.
 * </ul>
 * The memos are pure functions of a token, shared by every thread, and dropped whole when they grow past
 * {@link #MEMO_LIMIT} entries (a corpus's vocabulary repeats; a stream of unique tokens only costs what it did).
 */
final class NameFilters {
  /** Entries a memo holds before it is emptied: about 5 MB at most. */
  static final int MEMO_LIMIT = 50_000;

  private static final Map<String, String> TRANSLITERATED = new ConcurrentHashMap<>();
  private static final Map<String, String[]> PHONETIC = new ConcurrentHashMap<>();
  private static final String[] UNCHANGED = new String[0];

  private NameFilters() {}

  /**
   * The text of {@code reader} with {@code article} split from the word it is joined to, as a
   * {@link PatternReplaceCharFilter} would (which reads its whole input too), or the text untouched when it holds no
   * {@code ال} at all.
   */
  static Reader arabicArticles(Reader reader, Pattern article, String replacement) {
    StringBuilder sb = new StringBuilder();
    char[] buffer = new char[8192];
    try {
      for (int n; (n = reader.read(buffer)) >= 0; ) {
        sb.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = sb.toString();
    return text.indexOf("ال") < 0 ? new StringReader(text)
        : new PatternReplaceCharFilter(article, replacement, new StringReader(text));
  }

  /**
   * {@code ICUFoldingFilter}: the same terms, with the common case — a token of ASCII letters and digits, which
   * folding only lower-cases — done without ICU.
   */
  static final class Fold extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final StringBuilder folded = new StringBuilder();

    Fold(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      char[] b = term.buffer();
      int len = term.length();
      boolean plain = true;
      for (int i = 0; i < len && plain; i++) {
        char c = b[i];
        plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
      }
      if (plain) {
        for (int i = 0; i < len; i++) {
          if (b[i] <= 'Z' && b[i] >= 'A') {
            b[i] = (char) (b[i] + ('a' - 'A'));
          }
        }
      } else if (ICUFoldingFilter.NORMALIZER.quickCheck(term) != Normalizer.YES) {
        // what ICUNormalizer2Filter does
        folded.setLength(0);
        ICUFoldingFilter.NORMALIZER.normalize(term, folded);
        term.setEmpty().append(folded);
      }
      return true;
    }
  }

  /** Removes the given characters from every token (a token made only of them stays, empty, as the regex left it). */
  static final class DropChars extends TokenFilter {
    private final String drop;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    DropChars(TokenStream in, String drop) {
      super(in);
      this.drop = drop;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      char[] b = term.buffer();
      int n = term.length();
      int kept = 0;
      for (int i = 0; i < n; i++) {
        char c = b[i];
        if (drop.indexOf(c) < 0) {
          b[kept++] = c;
        }
      }
      if (kept < n) {
        term.setLength(kept);
      }
      return true;
    }
  }

  /**
   * Transliterates tokens to Latin, skipping pure-ASCII tokens (most of a Latin-script corpus), for which the
   * compound ICU transform is a costly no-op, and remembering the others; folding handles the rest.
   */
  static final class Transliterate extends TokenFilter {
    private final Transliterator transliterator;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    Transliterate(TokenStream in, Transliterator transliterator) {
      super(in);
      this.transliterator = transliterator;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      char[] buffer = term.buffer();
      for (int i = 0; i < term.length(); i++) {
        if (buffer[i] >= 0x80) {
          String token = term.toString();
          String latin = TRANSLITERATED.get(token);
          if (latin == null) {
            latin = transliterator.transliterate(token); // a Transliterator instance is not shared across threads
            remember(TRANSLITERATED, token, latin);
          }
          term.setEmpty().append(latin);
          return true;
        }
      }
      return true;
    }
  }

  /**
   * Double Metaphone codes (maximum length 4) replacing each token: the primary code, then the alternate one at the
   * same position when it differs; a token without a code (or whose code is itself) passes unchanged. Exactly what
   * {@code DoubleMetaphoneFilter(in, 4, false)} emits, without computing a token's codes twice.
   */
  static final class Phonetic extends TokenFilter {
    private final DoubleMetaphone encoder = new DoubleMetaphone();
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private String pending;

    Phonetic(TokenStream in) {
      super(in);
      encoder.setMaxCodeLen(4);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (pending != null) {
        term.setEmpty().append(pending);
        posInc.setPositionIncrement(0);
        pending = null;
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      if (term.length() == 0) {
        return true;
      }
      String token = term.toString();
      String[] codes = PHONETIC.get(token);
      if (codes == null) {
        codes = codes(token);
        remember(PHONETIC, token, codes);
      }
      if (codes.length > 0) {
        term.setEmpty().append(codes[0]);
        pending = codes.length > 1 ? codes[1] : null;
      }
      return true;
    }

    /** The terms that replace {@code v}, in order; none: {@code v} stays. As DoubleMetaphoneFilter decides. */
    private String[] codes(String v) {
      String primary = encoder.doubleMetaphone(v);
      String alternate = encoder.doubleMetaphone(v, true);
      boolean first = primary != null && !primary.isEmpty() && !primary.equals(v);
      boolean second = alternate != null && !alternate.isEmpty() && !alternate.equals(primary)
          && !primary.equals(v);
      if (first && second) {
        return new String[] {primary, alternate};
      }
      if (first) {
        return new String[] {primary};
      }
      return second ? new String[] {alternate} : UNCHANGED;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending = null;
    }
  }

  private static <V> void remember(Map<String, V> memo, String key, V value) {
    if (memo.size() >= MEMO_LIMIT) {
      memo.clear();
    }
    memo.put(key, value);
  }
}
