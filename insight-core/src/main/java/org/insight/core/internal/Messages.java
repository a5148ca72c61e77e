package org.insight.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.insight.core.InvalidDataException;

/** Message helpers shared by cleaning and schema code, so every message quotes values the same way. */
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
        sb.append(String.format("\\u%04X", cp));
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

  /** A one-problem {@link InvalidDataException}. */
  public static InvalidDataException invalid(String where, String message) {
    return new InvalidDataException(new InvalidDataException.Problem(where, message));
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
        int d = distance(asked.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT));
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
