package org.insight.nlp.internal.selector;

import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.insight.nlp.SelectorKind;

/** http, https and ftp URLs, trailing punctuation and unopened closing brackets trimmed, with a valid host. */
final class UrlRecognizer implements Recognizer {
  private static final Pattern URL = Pattern.compile(
      "(?i)(?<![A-Za-z0-9])(?:https?|ftp)://[^\\s<>\"\\x00-\\x1f\\x7f]{1,2048}");

  @Override
  public void find(String text, Candidates out) {
    IntPredicate schemeStart = i -> {
      char c = text.charAt(i);
      return (c == 'h' || c == 'H' || c == 'f' || c == 'F') && (i == 0 || !Scan.isAsciiAlnum(text.charAt(i - 1)));
    };
    for (MatchResult m : Scan.matchesAt(text, URL, schemeStart)) {
      int s = m.start();
      int e = m.end();
      int[] open = new int[3];
      int[] close = new int[3];
      for (int i = s; i < e; i++) {
        int k = "([{".indexOf(text.charAt(i));
        int c = ")]}".indexOf(text.charAt(i));
        if (k >= 0) {
          open[k]++;
        } else if (c >= 0) {
          close[c]++;
        }
      }
      while (e > s) { // trailing punctuation, and closing brackets the URL did not open
        char c = text.charAt(e - 1);
        int k = ")]}".indexOf(c);
        if (".,;:!?'*".indexOf(c) >= 0) {
          e--;
        } else if (k >= 0 && open[k] < close[k]) {
          close[k]--;
          e--;
        } else {
          break;
        }
      }
      String u = text.substring(s, e);
      String host = urlHost(u);
      if (host != null) {
        out.add(Rank.URL, SelectorKind.URL, text, s, e, u, 0.95, Map.of("host", host));
      }
    }
  }

  private static final Pattern IPV4_FULL = Pattern.compile(
      "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  private static String urlHost(String u) {
    int p = u.indexOf("://") + 3;
    int q = p;
    while (q < u.length() && "/?#".indexOf(u.charAt(q)) < 0) {
      q++;
    }
    String auth = u.substring(p, q);
    int at = auth.lastIndexOf('@');
    if (at >= 0) {
      auth = auth.substring(at + 1);
    }
    if (auth.startsWith("[")) {
      int close = auth.indexOf(']');
      return close > 1 ? auth.substring(0, close + 1).toLowerCase(Locale.ROOT) : null;
    }
    int colon = auth.indexOf(':');
    if (colon >= 0) {
      String port = auth.substring(colon + 1);
      if (!port.chars().allMatch(Character::isDigit) || port.length() > 5) {
        return null;
      }
      auth = auth.substring(0, colon);
    }
    String host = auth.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host.equals("localhost") || IPV4_FULL.matcher(host).matches() || Hosts.valid(host) ? host : null;
  }
}
