package org.insight.nlp.internal.selector;

import java.util.Locale;
import java.util.Map;
import org.insight.nlp.SelectorKind;

/** ASCII e-mail addresses, scanned outwards from each {@code @}; the domain must be a valid host name. */
final class EmailRecognizer implements Recognizer {
  private static boolean isLocal(char c) {
    return Scan.isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
  }

  private static boolean isDomainChar(char c) {
    return Scan.isAsciiAlnum(c) || c == '.' || c == '-';
  }

  @Override
  public void find(String text, Candidates out) {
    int n = text.length();
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      int ls = at;
      while (ls > 0 && at - ls < 64 && isLocal(text.charAt(ls - 1))) {
        ls--;
      }
      if (ls > 0 && (isLocal(text.charAt(ls - 1)) || text.charAt(ls - 1) == '@'
          || Character.isLetterOrDigit(text.charAt(ls - 1)))) {
        continue; // inside a longer token
      }
      while (ls < at && !Scan.isAsciiAlnum(text.charAt(ls))) {
        ls++;
      }
      if (ls == at) {
        continue;
      }
      int de = at + 1;
      while (de < n && de - at <= 253 && isDomainChar(text.charAt(de))) {
        de++;
      }
      if (de < n && (isDomainChar(text.charAt(de)) || text.charAt(de) == '@'
          || Character.isLetterOrDigit(text.charAt(de)))) {
        continue;
      }
      while (de > at + 1 && (text.charAt(de - 1) == '.' || text.charAt(de - 1) == '-')) {
        de--;
      }
      String local = text.substring(ls, at);
      String domain = text.substring(at + 1, de).toLowerCase(Locale.ROOT);
      if (local.contains("..") || local.endsWith(".") || !Hosts.valid(domain)) {
        continue;
      }
      String tld = domain.substring(domain.lastIndexOf('.') + 1);
      out.add(Rank.EMAIL, SelectorKind.EMAIL, text, ls, de, local + "@" + domain,
          Tlds.KNOWN.contains(tld) ? 0.95 : 0.85, Map.of("domain", domain));
    }
  }

}
