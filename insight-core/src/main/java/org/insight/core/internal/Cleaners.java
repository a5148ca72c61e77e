package org.insight.core.internal;

import static org.insight.Messages.quote;
import static org.insight.core.internal.Problems.invalid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cleaning rules behind {@link org.insight.core.PropertyType}. Each method returns the normalised value or
 * throws an {@link org.insight.core.InvalidDataException} with one problem; each is idempotent.
 *
 * <p>Not API: the rules are documented on {@code PropertyType}, which is the only supported entry point.
 */
public final class Cleaners {
  private Cleaners() {}

  static final int MAX_NAME = 500;
  static final int MAX_ADDRESS = 1000;
  static final int MAX_TEXT = 1_000_000;

  // ---------------------------------------------------------------- text-like

  /** NAME: strip controls, NFC, collapse whitespace, trim; 1–500 code points; case kept. */
  public static String name(String raw) {
    String s = collapse(nfc(stripControls(raw, false)));
    if (s.isEmpty()) {
      throw invalid("name", "the value " + quote(raw) + " is empty once control characters and whitespace are"
          + " removed; give the name as displayed, e.g. 'John Smith', or leave the property out");
    }
    int len = s.codePointCount(0, s.length());
    if (len > MAX_NAME) {
      throw invalid("name", "the value " + quote(s) + " is longer than " + MAX_NAME + " characters; a name"
          + " this long is probably text: store it in a text property (e.g. notes) instead");
    }
    return s;
  }

  /** TEXT: strip controls except newline and tab (CR and CRLF become newline), NFC, trim; ≤ 1,000,000 chars. */
  public static String text(String raw) {
    String s = nfc(stripControls(raw, true)).strip();
    if (s.isEmpty()) {
      throw invalid("text", "the value " + quote(raw) + " is empty once control characters and whitespace are"
          + " removed; leave the property out instead of storing an empty text");
    }
    if (s.length() > MAX_TEXT) {
      throw invalid("text", "the value " + quote(s) + " is longer than " + MAX_TEXT + " characters; store"
          + " large content as a document in the evidence store and reference it");
    }
    return s;
  }

  /** ADDRESS: strip controls, NFC, lines joined with ", ", whitespace collapsed; 1–1000 code points. */
  public static String address(String raw) {
    String s = nfc(stripControls(raw, true));
    List<String> parts = new ArrayList<>();
    for (String line : s.split("[\\n\\r\\u000B\\f\\u0085\\u2028\\u2029]+")) {
      String part = collapse(line);
      // a line's own trailing comma would double the separator we add; strip it (and leading ones)
      int b = 0;
      int e = part.length();
      while (b < e && (part.charAt(b) == ',' || part.charAt(b) == ' ')) {
        b++;
      }
      while (e > b && (part.charAt(e - 1) == ',' || part.charAt(e - 1) == ' ')) {
        e--;
      }
      if (b < e) {
        parts.add(part.substring(b, e));
      }
    }
    String out = String.join(", ", parts);
    if (out.isEmpty()) {
      throw invalid("address", "the value " + quote(raw) + " is empty once control characters, whitespace"
          + " and separators are removed; give the address, e.g. '10 Downing Street, London'");
    }
    if (out.codePointCount(0, out.length()) > MAX_ADDRESS) {
      throw invalid("address", "the value " + quote(out) + " is longer than " + MAX_ADDRESS + " characters;"
          + " an address this long is probably text: store it in a text property instead");
    }
    return out;
  }

