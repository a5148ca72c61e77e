package org.insight.nlp.internal;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.insight.nlp.Selector;
import org.insight.nlp.SelectorKind;

/**
 * The selector recognisers and the overlap resolution behind {@code SelectorExtractor}. Each recogniser is a hand
 * scanner or a regex with bounded quantifiers only (no nested unbounded repetition), so a scan is linear in the text
 * length; every candidate is then validated (check digits, checksums, calendar) before it becomes a hit.
 *
 * <p>Immutable and thread-safe.
 */
public final class SelectorScanner {

  /** A candidate hit with its rank in overlap resolution (higher wins). */
  private record Hit(Selector selector, int priority) {
    int length() {
      return selector.end() - selector.start();
    }
  }

  // Overlap ranks: the more specific, better-validated kind wins a conflict.
  private static final int P_MRZ = 100;
  private static final int P_IBAN = 95;
  private static final int P_URL = 90;
  private static final int P_EMAIL = 88;
  private static final int P_ETH = 86;
  private static final int P_BTC = 85;
  private static final int P_IMEI_CUE = 84;
  private static final int P_CARD = 80;
  private static final int P_IMEI = 78;
  private static final int P_VIN = 76;
  private static final int P_IPV6 = 74;
  private static final int P_IPV4 = 72;
  private static final int P_COORD = 70;
  private static final int P_DATE = 65;
  private static final int P_PHONE = 50;
  private static final int P_DOMAIN = 40;

  private final Set<SelectorKind> kinds;
  private final String region;
  private final int currentYear;

  /**
   * Creates a scanner.
   *
   * @param kinds the kinds to report
   * @param region default region for numbers written without an international prefix (ISO 3166 alpha-2, or "ZZ")
   * @param currentYear the year used for the MRZ birth-date century rule
   */
  public SelectorScanner(Set<SelectorKind> kinds, String region, int currentYear) {
    this.kinds = kinds.isEmpty() ? EnumSet.noneOf(SelectorKind.class) : EnumSet.copyOf(kinds);
    this.region = region;
    this.currentYear = currentYear;
  }

  /** Every validated selector in {@code text}, overlaps resolved, sorted by start. */
  public List<Selector> scan(String text) {
    List<Hit> hits = new ArrayList<>();
    if (has(SelectorKind.MRZ)) {
      mrz(text, hits);
    }
    if (has(SelectorKind.IBAN)) {
      iban(text, hits);
    }
    if (has(SelectorKind.PAYMENT_CARD) || has(SelectorKind.IMEI)) {
      digitRuns(text, hits);
    }
    if (has(SelectorKind.EMAIL)) {
      email(text, hits);
    }
    if (has(SelectorKind.URL)) {
      url(text, hits);
    }
    if (has(SelectorKind.DOMAIN)) {
      domain(text, hits);
    }
    if (has(SelectorKind.IPV4)) {
      ipv4(text, hits);
    }
    if (has(SelectorKind.IPV6)) {
      ipv6(text, hits);
    }
    if (has(SelectorKind.BITCOIN) || has(SelectorKind.ETHEREUM) || has(SelectorKind.VIN)) {
      tokens(text, hits);
    }
    if (has(SelectorKind.DATE)) {
      date(text, hits);
    }
    if (has(SelectorKind.COORDINATES)) {
      coordinates(text, hits);
    }
    if (has(SelectorKind.PHONE)) {
      phone(text, hits);
    }
    return resolve(hits);
  }

  private boolean has(SelectorKind k) {
    return kinds.contains(k);
  }

  /** Greedy by rank, then length, then confidence: a hit is kept when it overlaps no kept hit. */
  static List<Selector> resolve(List<Hit> hits) {
    hits.sort(Comparator.comparingInt(Hit::priority).reversed()
        .thenComparing(Comparator.comparingInt(Hit::length).reversed())
        .thenComparing(h -> -h.selector().confidence())
        .thenComparingInt(h -> h.selector().start()));
    TreeMap<Integer, Selector> kept = new TreeMap<>();
    for (Hit h : hits) {
      Selector s = h.selector();
      if (s.end() <= s.start()) {
        continue;
      }
      Map.Entry<Integer, Selector> before = kept.floorEntry(s.end() - 1);
      if (before != null && before.getValue().end() > s.start()) {
        continue;
      }
      kept.put(s.start(), s);
    }
    return List.copyOf(kept.values());
  }

