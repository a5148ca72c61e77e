package org.insight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Helpers for the messages of {@link InsightException}s, shared by every module so that each message quotes a
 * caller's value the same way and each failed lookup lists what is available.
 */
public final class Messages {
  private static final int MAX_QUOTED = 80;

  private Messages() {}

  /**
   * Quotes a caller's value for a message: truncated to about 80 characters (the length noted), and control
   * characters escaped so the message stays one readable line.
   */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("'");
    int shown = 0;
    for (int i = 0; i < value.length() && shown < MAX_QUOTED; ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      shown++;
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
        sb.append(String.format(Locale.ROOT, "\\u%04X", cp));
      } else {
        sb.appendCodePoint(cp);
      }
    }
    sb.append('\'');
    int total = value.codePointCount(0, value.length());
    if (total > MAX_QUOTED) {
      sb.insert(sb.length() - 1, "…");
      sb.append(" (").append(total).append(" characters)");
    }
    return sb.toString();
  }

  /**
   * Lists available names for a lookup error, with the closest one first when it is a likely typo, e.g.
   * {@code "did you mean 'Person'? available: Address, Person, ..."}.
   */
  public static String available(String asked, Collection<String> names) {
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(String.CASE_INSENSITIVE_ORDER);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    if (asked != null) {
      for (String n : sorted) {
        int d = distance(asked.toLowerCase(Locale.ROOT), n.toLowerCase(Locale.ROOT));
        if (d < bestDistance) {
          bestDistance = d;
          best = n;
        }
      }
    }
    String list = "available: " + String.join(", ", sorted);
    // only suggest when the edit is small relative to the name, otherwise the hint misleads
    if (best != null && bestDistance <= Math.max(2, best.length() / 3)) {
      return "did you mean '" + best + "'? " + list;
    }
    return list;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
