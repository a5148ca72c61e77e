package org.insight.nlp.internal.selector;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.insight.nlp.SelectorKind;
import org.insight.nlp.internal.Checksums;

/** Passport and ID-card machine-readable zones (ICAO 9303 TD3, TD2 and TD1), every check digit verified. */
final class MrzRecognizer implements Recognizer {
  private final int currentYear;

  /** A recogniser whose birth-date century rule reads a two-digit year after {@code currentYear} as 19YY. */
  MrzRecognizer(int currentYear) {
    this.currentYear = currentYear;
  }

  @Override
  public void find(String text, Candidates out) {
    List<int[]> lines = new ArrayList<>(); // trimmed start, trimmed end, normalised index
    List<String> norms = new ArrayList<>();
    int n = text.length();
    int ls = 0;
    while (ls <= n) {
      int le = text.indexOf('\n', ls);
      if (le < 0) {
        le = n;
      }
      int s = ls;
      int e = le;
      while (s < e && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      String norm = null;
      if (e - s >= 30 && e - s <= 60) {
        StringBuilder sb = new StringBuilder(44);
        for (int i = s; i < e && norm == null; i++) {
          char c = text.charAt(i);
          if (c == ' ') {
            continue;
          }
          if (!(Scan.isUpperOrDigit(c) || c == '<') || sb.length() >= 44) {
            sb = null;
            break;
          }
          sb.append(c);
        }
        if (sb != null && (sb.length() == 44 || sb.length() == 36 || sb.length() == 30)) {
          norm = sb.toString();
        }
      }
      lines.add(new int[] {s, e});
      norms.add(norm);
      ls = le + 1;
    }
    for (int k = 0; k + 1 < lines.size(); k++) {
      String a = norms.get(k);
      String b = norms.get(k + 1);
      if (a == null || b == null) {
        continue;
      }
      Map<String, String> d = null;
      int last = k + 1;
      if (a.length() == 44 && b.length() == 44) {
        d = td3(a, b);
      } else if (a.length() == 36 && b.length() == 36) {
        d = td2(a, b);
      } else if (a.length() == 30 && b.length() == 30 && k + 2 < lines.size() && norms.get(k + 2) != null
          && norms.get(k + 2).length() == 30) {
        d = td1(a, b, norms.get(k + 2));
        last = k + 2;
      }
      if (d != null) {
        String number = d.remove("documentNumber");
        out.add(Rank.MRZ, SelectorKind.MRZ, text, lines.get(k)[0], lines.get(last)[1], number, 0.99, d);
        k = last;
      }
    }
  }

  private Map<String, String> td3(String l1, String l2) {
    if (l1.charAt(0) != 'P') {
      return null;
    }
    String num = l2.substring(0, 9);
    boolean ok = Checksums.mrzValid(num, l2.charAt(9))
        && Checksums.mrzValid(l2.substring(13, 19), l2.charAt(19))
        && Checksums.mrzValid(l2.substring(21, 27), l2.charAt(27))
        && (l2.charAt(42) == '<' ? l2.substring(28, 42).chars().allMatch(c -> c == '<')
            : Checksums.mrzValid(l2.substring(28, 42), l2.charAt(42)))
        && Checksums.mrzValid(l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43), l2.charAt(43))
        && "MFX<".indexOf(l2.charAt(20)) >= 0;
    if (!ok) {
      return null;
    }
    Map<String, String> d = new LinkedHashMap<>();
    d.put("format", "TD3");
    d.put("documentNumber", num.replace("<", ""));
    mrzCommon(d, l1.substring(0, 2), l1.substring(2, 5), l1.substring(5, 44), l2.substring(10, 13),
        l2.substring(13, 19), l2.charAt(20), l2.substring(21, 27), l2.substring(28, 42));
    return d;
  }

