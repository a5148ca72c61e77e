package org.insight.nlp.internal.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Character classes and scanning helpers shared by the recognisers. */
final class Scan {

  /** Receives a run's bounds, {@code [start, end)}. */
  @FunctionalInterface
  interface RunConsumer {
    void accept(int start, int end);
  }

  private Scan() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isUpperOrDigit(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
  }

  static boolean isAsciiAlnum(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  /** True when {@code i} is inside the text and holds a letter or digit. */
  static boolean wordChar(String text, int i) {
    return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
  }

  /** True when {@code cue} (a regex matching a whole word) occurs in the {@code window} chars before {@code start}. */
  static boolean cueBefore(String text, int start, Pattern cue, int window) {
    return cue.matcher(text).region(Math.max(0, start - window), start).find();
  }

  /** Each maximal run of ASCII letters and digits at least {@code minLength} long, left to right. */
  static void asciiRuns(String text, int minLength, RunConsumer consumer) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isAsciiAlnum(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && isAsciiAlnum(text.charAt(i))) {
        i++;
      }
      if (i - s >= minLength) {
        consumer.accept(s, i);
      }
    }
  }

  /**
   * The matches of {@code p} that start where {@code start} holds, left to right and not overlapping, like
   * {@link Matcher#find()} but trying the pattern only at plausible starts (Java tries a pattern at every position,
   * which made the lookbehind-led patterns the bulk of the scan time). Lookbehinds see the text before each start.
   */
  static List<MatchResult> matchesAt(String text, Pattern p, IntPredicate start) {
    List<MatchResult> out = new ArrayList<>();
    Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int n = text.length();
    int next = 0;
    for (int i = 0; i < n; i++) {
      if (i < next || !start.test(i)) {
        continue;
      }
      m.region(i, n);
      if (m.lookingAt()) {
        out.add(m.toMatchResult());
        next = Math.max(m.end(), i + 1);
      }
    }
    return out;
  }

  /** Starts of ASCII digit runs. */
  static IntPredicate digitStart(String text) {
    return i -> isDigit(text.charAt(i)) && (i == 0 || !isDigit(text.charAt(i - 1)));
  }
}
