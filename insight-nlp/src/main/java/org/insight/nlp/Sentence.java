package org.insight.nlp;

import java.util.List;
import java.util.Objects;

/**
 * A sentence of a text with its tokens.
 *
 * @param start start offset (UTF-16 chars) in the analysed text, inclusive
 * @param end end offset, exclusive
 * @param text the text at {@code [start, end)}
 * @param tokens its tokens, offsets in the analysed text (not the sentence), in order
 */
public record Sentence(int start, int end, String text, List<Token> tokens) {

  /** Checks the span and copies the tokens. */
  public Sentence {
    Objects.requireNonNull(text, "text");
    if (start < 0 || end - start != text.length()) {
      throw new IllegalArgumentException("a sentence needs 0 <= start and end - start == text.length(), got [" + start
          + ", " + end + ") for " + text.length() + " chars");
    }
    tokens = List.copyOf(tokens);
  }

  /** A sentence of the given tokens, as a training or evaluation sample has them (joined by single spaces). */
  public static Sentence ofTokens(List<String> words) {
    StringBuilder sb = new StringBuilder();
    java.util.ArrayList<Token> tokens = new java.util.ArrayList<>(words.size());
    for (String w : words) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      tokens.add(new Token(sb.length(), sb.length() + w.length(), w));
      sb.append(w);
    }
    return new Sentence(0, sb.length(), sb.toString(), tokens);
  }

  /** The span and token count, never the text: a log line must not bypass the document's label. */
  @Override
  public String toString() {
    return "Sentence[span=[" + start + "," + end + "), tokens=" + tokens.size() + "]";
  }
}
