package org.insight.nlp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TextChunkerProperties {

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcdéfghij").ofMinLength(1).ofMaxLength(30),
        Arbitraries.of(" ", ". ", "! ", "\n", "\n\n", "\t", "  \n \n", "😀"));
    return piece.list().ofMaxSize(120).map(l -> String.join("", l));
  }

  /** Chunks are in order, apart, within the bound, trimmed, and together hold every non-blank char of the text. */
  @Property(tries = 500)
  void chunksCoverTheTextWithinTheBound(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 200) int max) {
    List<int[]> chunks = TextChunker.chunks(text, max);
    int previousEnd = 0;
    StringBuilder outside = new StringBuilder();
    for (int[] c : chunks) {
      assertTrue(c[0] >= previousEnd && c[1] > c[0] && c[1] - c[0] <= max, () -> c[0] + "-" + c[1]);
      assertTrue(!Character.isWhitespace(text.charAt(c[0])) && !Character.isWhitespace(text.charAt(c[1] - 1)));
      outside.append(text, previousEnd, c[0]);
      previousEnd = c[1];
    }
    outside.append(text.substring(previousEnd));
    assertTrue(outside.toString().isBlank(), "only blanks between chunks");
  }

  @Test
  void paragraphsFirstThenSentences() {
    String text = "First paragraph here.\n\nSecond one, longer. It has two sentences.";
    List<String> pieces = TextChunker.chunks(text, 30).stream().map(c -> text.substring(c[0], c[1])).toList();
    assertEquals(List.of("First paragraph here.", "Second one, longer.", "It has two sentences."), pieces);
    List<String> whole = TextChunker.chunks(text, 1000).stream().map(c -> text.substring(c[0], c[1])).toList();
    assertEquals(List.of(text), whole);
  }
}
