package org.insight.nlp.internal.spot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.insight.names.Names;

/**
 * A text's words, and their normalised tokens (a word may give several, or share its span with others): what the
 * matchers walk. A full stop after a word of two or more letters, {@code !?;:|} or a blank line between two words is
 * a barrier a name does not cross.
 */
final class TextTokens {
  int size;
  int[] ids = new int[64];
  int[] skeletonIds = new int[64];
  int[] starts = new int[64];
  int[] ends = new int[64];
  boolean[] barrierBefore = new boolean[64];
  boolean hasSkeletons;
  int words;
  int[] wordStarts = new int[64];
  int[] wordEnds = new int[64];

  void add(int id, int skeleton, int start, int end, boolean barrier) {
    if (size == ids.length) {
      int n = size * 2;
      ids = Arrays.copyOf(ids, n);
      skeletonIds = Arrays.copyOf(skeletonIds, n);
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      barrierBefore = Arrays.copyOf(barrierBefore, n);
    }
    ids[size] = id;
    skeletonIds[size] = skeleton;
    starts[size] = start;
    ends[size] = end;
    barrierBefore[size] = barrier;
    size++;
  }

  void word(int start, int end) {
    if (words == wordStarts.length) {
      wordStarts = Arrays.copyOf(wordStarts, words * 2);
      wordEnds = Arrays.copyOf(wordEnds, words * 2);
    }
    wordStarts[words] = start;
    wordEnds[words] = end;
    words++;
  }

  /** The tokens of {@code text}: ids of {@code vocabulary} (-1 when a token is not in it) and their skeletons' ids. */
  static TextTokens of(String text, Map<String, Integer> vocabulary) {
    TextTokens t = new TextTokens();
    Map<String, List<String>> cache = new HashMap<>();
    int len = text.length();
    int i = 0;
    int previousEnd = -1;
    int previousLength = 0;
    while (i < len) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < len) {
        int c = text.codePointAt(i);
        if (isWordChar(c)) {
          i += Character.charCount(c);
        } else if (isApostrophe(c) && i + 1 < len && Character.isLetter(text.codePointAt(i + 1))) {
          i++;
        } else {
          break;
        }
      }
      int end = i;
      t.word(start, end);
      boolean barrier = previousEnd >= 0 && isBarrier(text, previousEnd, start, previousLength);
      previousEnd = end;
      previousLength = end - start;
      // a possessive 's and a lowercase French/Italian elision (d'Omar, l'Europol) are not part of a name
      if (end - start > 3 && isApostrophe(text.charAt(end - 2)) && (text.charAt(end - 1) | 0x20) == 's') {
        end -= 2;
      }
      int apostrophe = elision(text, start, end);
      if (apostrophe > 0) {
        start = apostrophe;
      }
      String word = text.substring(start, end);
      boolean vowelless = isVowellessScript(word.codePointAt(0));
      List<String> tokens = isAsciiAlnum(word) ? List.of(word.toLowerCase(Locale.ROOT))
          : cache.computeIfAbsent(word, Names::tokens);
      for (String tok : tokens) {
        Integer id = vocabulary.get(tok);
        int sk = -1;
        if (vowelless && !Names.isParticle(tok)) {
          Integer s = vocabulary.get(NameVariants.skeleton(tok));
          sk = s == null ? -1 : s;
          t.hasSkeletons = true;
        }
        if (vowelless && Names.isParticle(tok)) {
          continue; // skeletons ignore particles on both sides
        }
        t.add(id == null ? -1 : id, sk, start, end, barrier);
        barrier = false;
      }
    }
    return t;
  }

  private static boolean isBarrier(String text, int from, int to, int previousLength) {
    int newlines = 0;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c == '\n' && ++newlines == 2) {
        return true;
      }
      if ((c == '.' && previousLength > 1) || c == '!' || c == '?' || c == ';' || c == ':' || c == '|') {
        return true; // a dot after one letter is an initial (J. Smith), not a sentence end
      }
    }
    return false;
  }

  private static int elision(String text, int start, int end) {
    int a = -1;
    if (end - start > 3 && isApostrophe(text.charAt(start + 1)) && "ldjnsmtc".indexOf(text.charAt(start)) >= 0) {
      a = start + 2;
    } else if (end - start > 4 && text.startsWith("qu", start) && isApostrophe(text.charAt(start + 2))) {
      a = start + 3;
    }
    return a > 0 && Character.isUpperCase(text.charAt(a)) ? a : -1;
  }

  private static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isApostrophe(int c) {
    return c == '\'' || c == '’' || c == 'ʼ';
  }

  private static boolean isAsciiAlnum(String w) {
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVowellessScript(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.ARABIC || s == Character.UnicodeScript.HEBREW
        || s == Character.UnicodeScript.SYRIAC;
  }
}