  /**
   * Removes control characters (keeping whitespace controls such as tab and newline when {@code keepLines} or
   * turning them into spaces otherwise), unpaired surrogates and the invisible BOM / zero-width space. When
   * keeping lines, CR and CRLF become LF so text has one line-ending convention.
   */
  static String stripControls(String s, boolean keepLines) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.SURROGATE || cp == 0xFEFF || cp == 0x200B) {
        continue; // malformed UTF-16 or invisible noise: nothing a reader could see
      }
      if (cp == '\r') {
        if (i < s.length() && s.charAt(i) == '\n') {
          i++;
        }
        sb.append(keepLines ? '\n' : ' ');
      } else if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
        if (keepLines && (cp == '\n' || cp == '\t')) {
          sb.append((char) cp);
        } else if (keepLines && (Character.isWhitespace(cp) || cp == 0x85)) {
          sb.append('\n'); // vertical tab, form feed, NEL, line/paragraph separators: line breaks
        } else if (Character.isWhitespace(cp) || cp == 0x85) {
          sb.append(' ');
        }
        // any other control character is dropped
      } else {
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }

  static String nfc(String s) {
    return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  /** Collapses every run of (Unicode) whitespace to one ASCII space and trims. */
  static String collapse(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean pending = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isSpace(cp)) {
        pending = true;
      } else {
        if (pending && sb.length() > 0) {
          sb.append(' ');
        }
        pending = false;
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- date

  /** DATE: see {@link org.insight.core.PropertyType#DATE} and {@link org.insight.core.DateParser}. */
  public static String date(String raw) {
    return org.insight.core.DateParser.defaults().clean(raw);
  }

  // ---------------------------------------------------------------- phone

  /** PHONE: E.164, see {@link org.insight.core.PropertyType#PHONE}. */
  public static String phone(String raw) {
    String s = raw.strip();
    if (s.startsWith("+") || s.startsWith("00")) {
      // "+33 (0)1 …", "0044 (0)7911 …": the bracketed trunk zero is dialled only nationally, not part of E.164
      s = s.replace("(0)", "");
    }
    s = s.replaceAll("[\\s\\u00A0\\u202F().\\-\\u2010-\\u2015]", "");
    String digits;
    if (s.startsWith("+")) {
      digits = s.substring(1);
    } else if (s.startsWith("00")) {
      digits = s.substring(2);
    } else if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid("phone", "the number " + quote(raw) + " has no international prefix; give it with its"
          + " country code in E.164 form, e.g. +33 1 23 45 67 89 for a French number (national numbers are"
          + " parsed by insight-nlp, which knows the numbering plans)");
    } else {
      throw invalid("phone", "the value " + quote(raw) + " is not a phone number; give it in E.164 form: '+',"
          + " the country code and the number, e.g. +33123456789 (spaces, dashes, dots and brackets are"
          + " ignored)");
    }
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid("phone", "the number " + quote(raw) + " contains characters other than digits after the"
          + " prefix; give only digits, e.g. +33123456789 (extensions are not part of a phone number)");
    }
    if (digits.charAt(0) == '0') {
      throw invalid("phone", "the number " + quote(raw) + " has a country code starting with 0, which does"
          + " not exist; after '+' (or 00) comes the country code, e.g. +33 1 23 45 67 89 for France, not +01…");
    }
    if (digits.length() < 8 || digits.length() > 15) {
      throw invalid("phone", "the number " + quote(raw) + " has " + digits.length() + " digits; an"
          + " international (E.164) number has 8 to 15 digits including the country code");
    }
    return "+" + digits;
  }

  // ---------------------------------------------------------------- email

  private static final Pattern LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  /** EMAIL: see {@link org.insight.core.PropertyType#EMAIL}. */
  public static String email(String raw) {
    String s = raw.strip();
    if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
      s = s.substring(7);
    }
    int at = s.indexOf('@');
    if (at < 0 || s.indexOf('@', at + 1) >= 0) {
      throw invalid("email", "the value " + quote(raw) + " must contain exactly one '@'; give one address such"
          + " as name@example.org");
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    if (local.isEmpty() || local.length() > 64 || !LOCAL.matcher(local).matches()) {
      throw invalid("email", "the part before '@' in " + quote(raw) + " is empty, longer than 64 characters or"
          + " has characters e-mail addresses do not use (allowed: letters, digits, . ! # $ % & ' * + / = ? ^"
          + " _ ` { | } ~ -, no leading, trailing or double dot)");
    }
    if (domain.endsWith(".")) {
      domain = domain.substring(0, domain.length() - 1); // the DNS root dot is implied
    }
    String ascii;
    try {
      ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw invalid("email", "the domain in " + quote(raw) + " is not a valid (internationalised) domain name;"
          + " check it for spaces or symbols, e.g. name@example.org");
    }
    String[] labels = ascii.split("\\.", -1);
    boolean ok = labels.length >= 2 && ascii.length() <= 253;
    for (String l : labels) {
      ok &= LABEL.matcher(l).matches();
    }
    if (!ok) {
      throw invalid("email", "the domain in " + quote(raw) + " is not a domain name with a dot (like"
          + " example.org) made of letters, digits and inner hyphens; correct the domain");
    }
    return local + "@" + ascii;
  }

  // ---------------------------------------------------------------- url

  private static final Set<String> URL_SCHEMES = Set.of("http", "https", "ftp", "ftps");

  /** URL: see {@link org.insight.core.PropertyType#URL}. */
  public static String url(String raw) {
    String s = raw.strip();
    if (s.length() > 8192) {
      throw invalid("url", "the value " + quote(s) + " is longer than 8192 characters; store it as text");
    }
    URI u;
    try {
      u = new URI(s);
    } catch (URISyntaxException e) {
      throw invalid("url", "the value " + quote(raw) + " is not a well-formed URL (" + e.getReason()
          + " at index " + e.getIndex() + "); percent-encode spaces and special characters, e.g. %20");
    }
    String scheme = u.getScheme();
    if (scheme == null || u.isOpaque()) {
      throw invalid("url", "the value " + quote(raw) + " is not an absolute URL; give the full form with"
          + " scheme and host, e.g. https://example.org/page");
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (!URL_SCHEMES.contains(scheme)) {
      throw invalid("url", "the scheme '" + scheme + "' of " + quote(raw) + " is not accepted; use one of"
          + " http, https, ftp, ftps (.onion hosts are fine)");
    }
    String host = u.getHost();
    if (host == null || host.isEmpty()) {
      throw invalid("url", "the URL " + quote(raw) + " has no valid host (host names allow letters, digits,"
          + " '-' and '.'; write international names in punycode, xn--…); give e.g. https://example.org/");
    }
    StringBuilder sb = new StringBuilder(s.length()).append(scheme).append("://");
    if (u.getRawUserInfo() != null) {
      sb.append(u.getRawUserInfo()).append('@');
    }
    sb.append(host.toLowerCase(Locale.ROOT));
    if (u.getPort() != -1) {
      sb.append(':').append(u.getPort());
    }
    sb.append(u.getRawPath() == null ? "" : u.getRawPath());
    if (u.getRawQuery() != null) {
      sb.append('?').append(u.getRawQuery());
    }
    if (u.getRawFragment() != null) {
      sb.append('#').append(u.getRawFragment());
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- number

  private static final Pattern THOUSANDS_COMMA = Pattern.compile("[+-]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
  private static final Pattern THOUSANDS_SPACE =
      Pattern.compile("[+-]?\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+(?:\\.\\d+)?");
  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d{1,6})?");
  private static final int MAX_NUMBER_SCALE = 1000;

  /** NUMBER: see {@link org.insight.core.PropertyType#NUMBER}. */
  public static String number(String raw) {
    String s = raw.strip();
    if (s.length() > 1000) {
      throw invalid("number", "the value " + quote(s) + " is longer than 1000 characters; it is not a number"
          + " a person could read, store it as text");
    }
    String lower = s.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
    if (lower.equals("nan") || lower.startsWith("inf") || lower.equals("∞")) {
      throw invalid("number", "the value " + quote(raw) + " is not a finite number; leave the property out"
          + " when the amount is unknown");
    }
    if (THOUSANDS_COMMA.matcher(s).matches()) {
      s = s.replace(",", "");
    } else if (THOUSANDS_SPACE.matcher(s).matches()) {
      s = s.replaceAll("[ \\u00A0\\u202F]", "");
    }
    if (!PLAIN_NUMBER.matcher(s).matches()) {
      throw invalid("number", "the value " + quote(raw) + " is not a number; use digits with '.' as the"
          + " decimal separator, e.g. 1500.5 (',' is read only as a thousands separator, as in 1,500.50)");
    }
    BigDecimal n = new BigDecimal(s).stripTrailingZeros();
    if (n.signum() == 0) {
      return "0";
    }
    if (Math.abs(n.scale()) > MAX_NUMBER_SCALE) {
      throw invalid("number", "the value " + quote(raw) + " has a magnitude beyond 10^±" + MAX_NUMBER_SCALE
          + "; check the exponent");
    }
    return n.toPlainString();
  }

  // ---------------------------------------------------------------- geo point

  private static final Pattern GEO = Pattern.compile(
      "([+-]?\\d{1,3}(?:\\.\\d{1,20})?)\\s*(?:[,;]\\s*|\\s+)([+-]?\\d{1,3}(?:\\.\\d{1,20})?)");
  private static final BigDecimal LAT = BigDecimal.valueOf(90);
  private static final BigDecimal LON = BigDecimal.valueOf(180);

  /** GEO_POINT: see {@link org.insight.core.PropertyType#GEO_POINT}. */
  public static String geoPoint(String raw) {
    Matcher m = GEO.matcher(raw.strip());
    if (!m.matches()) {
      throw invalid("geo", "the value " + quote(raw) + " is not a point; give decimal degrees as"
          + " 'latitude,longitude' (also 'lat lon' or 'lat;lon'), e.g. 48.8566,2.3522");
    }
    BigDecimal lat = new BigDecimal(m.group(1));
    BigDecimal lon = new BigDecimal(m.group(2));
    if (lat.abs().compareTo(LAT) > 0) {
      throw invalid("geo", "the latitude " + m.group(1) + " in " + quote(raw) + " is outside -90..90; check"
          + " the order is latitude first, then longitude");
    }
    if (lon.abs().compareTo(LON) > 0) {
      throw invalid("geo", "the longitude " + m.group(2) + " in " + quote(raw) + " is outside -180..180;"
          + " correct the value");
    }
    return degrees(lat) + "," + degrees(lon);
  }

  // six decimals is about 0.1 m: more precision than any source has, fewer digits than floats print
  private static String degrees(BigDecimal d) {
    BigDecimal r = d.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return r.signum() == 0 ? "0" : r.toPlainString();
  }

  // ---------------------------------------------------------------- entity reference

  private static final Pattern ENTITY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  /** ENTITY: see {@link org.insight.core.PropertyType#ENTITY}. */
  public static String entity(String raw) {
    String s = raw.strip();
    if (!ENTITY_ID.matcher(s).matches()) {
      throw invalid("entity", "the value " + quote(raw) + " is not an entity id; an id is 1–128 characters of"
          + " a-z, 0-9, '.', '_', ':' or '-', starting with a letter or digit, e.g. ent-42");
    }
    return s.toLowerCase(Locale.ROOT);
  }
}
