package org.insight.nlp.internal.selector;

import java.util.HashMap;
import java.util.Map;
import org.insight.nlp.SelectorKind;
import org.insight.nlp.internal.Checksums;

/** IBANs in uppercase, grouped by four or compact, at their country's length, mod-97 verified. */
final class IbanRecognizer implements Recognizer {
  private static final Map<String, Integer> IBAN_LENGTHS = new HashMap<>();

  static {
    String spec = "FR27 DE22 ES24 IT27 GB22 NL18 BE16 CH21 LU20 PT25 AT20 PL28 IE22 DK18 FI18 SE24 NO15 CZ24 SK24 "
        + "HU28 RO24 BG22 GR27 HR21 SI19 LT20 LV21 EE20 MT31 CY28 MC27 SM27 LI21 IS26 TR26 AE23 SA24 GI23 AL28 BA20 "
        + "RS22 ME22 MK19 UA29 TN24 IL23 LB28 QA29 KW30 BH22 JO30 PK24 AZ28 GE22 KZ20 MD24 BR29 DO28 CR22 GT28 "
        + "MU30 XK20 BY28 EG29 AD24 FO18 GL18 VA22 IQ23 PS29 SC31 LC32 ST25 TL23 VG24 SV28 MR27";
    for (String s : spec.split(" ")) {
      IBAN_LENGTHS.put(s.substring(0, 2), Integer.parseInt(s.substring(2)));
    }
  }

  @Override
  public void find(String text, Candidates out) {
    int n = text.length();
    int[] ends = new int[34];
    StringBuilder sb = new StringBuilder(34);
    for (int i = 0; i + 4 < n; i++) {
      char c0 = text.charAt(i);
      if (c0 < 'A' || c0 > 'Z' || Scan.wordChar(text, i - 1)) {
        continue;
      }
      char c1 = text.charAt(i + 1);
      if (c1 < 'A' || c1 > 'Z' || !Scan.isDigit(text.charAt(i + 2)) || !Scan.isDigit(text.charAt(i + 3))) {
        continue;
      }
      sb.setLength(0);
      int count = 0;
      int j = i;
      while (j < n && count < 34) {
        char c = text.charAt(j);
        if (Scan.isUpperOrDigit(c)) {
          sb.append(c);
          ends[count++] = j + 1;
          j++;
        } else if (c == ' ' && count % 4 == 0 && j + 1 < n && Scan.isUpperOrDigit(text.charAt(j + 1))) {
          j++;
        } else {
          break;
        }
      }
      Integer known = IBAN_LENGTHS.get(sb.substring(0, 2));
      int len = known != null ? known : count;
      if (count < len || len < 15 || len > 34) {
        continue;
      }
      int end = ends[len - 1];
      if (Scan.wordChar(text, end)) {
        continue;
      }
      String compact = sb.substring(0, len);
      if (Checksums.ibanMod97(compact)) {
        out.add(Rank.IBAN, SelectorKind.IBAN, text, i, end, compact, known != null ? 0.99 : 0.9,
            Map.of("country", compact.substring(0, 2)));
      }
    }
  }
}
