package org.insight.search.internal;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.insight.names.Names;

/**
 * Keeps the tokens of running text that can be part of a name, as written (before folding): a token with a letter
 * that is not lower case — a capital anywhere ({@code Petrov}, {@code IVANOV}, {@code d'Estaing}, {@code McDonald}) or a
 * letter of a script without case (Arabic, Hebrew, Chinese, Thai…) — and the name particles written in lower case
 * ({@code de}, {@code van}, {@code al}: {@link Names#particles()}), so that {@code Charles de Gaulle} is still found
 * whole. Lower-case words of cased scripts and numbers are dropped, their positions kept as a stop filter keeps them.
 * A document's text is indexed as names through this filter, so that transliteration, folding and phonetic keys run
 * only on words that can be names. The price: a name written in lower case in running text is found by word search,
 * not by a name query ({@code DocumentNameProperties}; docs/architecture.md).
 */
final class NameBearingFilter extends FilteringTokenFilter {
  private static final CharArraySet PARTICLES =
      CharArraySet.unmodifiableSet(new CharArraySet(Names.particles(), false));

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  NameBearingFilter(TokenStream in) {
    super(in);
  }

  @Override
  protected boolean accept() {
    char[] b = term.buffer();
    int len = term.length();
    for (int i = 0; i < len; ) {
      int c = Character.codePointAt(b, i, len);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') { // the common case, decided without the tables
        i++;
        continue;
      }
      if (Character.isLetter(c) && !Character.isLowerCase(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return PARTICLES.contains(b, 0, len);
  }
}
