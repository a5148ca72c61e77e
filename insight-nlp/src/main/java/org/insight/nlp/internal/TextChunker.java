package org.insight.nlp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a long text into chunks of at most {@code max} chars for engines with a request limit: at paragraph
 * breaks first, then sentence ends, then white space, and only as a last resort inside a word. Chunks are
 * {@code [start, end)} ranges of the input without leading or trailing white space; the text between them (breaks,
 * blanks) is left to the caller to copy through, so the layout survives translation.
 */
public final class TextChunker {
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…;:])\\s+");
  private static final Pattern BLANK = Pattern.compile("\\s+");
  private static final Pattern[] LEVELS = {PARAGRAPH_BREAK, SENTENCE_END, BLANK};

  private TextChunker() {}

  /** The chunks of {@code text}, in order, each at most {@code max} chars; none for blank text. */
  public static List<int[]> chunks(String text, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive, got " + max);
    }
    List<int[]> out = new ArrayList<>();
    split(text, 0, text.length(), max, 0, out);
    return out;
  }

  private static void split(String text, int from, int to, int max, int level, List<int[]> out) {
    int[] trimmed = trim(text, from, to);
    if (trimmed == null) {
      return;
    }
    from = trimmed[0];
    to = trimmed[1];
    if (to - from <= max) {
      out.add(new int[] {from, to});
      return;
    }
    if (level == LEVELS.length) { // one word longer than max: cut it, preferring not to split a surrogate pair
      for (int s = from; s < to; ) {
        int e = Math.min(to, s + max);
        if (e < to && e - s > 1 && Character.isHighSurrogate(text.charAt(e - 1))) {
          e--;
        }
        out.add(new int[] {s, e});
        s = e;
      }
      return;
    }
    // units at this level, packed greedily into chunks; a unit too long for one chunk goes down a level
    List<int[]> units = new ArrayList<>();
    Matcher m = LEVELS[level].matcher(text).region(from, to);
    int start = from;
    while (m.find()) {
      units.add(new int[] {start, m.start()});
      start = m.end();
    }
    units.add(new int[] {start, to});
    int chunkStart = -1;
    int chunkEnd = -1;
    for (int[] u : units) {
      int[] t = trim(text, u[0], u[1]);
      if (t == null) {
        continue;
      }
      if (chunkStart >= 0 && t[1] - chunkStart <= max) {
        chunkEnd = t[1];
        continue;
      }
      if (chunkStart >= 0) {
        out.add(new int[] {chunkStart, chunkEnd});
        chunkStart = -1;
      }
      if (t[1] - t[0] <= max) {
        chunkStart = t[0];
        chunkEnd = t[1];
      } else {
        split(text, t[0], t[1], max, level + 1, out);
      }
    }
    if (chunkStart >= 0) {
      out.add(new int[] {chunkStart, chunkEnd});
    }
  }

  private static int[] trim(String text, int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return from == to ? null : new int[] {from, to};
  }
}
