package org.insight.policy.internal;

import java.util.Locale;

/** Small text helpers shared by the parsers. */
public final class Text {
  private Text() {}

  /** Whether every surrogate in {@code s} is part of a proper pair. */
  public static boolean wellFormed(String s) {
    return firstUnpairedSurrogate(s) < 0;
  }

  /** The index of the first unpaired surrogate, or -1. */
  public static int firstUnpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Shows one character in an error message: {@code 'x'}, or its code point when it is not printable. */
  public static String show(String s, int index) {
    int cp = s.codePointAt(index);
    if (cp == ' ') {
      return "a space";
    }
    if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSurrogate((char) cp)
        || !Character.isDefined(cp)) {
      return String.format(Locale.ROOT, "U+%04X", cp);
    }
    return "'" + new String(Character.toChars(cp)) + "'";
  }
}
