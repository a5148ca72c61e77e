package org.insight.nlp.internal.selector;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.regex.Pattern;
import org.insight.nlp.SelectorKind;

/** IPv6 literals (not MAC addresses), parsed — never resolved — and reported in RFC 5952 form. */
final class Ipv6Recognizer implements Recognizer {
  private static final Pattern IPV6_SHAPE = Pattern.compile(
      "[0-9A-Fa-f:]{2,39}|[0-9A-Fa-f:]{2,30}(?:\\d{1,3}\\.){3}\\d{1,3}");
  private static final Pattern HEX5 = Pattern.compile("[0-9A-Fa-f]{5}");
  private static final Pattern MAC_LIKE = Pattern.compile("(?:[0-9A-Fa-f]{2}:){7}[0-9A-Fa-f]{2}");

  private static boolean ipv6Char(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.';
  }

  @Override
  public void find(String text, Candidates out) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!ipv6Char(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && ipv6Char(text.charAt(i))) {
        i++;
      }
      int e = i;
      while (s < e && text.charAt(s) == '.') {
        s++;
      }
      while (e > s && text.charAt(e - 1) == '.') {
        e--;
      }
      if (e - s < 2 || e - s > 45 || Scan.wordChar(text, s - 1) || Scan.wordChar(text, e)) {
        continue;
      }
      String tok = text.substring(s, e);
      int colons = 0;
      for (int k = 0; k < tok.length(); k++) {
        if (tok.charAt(k) == ':') {
          colons++;
        }
      }
      boolean compressed = tok.contains("::");
      if (colons < 2 || !compressed && colons < 6 || tok.contains(":::") || tok.indexOf("::") != tok.lastIndexOf("::")
          || !IPV6_SHAPE.matcher(tok).matches() || HEX5.matcher(tok).find() || MAC_LIKE.matcher(tok).matches()) {
        continue;
      }
      String canonical = ipv6Canonical(tok);
      if (canonical != null) {
        out.add(Rank.IPV6, SelectorKind.IPV6, text, s, e, canonical, 0.9, Map.of());
      }
    }
  }

  /** Parses a pre-filtered IPv6 literal (hex, colons, dots only: never a DNS lookup) to RFC 5952 form. */
  static String ipv6Canonical(String literal) {
    InetAddress a;
    try {
      a = InetAddress.getByName(literal); // a literal with ':' is parsed, never resolved
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
    if (a instanceof Inet4Address) {
      return "::ffff:" + a.getHostAddress(); // the JDK maps IPv4-mapped addresses to Inet4Address
    }
    if (!(a instanceof Inet6Address)) {
      return null;
    }
    byte[] b = a.getAddress();
    int[] g = new int[8];
    for (int k = 0; k < 8; k++) {
      g[k] = (b[2 * k] & 0xff) << 8 | b[2 * k + 1] & 0xff;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int k = 0; k < 8; ) {
      if (g[k] != 0) {
        k++;
        continue;
      }
      int j = k;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - k > bestLen) {
        bestStart = k;
        bestLen = j - k;
      }
      k = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 8; k++) {
      if (k == bestStart) {
        sb.append("::");
        k += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[k]));
    }
    return sb.toString();
  }
}
