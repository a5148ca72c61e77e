package org.insight.nlp.internal.selector;

import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.insight.nlp.SelectorKind;

/** Dotted-quad IPv4 addresses, each octet 0–255, not inside a longer number or word. */
final class Ipv4Recognizer implements Recognizer {
  private static final Pattern IPV4 = Pattern.compile(
      "(?<![0-9.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
          + "(?![0-9]|\\.\\d)");

  @Override
  public void find(String text, Candidates out) {
    for (MatchResult m : Scan.matchesAt(text, IPV4, Scan.digitStart(text))) {
      if (Scan.wordChar(text, m.start() - 1) || m.end() < text.length() && Character.isLetter(text.charAt(m.end()))) {
        continue;
      }
      out.add(Rank.IPV4, SelectorKind.IPV4, text, m.start(), m.end(), m.group(), 0.9, Map.of());
    }
  }
}