  private static void add(List<Hit> hits, int priority, SelectorKind kind, String text, int start, int end,
      String value, double confidence, Map<String, String> details) {
    hits.add(new Hit(new Selector(kind, start, end, text.substring(start, end), value, confidence, details), priority));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isUpperOrDigit(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
  }

  private static boolean isAsciiAlnum(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  private static boolean wordChar(String text, int i) {
    return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
  }

  /** True when {@code cue} (a regex matching a whole word) occurs in the {@code window} chars before {@code start}. */
  private static boolean cueBefore(String text, int start, Pattern cue, int window) {
    return cue.matcher(text).region(Math.max(0, start - window), start).find();
  }

  /**
   * The matches of {@code p} that start where {@code start} holds, left to right and not overlapping, like
   * {@link Matcher#find()} but trying the pattern only at plausible starts (Java tries a pattern at every position,
   * which made the lookbehind-led patterns the bulk of the scan time). Lookbehinds see the text before each start.
   */
  private static List<MatchResult> matchesAt(String text, Pattern p, IntPredicate start) {
    List<MatchResult> out = new ArrayList<>();
    Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int n = text.length();
    int next = 0;
    for (int i = 0; i < n; i++) {
      if (i < next || !start.test(i)) {
        continue;
      }
      m.region(i, n);
      if (m.lookingAt()) {
        out.add(m.toMatchResult());
        next = Math.max(m.end(), i + 1);
      }
    }
    return out;
  }

  /** Starts of ASCII digit runs. */
  private static IntPredicate digitStart(String text) {
    return i -> isDigit(text.charAt(i)) && (i == 0 || !isDigit(text.charAt(i - 1)));
  }

  /** Starts of digit runs, or the sign just before one. */
  private static IntPredicate signedDigitStart(String text) {
    int n = text.length();
    return i -> {
      char c = text.charAt(i);
      if (c == '-' || c == '+') {
        return i + 1 < n && isDigit(text.charAt(i + 1));
      }
      return isDigit(c) && (i == 0 || !isDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '-'
          && text.charAt(i - 1) != '+');
    };
  }

  /** Starts of words that are month names. */
  private static IntPredicate monthStart(String text) {
    int n = text.length();
    return i -> {
      if (!Character.isLetter(text.charAt(i)) || i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
        return false;
      }
      int j = i;
      while (j < n && j - i <= 10 && Character.isLetter(text.charAt(j))) {
        j++;
      }
      return j - i >= 3 && j - i <= 10 && MONTHS.containsKey(text.substring(i, j).toLowerCase(Locale.ROOT));
    };
  }

  /** An uppercase N or S starting a word. */
  private static IntPredicate hemisphereStart(String text) {
    return i -> {
      char c = text.charAt(i);
      return (c == 'N' || c == 'S') && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
    };
  }

  // ---------------------------------------------------------------- MRZ (ICAO 9303 TD3, TD2 and TD1)

  private void mrz(String text, List<Hit> hits) {
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
          if (!(isUpperOrDigit(c) || c == '<') || sb.length() >= 44) {
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
        add(hits, P_MRZ, SelectorKind.MRZ, text, lines.get(k)[0], lines.get(last)[1], number, 0.99, d);
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

  private static String mrzDate(String yymmdd, java.util.function.IntUnaryOperator century) {
    try {
      int y = Integer.parseInt(yymmdd.substring(0, 2));
      return LocalDate.of(century.applyAsInt(y) + y, Integer.parseInt(yymmdd.substring(2, 4)),
          Integer.parseInt(yymmdd.substring(4, 6))).toString();
    } catch (NumberFormatException | DateTimeException e) {
      return yymmdd; // unknown parts are allowed ('<<'); keep the raw field
    }
  }

  // ---------------------------------------------------------------- IBAN

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

  private static void iban(String text, List<Hit> hits) {
    int n = text.length();
    int[] ends = new int[34];
    StringBuilder sb = new StringBuilder(34);
    for (int i = 0; i + 4 < n; i++) {
      char c0 = text.charAt(i);
      if (c0 < 'A' || c0 > 'Z' || wordChar(text, i - 1)) {
        continue;
      }
      char c1 = text.charAt(i + 1);
      if (c1 < 'A' || c1 > 'Z' || !isDigit(text.charAt(i + 2)) || !isDigit(text.charAt(i + 3))) {
        continue;
      }
      sb.setLength(0);
      int count = 0;
      int j = i;
      while (j < n && count < 34) {
        char c = text.charAt(j);
        if (isUpperOrDigit(c)) {
          sb.append(c);
          ends[count++] = j + 1;
          j++;
        } else if (c == ' ' && count % 4 == 0 && j + 1 < n && isUpperOrDigit(text.charAt(j + 1))) {
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
      if (wordChar(text, end)) {
        continue;
      }
      String compact = sb.substring(0, len);
      if (Checksums.ibanMod97(compact)) {
        add(hits, P_IBAN, SelectorKind.IBAN, text, i, end, compact, known != null ? 0.99 : 0.9,
            Map.of("country", compact.substring(0, 2)));
      }
    }
  }

  // ---------------------------------------------------------------- payment cards and IMEIs

  private static final Pattern IMEI_CUE = Pattern.compile("(?i)\\bIMEI(?:SV)?\\b");

  private void digitRuns(String text, List<Hit> hits) {
    int n = text.length();
    int i = 0;
    List<int[]> groups = new ArrayList<>();
    while (i < n) {
      if (!isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      groups.clear();
      char sep = 0;
      int j = i;
      while (true) {
        int gs = j;
        while (j < n && isDigit(text.charAt(j))) {
          j++;
        }
        groups.add(new int[] {gs, j});
        if (j + 1 < n && (text.charAt(j) == ' ' || text.charAt(j) == '-') && isDigit(text.charAt(j + 1))
            && (sep == 0 || sep == text.charAt(j))) {
          sep = text.charAt(j);
          j++;
        } else {
          break;
        }
      }
      boolean gluedBefore = i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '+'
          || (text.charAt(i - 1) == '.' || text.charAt(i - 1) == ',') && i > 1 && isDigit(text.charAt(i - 2)));
      boolean gluedAfter = j < n && (Character.isLetter(text.charAt(j))
          || (text.charAt(j) == '.' || text.charAt(j) == ',') && j + 1 < n && isDigit(text.charAt(j + 1)));
      if (!gluedBefore && !gluedAfter) {
        windows(text, groups, hits);
      }
      i = j;
    }
  }

  private void windows(String text, List<int[]> groups, List<Hit> hits) {
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
        if (brand != null && has(SelectorKind.PAYMENT_CARD)) {
          add(hits, P_CARD, SelectorKind.PAYMENT_CARD, text, start, end, d, 0.9, Map.of("brand", brand, "masked", "*".repeat(d.length() - 4) + d.substring(d.length() - 4)));
        }
        if (d.length() == 15 && has(SelectorKind.IMEI) && Checksums.luhn(d)) {
          boolean cue = cueBefore(text, start, IMEI_CUE, 24);
          if (cue) {
            add(hits, P_IMEI_CUE, SelectorKind.IMEI, text, start, end, d, 0.95, Map.of("cue", "IMEI"));
          } else if (a == b && brand == null) {
            add(hits, P_IMEI, SelectorKind.IMEI, text, start, end, d, 0.6, Map.of());
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

  // ---------------------------------------------------------------- e-mail

  private static boolean isLocal(char c) {
    return isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
  }

  private static boolean isDomainChar(char c) {
    return isAsciiAlnum(c) || c == '.' || c == '-';
  }

  private static void email(String text, List<Hit> hits) {
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
      while (ls < at && !isAsciiAlnum(text.charAt(ls))) {
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
      if (local.contains("..") || local.endsWith(".") || !validHost(domain)) {
        continue;
      }
      String tld = domain.substring(domain.lastIndexOf('.') + 1);
      add(hits, P_EMAIL, SelectorKind.EMAIL, text, ls, de, local + "@" + domain,
          Tlds.KNOWN.contains(tld) ? 0.95 : 0.85, Map.of("domain", domain));
    }
  }

  /** A DNS host name with 2+ labels, LDH labels of 1–63 chars and an alphabetic TLD of 2+ letters. */
  private static boolean validHost(String host) {
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
        if (!isAsciiAlnum(l.charAt(i)) && l.charAt(i) != '-') {
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

  // ---------------------------------------------------------------- URL and bare domains

  private static final Pattern URL = Pattern.compile(
      "(?i)(?<![A-Za-z0-9])(?:https?|ftp)://[^\\s<>\"\\x00-\\x1f\\x7f]{1,2048}");

  private static void url(String text, List<Hit> hits) {
    IntPredicate schemeStart = i -> {
      char c = text.charAt(i);
      return (c == 'h' || c == 'H' || c == 'f' || c == 'F') && (i == 0 || !isAsciiAlnum(text.charAt(i - 1)));
    };
    for (MatchResult m : matchesAt(text, URL, schemeStart)) {
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
        add(hits, P_URL, SelectorKind.URL, text, s, e, u, 0.95, Map.of("host", host));
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
    return host.equals("localhost") || IPV4_FULL.matcher(host).matches() || validHost(host) ? host : null;
  }

  private static final Pattern DOMAIN = Pattern.compile(
      "(?<![A-Za-z0-9@._/\\\\-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24}"
          + "(?![A-Za-z0-9@_-]|\\.[A-Za-z0-9])");

  private static void domain(String text, List<Hit> hits) {
    int n = text.length();
    IntPredicate labelThenDot = i -> {
      if (!isAsciiAlnum(text.charAt(i)) || i > 0 && (isAsciiAlnum(text.charAt(i - 1))
          || "@._/\\-".indexOf(text.charAt(i - 1)) >= 0)) {
        return false;
      }
      int j = i;
      while (j < n && (isAsciiAlnum(text.charAt(j)) || text.charAt(j) == '-')) {
        j++;
      }
      return j + 1 < n && text.charAt(j) == '.' && isAsciiAlnum(text.charAt(j + 1));
    };
    for (MatchResult m : matchesAt(text, DOMAIN, labelThenDot)) {
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
      add(hits, P_DOMAIN, SelectorKind.DOMAIN, text, m.start(), m.end(), d, 0.7, Map.of());
    }
  }

  // ---------------------------------------------------------------- IP addresses

  private static final Pattern IPV4 = Pattern.compile(
      "(?<![0-9.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
          + "(?![0-9]|\\.\\d)");

  private static void ipv4(String text, List<Hit> hits) {
    for (MatchResult m : matchesAt(text, IPV4, digitStart(text))) {
      if (wordChar(text, m.start() - 1) || m.end() < text.length() && Character.isLetter(text.charAt(m.end()))) {
        continue;
      }
      add(hits, P_IPV4, SelectorKind.IPV4, text, m.start(), m.end(), m.group(), 0.9, Map.of());
    }
  }

  private static final Pattern IPV6_SHAPE = Pattern.compile(
      "[0-9A-Fa-f:]{2,39}|[0-9A-Fa-f:]{2,30}(?:\\d{1,3}\\.){3}\\d{1,3}");
  private static final Pattern HEX5 = Pattern.compile("[0-9A-Fa-f]{5}");
  private static final Pattern MAC_LIKE = Pattern.compile("(?:[0-9A-Fa-f]{2}:){7}[0-9A-Fa-f]{2}");

  private static boolean ipv6Char(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.';
  }

  private static void ipv6(String text, List<Hit> hits) {
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
      if (e - s < 2 || e - s > 45 || wordChar(text, s - 1) || wordChar(text, e)) {
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
        add(hits, P_IPV6, SelectorKind.IPV6, text, s, e, canonical, 0.9, Map.of());
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

  // ---------------------------------------------------------------- tokens: crypto-currency addresses, VINs

  /** One pass over maximal ASCII letter/digit runs, dispatched by length and prefix (cheaper than a regex each). */
  private void tokens(String text, List<Hit> hits) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isAsciiAlnum(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && isAsciiAlnum(text.charAt(i))) {
        i++;
      }
      int len = i - s;
      if (len < 17) {
        continue;
      }
      char c0 = text.charAt(s);
      if (len == 17 && has(SelectorKind.VIN)) {
        vin(text, s, i, hits);
      } else if (len == 42 && c0 == '0' && text.charAt(s + 1) == 'x' && has(SelectorKind.ETHEREUM)) {
        ethereum(text, s, i, hits);
      }
      if (has(SelectorKind.BITCOIN)) {
        if (len >= 26 && len <= 35 && (c0 == '1' || c0 == '3')) {
          base58(text, s, i, hits);
        } else if (len >= 14 && len <= 90 && text.regionMatches(true, s, "bc1", 0, 3)) {
          bech32(text, s, i, hits);
        }
      }
    }
  }

  private static void base58(String text, int s, int e, List<Hit> hits) {
    String tok = text.substring(s, e);
    byte[] payload = Checksums.base58check(tok);
    if (payload == null || payload.length != 21) {
      return;
    }
    String type = payload[0] == 0 && tok.charAt(0) == '1' ? "p2pkh" : payload[0] == 5 && tok.charAt(0) == '3' ? "p2sh"
        : null;
    if (type != null) {
      add(hits, P_BTC, SelectorKind.BITCOIN, text, s, e, tok, 0.95, Map.of("type", type));
    }
  }

  private static void bech32(String text, int s, int e, List<Hit> hits) {
    String tok = text.substring(s, e);
    String type = Checksums.segwit(tok, "bc");
    if (type != null) {
      add(hits, P_BTC, SelectorKind.BITCOIN, text, s, e, tok, 0.95, Map.of("type", type));
    }
  }

  private static void ethereum(String text, int s, int e, List<Hit> hits) {
    String hex = text.substring(s + 2, e);
    boolean lower = false;
    boolean upper = false;
    for (int k = 0; k < 40; k++) {
      char c = hex.charAt(k);
      if (c >= 'a' && c <= 'f') {
        lower = true;
      } else if (c >= 'A' && c <= 'F') {
        upper = true;
      } else if (c < '0' || c > '9') {
        return;
      }
    }
    boolean mixed = lower && upper;
    if (mixed && !Checksums.eip55(hex)) {
      return;
    }
    add(hits, P_ETH, SelectorKind.ETHEREUM, text, s, e, "0x" + hex.toLowerCase(Locale.ROOT), mixed ? 0.95 : 0.8,
        Map.of("checksum", mixed ? "valid" : "none"));
  }

  private static final Pattern VIN_CUE = Pattern.compile("(?i)\\b(?:VIN|FIN|chassis)\\b");

  private static void vin(String text, int s, int e, List<Hit> hits) {
    int letters = 0;
    for (int k = s; k < e; k++) {
      char c = text.charAt(k);
      if (c >= 'A' && c <= 'Z') {
        if (c == 'I' || c == 'O' || c == 'Q') {
          return;
        }
        letters++;
      } else if (c < '0' || c > '9') {
        return; // lowercase
      }
    }
    if (letters == 0 || letters == 17) {
      return;
    }
    String v = text.substring(s, e);
    if (Checksums.vinCheckChar(v) == v.charAt(8)) {
      add(hits, P_VIN, SelectorKind.VIN, text, s, e, v, 0.9, Map.of("check", "valid"));
    } else if (cueBefore(text, s, VIN_CUE, 24)) {
      // Outside North America and China the position-9 check digit is optional: with a cue word, keep it.
      add(hits, P_VIN, SelectorKind.VIN, text, s, e, v, 0.5, Map.of("check", "invalid"));
    }
  }

  // ---------------------------------------------------------------- dates

  private static final Map<String, Integer> MONTHS = new HashMap<>();

  static {
    String[][] names = {
      {"january", "jan", "janvier", "janv", "enero", "ene"},
      {"february", "feb", "février", "fevrier", "févr", "fevr", "fév", "fev", "febrero"},
      {"march", "mar", "mars", "marzo"},
      {"april", "apr", "avril", "avr", "abril", "abr"},
      {"may", "mai", "mayo"},
      {"june", "jun", "juin", "junio"},
      {"july", "jul", "juillet", "juil", "julio"},
      {"august", "aug", "août", "aout", "agosto", "ago"},
      {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "set"},
      {"october", "oct", "octobre", "octubre"},
      {"november", "nov", "novembre", "noviembre"},
      {"december", "dec", "décembre", "decembre", "déc", "diciembre", "dic"}
    };
    for (int i = 0; i < names.length; i++) {
      for (String s : names[i]) {
        MONTHS.put(s, i + 1);
      }
    }
  }

  /** Any word of 3–10 letters: the month is checked by map look-up (an alternation of names would be slow). */
  private static final String MONTH_ALT = "\\p{L}{3,10}";

  private static final Pattern ISO_DATE = Pattern.compile(
      "(?<![0-9./-])(\\d{4})([-/.])(\\d{2})\\2(\\d{2})(?![0-9]|[./-]\\d)");
  private static final Pattern NUM_DATE = Pattern.compile(
      "(?<![0-9./-])(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})(?![0-9]|[./-]\\d)");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "(?i)(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th|er|º|°)?\\s{1,3}(?:de\\s{1,3})?(" + MONTH_ALT
          + ")(?![\\p{L}])\\.?,?\\s{1,3}(?:del?\\s{1,3})?(\\d{4})(?![\\p{N}])");
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "(?i)(?<![\\p{L}\\p{N}])(" + MONTH_ALT + ")(?![\\p{L}])\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}"
          + "(\\d{4})(?![\\p{N}])");
  private static final Pattern MONTH_YEAR = Pattern.compile(
      "(?i)(?<![\\p{L}\\p{N}])(" + MONTH_ALT + ")(?![\\p{L}])\\.?,?\\s{1,3}(?:del?\\s{1,3})?(\\d{4})(?![\\p{N}])");

  private static void date(String text, List<Hit> hits) {
    IntPredicate digits = digitStart(text);
    for (MatchResult m : matchesAt(text, ISO_DATE, digits)) {
      dateHit(text, hits, m, m.group(1), m.group(3), m.group(4), m.group(2).equals("-") ? 0.95 : 0.9);
    }
    for (MatchResult m : matchesAt(text, NUM_DATE, digits)) {
      dateHit(text, hits, m, m.group(4), m.group(3), m.group(1), 0.85);
    }
    for (MatchResult m : matchesAt(text, DAY_MONTH_YEAR, digits)) {
      dateHit(text, hits, m, m.group(3), month(m.group(2)), m.group(1), 0.9);
    }
    IntPredicate months = monthStart(text);
    for (MatchResult m : matchesAt(text, MONTH_DAY_YEAR, months)) {
      dateHit(text, hits, m, m.group(3), month(m.group(1)), m.group(2), 0.9);
    }
    for (MatchResult m : matchesAt(text, MONTH_YEAR, months)) {
      int y = Integer.parseInt(m.group(2));
      String mon = MONTH_YEAR_EXCLUDED.contains(m.group(1).toLowerCase(Locale.ROOT)) ? null : month(m.group(1));
      if (y >= 1800 && y <= 2199 && mon != null) {
        add(hits, P_DATE, SelectorKind.DATE, text, m.start(), m.end(), String.format(Locale.ROOT, "%04d-%s", y, mon),
            0.6, Map.of("precision", "month"));
      }
    }
  }

  /** Month abbreviations that are also common words: accepted with a day, not in a bare month-year. */
  private static final Set<String> MONTH_YEAR_EXCLUDED = Set.of("set", "ago", "mar", "dic", "ene", "jun", "jul");

  private static String month(String name) {
    Integer k = MONTHS.get(name.toLowerCase(Locale.ROOT));
    return k == null ? null : String.format(Locale.ROOT, "%02d", k);
  }

  private static void dateHit(String text, List<Hit> hits, MatchResult m, String y, String mo, String d, double conf) {
    if (mo == null) {
      return;
    }
    try {
      int year = Integer.parseInt(y);
      if (year < 1800 || year > 2199) {
        return;
      }
      LocalDate date = LocalDate.of(year, Integer.parseInt(mo), Integer.parseInt(d));
      add(hits, P_DATE, SelectorKind.DATE, text, m.start(), m.end(), date.toString(), conf, Map.of("precision", "day"));
    } catch (DateTimeException | NumberFormatException e) {
      // not a calendar date: no hit
    }
  }

  // ---------------------------------------------------------------- coordinates

  private static final Pattern DECIMAL_PAIR = Pattern.compile(
      "(?<![0-9.,+\\-])([-+]?\\d{1,2}\\.(\\d{1,10}))(?:\\s{0,3}[,;/]\\s{0,3}|\\s{1,3})([-+]?\\d{1,3}\\.(\\d{1,10}))"
          + "(?![0-9]|[.,]\\d)");
  private static final Pattern COORD_CUE = Pattern.compile(
      "(?iu)(?<![\\p{L}])(?:lat|latitude|lon|lng|long|longitude|gps|coord|coords|coordinates|coordonn[ée]es|"
          + "coordenadas|position|location|loc|geo|wgs84|wgs-84)(?![\\p{L}])");
  private static final String DMS_PART =
      "(\\d{1,3})\\s?[°º]\\s?(\\d{1,2}(?:[.,]\\d{1,4})?)\\s?['′’]\\s?(?:(\\d{1,2}(?:[.,]\\d{1,4})?)\\s?(?:[\"″”]|''|′′)\\s?)?";
  private static final Pattern DMS = Pattern.compile(
      "(?<![\\p{N}])" + DMS_PART + "([NS])(?![\\p{L}])\\s{0,3}[,;/]?\\s{0,3}" + DMS_PART + "([EWO])(?![\\p{L}])");

  private static final String DEC = "(\\d{1,3}(?:\\.\\d{1,10})?)\\s?°?";
  private static final Pattern HEMI_PREFIX = Pattern.compile(
      "(?<![\\p{L}\\p{N}])([NS])\\s?" + DEC + "\\s{0,3}[,;/]?\\s{0,3}([EWO])\\s?" + DEC + "(?![\\p{N}]|\\.\\d)");
  private static final Pattern HEMI_SUFFIX = Pattern.compile(
      "(?<![\\p{L}\\p{N}.])" + DEC + "\\s?([NS])(?![\\p{L}])\\s{0,3}[,;/]?\\s{0,3}" + DEC + "\\s?([EWO])(?![\\p{L}])");
  private static final Pattern DMS_PREFIX = Pattern.compile(
      "(?<![\\p{L}\\p{N}])([NS])\\s?" + DMS_PART + "\\s{0,3}[,;/]?\\s{0,3}([EWO])\\s?" + DMS_PART);

  private static void hemisphereHit(String text, List<Hit> hits, MatchResult m, double lat, String ns, double lon,
      String ew, String format) {
    if (Double.isNaN(lat) || Double.isNaN(lon) || lat > 90 || lon > 180
        || m.group().indexOf('.') < 0 && m.group().indexOf('°') < 0) {
      return; // "N 12 E 5" is more likely a room or grid reference than a position
    }
    add(hits, P_COORD, SelectorKind.COORDINATES, text, m.start(), m.end(),
        deg(ns.equals("S") ? -lat : lat) + "," + deg(ew.equals("E") ? lon : -lon), 0.9, Map.of("format", format));
  }

  private static void coordinates(String text, List<Hit> hits) {
    IntPredicate hemi = hemisphereStart(text);
    IntPredicate digits = digitStart(text);
    for (MatchResult h : matchesAt(text, HEMI_PREFIX, hemi)) {
      hemisphereHit(text, hits, h, Double.parseDouble(h.group(2)), h.group(1), Double.parseDouble(h.group(4)),
          h.group(3), "decimal");
    }
    for (MatchResult h : matchesAt(text, HEMI_SUFFIX, digits)) {
      hemisphereHit(text, hits, h, Double.parseDouble(h.group(1)), h.group(2), Double.parseDouble(h.group(3)),
          h.group(4), "decimal");
    }
    for (MatchResult h : matchesAt(text, DMS_PREFIX, hemi)) {
      hemisphereHit(text, hits, h, dms(h.group(2), h.group(3), h.group(4), 90), h.group(1),
          dms(h.group(6), h.group(7), h.group(8), 180), h.group(5), "dms");
    }
    for (MatchResult m : matchesAt(text, DECIMAL_PAIR, signedDigitStart(text))) {
      boolean precise = m.group(2).length() >= 4 && m.group(4).length() >= 4;
      boolean cue = cueBefore(text, m.start(), COORD_CUE, 30);
      if (!precise && !cue) {
        continue;
      }
      double lat = Double.parseDouble(m.group(1));
      double lon = Double.parseDouble(m.group(3));
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        continue;
      }
      add(hits, P_COORD, SelectorKind.COORDINATES, text, m.start(), m.end(), deg(lat) + "," + deg(lon),
          cue ? 0.85 : 0.75, Map.of("format", "decimal"));
    }
    for (MatchResult m : matchesAt(text, DMS, digits)) {
      double lat = dms(m.group(1), m.group(2), m.group(3), 90);
      double lon = dms(m.group(5), m.group(6), m.group(7), 180);
      if (Double.isNaN(lat) || Double.isNaN(lon)) {
        continue;
      }
      if (m.group(4).equals("S")) {
        lat = -lat;
      }
      if (!m.group(8).equals("E")) {
        lon = -lon;
      }
      add(hits, P_COORD, SelectorKind.COORDINATES, text, m.start(), m.end(), deg(lat) + "," + deg(lon), 0.9,
          Map.of("format", "dms"));
    }
  }

  private static double dms(String d, String mi, String s, int maxDeg) {
    double deg = Integer.parseInt(d);
    double min = Double.parseDouble(mi.replace(',', '.'));
    double sec = s == null ? 0 : Double.parseDouble(s.replace(',', '.'));
    if (min >= 60 || sec >= 60) {
      return Double.NaN;
    }
    double v = deg + min / 60 + sec / 3600;
    return v > maxDeg ? Double.NaN : v;
  }

  private static String deg(double v) {
    String s = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  // ---------------------------------------------------------------- telephone numbers

  private void phone(String text, List<Hit> hits) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    for (PhoneNumberMatch m : util.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
      String raw = m.rawString();
      boolean intl = raw.startsWith("+") || raw.startsWith("00");
      String e164 = util.format(m.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
      String where = util.getRegionCodeForNumber(m.number());
      Map<String, String> d = new LinkedHashMap<>();
      d.put("region", where == null ? "ZZ" : where);
      d.put("numberType", util.getNumberType(m.number()).name().toLowerCase(Locale.ROOT));
      add(hits, P_PHONE, SelectorKind.PHONE, text, m.start(), m.end(), e164, intl ? 0.9 : 0.75, d);
    }
  }
}
