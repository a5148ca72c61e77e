package org.insight.nlp.internal.selector;

import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.insight.nlp.SelectorKind;

/** Bare domain names with a known top-level domain (an ambiguous one, like {@code .ai}, needs {@code www.} or 3 labels). */
final class DomainRecognizer implements Recognizer {
  private static final Pattern DOMAIN = Pattern.compile(
      "(?<![A-Za-z0-9@._/\\\\-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24}"
          + "(?![A-Za-z0-9@_-]|\\.[A-Za-z0-9])");

  @Override
  public void find(String text, Candidates out) {
    int n = text.length();
    IntPredicate labelThenDot = i -> {
      if (!Scan.isAsciiAlnum(text.charAt(i)) || i > 0 && (Scan.isAsciiAlnum(text.charAt(i - 1))
          || "@._/\\-".indexOf(text.charAt(i - 1)) >= 0)) {
        return false;
      }
      int j = i;
      while (j < n && (Scan.isAsciiAlnum(text.charAt(j)) || text.charAt(j) == '-')) {
        j++;
      }
      return j + 1 < n && text.charAt(j) == '.' && Scan.isAsciiAlnum(text.charAt(j + 1));
    };
    for (MatchResult m : Scan.matchesAt(text, DOMAIN, labelThenDot)) {
      String d = m.group().toLowerCase(Locale.ROOT);
      String[] labels = d.split("\\.");
      String tld = labels[labels.length - 1];
      if (!Tlds.KNOWN.contains(tld)) {
        continue;
      }
      if (Tlds.AMBIGUOUS.contains(tld) && !d.startsWith("www.") && labels.length < 3) {
        continue;
      }
      boolean numeric = true;
      for (int i = 0; i < labels.length - 1; i++) {
        numeric &= labels[i].chars().allMatch(Character::isDigit);
      }
      if (numeric) {
        continue;
      }
      out.add(Rank.DOMAIN, SelectorKind.DOMAIN, text, m.start(), m.end(), d, 0.7, Map.of());
    }
  }
}
