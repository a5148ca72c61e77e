package org.insight.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** What a token stream gives, token by token, and its end state: what two analyses must agree on. */
final class StreamTokens {
  private StreamTokens() {}

  record Token(String term, int increment, int start, int end) {}

  /** Every token of {@code stream}, then an {@code (end)} token with the final increment and offset. */
  static List<Token> of(TokenStream stream) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = stream) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Token(term.toString(), posInc.getPositionIncrement(), offset.startOffset(), offset.endOffset()));
      }
      ts.end();
      out.add(new Token("(end)", posInc.getPositionIncrement(), offset.startOffset(), offset.endOffset()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