  private Map<String, String> td2(String l1, String l2) {
    if ("IACP".indexOf(l1.charAt(0)) < 0) {
      return null;
    }
    String num = l2.substring(0, 9);
    boolean ok = Checksums.mrzValid(num, l2.charAt(9))
        && Checksums.mrzValid(l2.substring(13, 19), l2.charAt(19))
        && Checksums.mrzValid(l2.substring(21, 27), l2.charAt(27))
        && Checksums.mrzValid(l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 35), l2.charAt(35))
        && "MFX<".indexOf(l2.charAt(20)) >= 0;
    if (!ok) {
      return null;
    }
    Map<String, String> d = new LinkedHashMap<>();
    d.put("format", "TD2");
    d.put("documentNumber", num.replace("<", ""));
    mrzCommon(d, l1.substring(0, 2), l1.substring(2, 5), l1.substring(5, 36), l2.substring(10, 13),
        l2.substring(13, 19), l2.charAt(20), l2.substring(21, 27), l2.substring(28, 35));
    return d;
  }

  private Map<String, String> td1(String l1, String l2, String l3) {
    if ("IAC".indexOf(l1.charAt(0)) < 0) {
      return null;
    }
    String num = l1.substring(5, 14);
    char check = l1.charAt(14);
    String opt1 = l1.substring(15, 30);
    if (check == '<' && opt1.charAt(0) != '<') { // long document number continued in the optional data
      int stop = opt1.indexOf('<');
      String ext = stop < 0 ? opt1 : opt1.substring(0, stop);
      if (ext.length() < 2) {
        return null;
      }
      num = num + ext.substring(0, ext.length() - 1);
      check = ext.charAt(ext.length() - 1);
    }
    boolean ok = Checksums.mrzValid(num, check)
        && Checksums.mrzValid(l2.substring(0, 6), l2.charAt(6))
        && Checksums.mrzValid(l2.substring(8, 14), l2.charAt(14))
        && Checksums.mrzValid(l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29),
            l2.charAt(29))
        && "MFX<".indexOf(l2.charAt(7)) >= 0;
    if (!ok) {
      return null;
    }
    Map<String, String> d = new LinkedHashMap<>();
    d.put("format", "TD1");
    d.put("documentNumber", num.replace("<", ""));
    mrzCommon(d, l1.substring(0, 2), l1.substring(2, 5), l3, l2.substring(15, 18), l2.substring(0, 6), l2.charAt(7),
        l2.substring(8, 14), (opt1 + l2.substring(18, 29)));
    return d;
  }

  private void mrzCommon(Map<String, String> d, String type, String issuer, String names, String nationality,
      String birth, char sex, String expiry, String optional) {
    d.put("documentType", type.replace("<", ""));
    d.put("issuingCountry", issuer.replace("<", ""));
    String nm = names.replaceAll("<+$", "");
    int sep = nm.indexOf("<<");
    String surname = sep < 0 ? nm : nm.substring(0, sep);
    String given = sep < 0 ? "" : nm.substring(sep + 2);
    d.put("surname", surname.replace('<', ' ').trim());
    d.put("givenNames", given.replace('<', ' ').trim());
    d.put("nationality", nationality.replace("<", ""));
    int yy = currentYear % 100;
    d.put("birthDate", mrzDate(birth, b -> b > yy ? 1900 : 2000));
    d.put("sex", sex == '<' ? "X" : String.valueOf(sex));
    d.put("expiryDate", mrzDate(expiry, b -> b > (yy + 50) % 100 && yy + 50 < 100 ? 1900 : 2000));
    String opt = optional.replace("<", "");
    if (!opt.isEmpty()) {
      d.put("optionalData", opt);
    }
  }

  private static String mrzDate(String yymmdd, IntUnaryOperator century) {
    try {
      int y = Integer.parseInt(yymmdd.substring(0, 2));
      return LocalDate.of(century.applyAsInt(y) + y, Integer.parseInt(yymmdd.substring(2, 4)),
          Integer.parseInt(yymmdd.substring(4, 6))).toString();
    } catch (NumberFormatException | DateTimeException e) {
      return yymmdd; // unknown parts are allowed ('<<'); keep the raw field
    }
  }
}
