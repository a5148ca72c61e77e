package org.insight.nlp.internal.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.insight.nlp.SelectorKind;
import org.insight.nlp.internal.Checksums;

/**
 * Payment cards and IMEIs: both are Luhn-checked digit runs (alone, or in groups split by one kind of separator), and
 * which one a 15-digit run is depends on the other (an {@code IMEI} cue, a card IIN), so they are one recogniser.
 */
final class CardImeiRecognizer implements Recognizer {
  private static final Pattern IMEI_CUE = Pattern.compile("(?i)\\bIMEI(?:SV)?\\b");

  private final boolean cards;
  private final boolean imeis;

  CardImeiRecognizer(boolean cards, boolean imeis) {
    this.cards = cards;
    this.imeis = imeis;
  }

  @Override
  public void find(String text, Candidates out) {
    int n = text.length();
    int i = 0;
    List<int[]> groups = new ArrayList<>();
    while (i < n) {
      if (!Scan.isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      groups.clear();
      char sep = 0;
      int j = i;
      while (true) {
        int gs = j;
        while (j < n && Scan.isDigit(text.charAt(j))) {
          j++;
        }
        groups.add(new int[] {gs, j});
        if (j + 1 < n && (text.charAt(j) == ' ' || text.charAt(j) == '-') && Scan.isDigit(text.charAt(j + 1))
            && (sep == 0 || sep == text.charAt(j))) {
          sep = text.charAt(j);
          j++;
        } else {
          break;
        }
      }
      boolean gluedBefore = i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '+'
          || (text.charAt(i - 1) == '.' || text.charAt(i - 1) == ',') && i > 1 && Scan.isDigit(text.charAt(i - 2)));
      boolean gluedAfter = j < n && (Character.isLetter(text.charAt(j))
          || (text.charAt(j) == '.' || text.charAt(j) == ',') && j + 1 < n && Scan.isDigit(text.charAt(j + 1)));
      if (!gluedBefore && !gluedAfter) {
        windows(text, groups, out);
      }
      i = j;
    }
  }

  private void windows(String text, List<int[]> groups, Candidates out) {
    StringBuilder digits = new StringBuilder(19);
    for (int a = 0; a < groups.size(); a++) {
      digits.setLength(0);
      boolean cardGroups = true;
      for (int b = a; b < groups.size(); b++) {
        int[] g = groups.get(b);
        digits.append(text, g[0], g[1]);
        if (digits.length() > 19) {
          break;
        }
        int glen = g[1] - g[0];
        if (glen < 3 || glen > 6) {
          cardGroups = false;
        }
        int start = groups.get(a)[0];
        int end = g[1];
        String d = digits.toString();
        String brand = d.length() >= 13 && (a == b || cardGroups) && Checksums.luhn(d) ? cardBrand(d) : null;
        if (brand != null && cards) {
          out.add(Rank.CARD, SelectorKind.PAYMENT_CARD, text, start, end, d, 0.9, Map.of("brand", brand, "masked", "*".repeat(d.length() - 4) + d.substring(d.length() - 4)));
        }
        if (d.length() == 15 && imeis && Checksums.luhn(d)) {
          boolean cue = Scan.cueBefore(text, start, IMEI_CUE, 24);
          if (cue) {
            out.add(Rank.IMEI_CUE, SelectorKind.IMEI, text, start, end, d, 0.95, Map.of("cue", "IMEI"));
          } else if (a == b && brand == null) {
            out.add(Rank.IMEI, SelectorKind.IMEI, text, start, end, d, 0.6, Map.of());
          }
        }
      }
    }
  }

  /** The card brand for a digit string by IIN prefix and allowed length, or null when no known scheme fits. */
  static String cardBrand(String d) {
    int len = d.length();
    int p2 = Integer.parseInt(d.substring(0, 2));
    int p3 = Integer.parseInt(d.substring(0, 3));
    int p4 = Integer.parseInt(d.substring(0, 4));
    if (d.charAt(0) == '4') {
      return len == 13 || len == 16 || len == 19 ? "visa" : null;
    }
    if (p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720) {
      return len == 16 ? "mastercard" : null;
    }
    if (p2 == 34 || p2 == 37) {
      return len == 15 ? "amex" : null;
    }
    if (p4 == 6011 || p2 == 65 || p3 >= 644 && p3 <= 649) {
      return len >= 16 ? "discover" : null;
    }
    if (p4 >= 3528 && p4 <= 3589) {
      return len >= 16 ? "jcb" : null;
    }
    if (p3 >= 300 && p3 <= 305 || p2 == 36 || p2 == 38 || p2 == 39) {
      return len >= 14 ? "diners" : null;
    }
    if (p2 == 62) {
      return len >= 16 ? "unionpay" : null;
    }
    if (p4 >= 2200 && p4 <= 2204) {
      return len >= 16 ? "mir" : null;
    }
    if (p2 == 50 || p2 >= 56 && p2 <= 58 || p2 == 63 || p2 == 67) {
      return "maestro";
    }
    return null;
  }
}
