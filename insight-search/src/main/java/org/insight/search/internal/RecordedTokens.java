package org.insight.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One text's tokens from an analyzer, recorded once and replayed: everything the indexing chain reads of a token
 * (term, position increment, offsets) and of the stream's end (final offset and position increment), so indexing a
 * replay holds exactly what indexing the text through the analyzer would. Two uses: a document's title and text are
 * indexed as {@link Analysis#NAME} and as {@link Analysis#NAME_PHONETIC}, whose analyzers differ only by the final
 * phonetic step, so it is analysed once for both; and a document's fields are analysed ahead, on other threads, so
 * that the single index writer only inverts ({@link AheadAnalysis}).
 */
final class RecordedTokens {
  private final char[] chars;
  private final int[] ends; // term i is chars[ends[i-1], ends[i])
  private final int[] increments;
  private final int[] starts;
  private final int[] stops;
  private final int count;
  private final int finalOffset;
  private final int finalIncrement;

  private RecordedTokens(char[] chars, int[] ends, int[] increments, int[] starts, int[] stops, int count,
      int finalOffset, int finalIncrement) {
    this.chars = chars;
    this.ends = ends;
    this.increments = increments;
    this.starts = starts;
    this.stops = stops;
    this.count = count;
    this.finalOffset = finalOffset;
    this.finalIncrement = finalIncrement;
  }

  /** Runs {@code analyzer} over {@code text} once, as it would for {@code field}. */
  static RecordedTokens of(Analyzer analyzer, String field, String text) {
    char[] chars = new char[Math.max(16, text.length())];
    int capacity = Math.max(8, text.length() / 5);
    int[] ends = new int[capacity];
    int[] increments = new int[capacity];
    int[] starts = new int[capacity];
    int[] stops = new int[capacity];
    int n = 0;
    int used = 0;
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (n == ends.length) {
          int grown = n * 2;
          ends = Arrays.copyOf(ends, grown);
          increments = Arrays.copyOf(increments, grown);
          starts = Arrays.copyOf(starts, grown);
          stops = Arrays.copyOf(stops, grown);
        }
        int length = term.length();
        if (used + length > chars.length) {
          chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
        }
        System.arraycopy(term.buffer(), 0, chars, used, length);
        used += length;
        ends[n] = used;
        increments[n] = posInc.getPositionIncrement();
        starts[n] = offset.startOffset();
        stops[n] = offset.endOffset();
        n++;
      }
      ts.end();
      return new RecordedTokens(chars, ends, increments, starts, stops, n, offset.endOffset(),
          posInc.getPositionIncrement());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tokens as the analyzer gave them. */
  TokenStream replay() {
    return new Replay();
  }

  /** The tokens through the phonetic step: of the name analyzer's, what the phonetic name analyzer gives. */
  TokenStream phonetic() {
    return new NameFilters.Phonetic(new Replay());
  }

  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private int next;

    @Override
    public boolean incrementToken() {
      if (next >= count) {
        return false;
      }
      clearAttributes();
      int from = next == 0 ? 0 : ends[next - 1];
      term.copyBuffer(chars, from, ends[next] - from);
      posInc.setPositionIncrement(increments[next]);
      offset.setOffset(starts[next], stops[next]);
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(finalOffset, finalOffset);
      posInc.setPositionIncrement(finalIncrement);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
