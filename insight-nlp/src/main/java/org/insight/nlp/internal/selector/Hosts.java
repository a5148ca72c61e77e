package org.insight.nlp.internal.selector;

/** Host-name rules shared by the e-mail and URL recognisers. */
final class Hosts {
  private Hosts() {}

  /** A DNS host name with 2+ labels, LDH labels of 1–63 chars and an alphabetic TLD of 2+ letters. */
  static boolean valid(String host) {
    if (host.isEmpty() || host.length() > 253) {
      return false;
    }
    String[] labels = host.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String l : labels) {
      if (l.isEmpty() || l.length() > 63 || l.startsWith("-") || l.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < l.length(); i++) {
        if (!Scan.isAsciiAlnum(l.charAt(i)) && l.charAt(i) != '-') {
          return false;
        }
      }
    }
    String tld = labels[labels.length - 1];
    if (tld.startsWith("xn--")) {
      return true;
    }
    if (tld.length() < 2) {
      return false;
    }
    for (int i = 0; i < tld.length(); i++) {
      if (!Character.isLetter(tld.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
