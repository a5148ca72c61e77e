package org.insight.core.internal;

import static org.insight.Messages.quote;
import static org.insight.core.internal.Problems.invalid;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.insight.Messages;
import org.insight.core.SchemaException;

/**
 * Identifier cleaning, generic and per scheme. The generic rule: uppercase, separators (spaces, dashes, dots,
 * slashes) removed, 1–64 ASCII letters and digits left. Schemes add length, charset and check-digit rules.
 */
public final class Identifiers {
  private Identifiers() {}

  /** The scheme used when none is given. */
  public static final String GENERIC = "generic";

  private static final Map<String, BiFunction<String, String, String>> SCHEMES = new LinkedHashMap<>();

  static {
    SCHEMES.put(GENERIC, (raw, s) -> s);
    SCHEMES.put("iban", Identifiers::iban);
    SCHEMES.put("bic", Identifiers::bic);
    SCHEMES.put("lei", Identifiers::lei);
    SCHEMES.put("imei", Identifiers::imei);
    SCHEMES.put("imo", Identifiers::imo);
    SCHEMES.put("vin", Identifiers::vin);
    SCHEMES.put("passport", (raw, s) -> length(raw, s, "passport", 4, 20, "a passport number"));
    SCHEMES.put("national-id", (raw, s) -> length(raw, s, "national-id", 2, 32, "a national id number"));
    // these two see the value with its case kept (see clean): hashes are lowercase, crypto addresses
    // (base58) are case-sensitive, and both are longer than 64
    SCHEMES.put("sha256", Identifiers::sha256);
    SCHEMES.put("crypto", Identifiers::crypto);
  }

  /**
   * The known scheme names, in documentation order.
   *
   * @return scheme names, {@code generic} first
   */
  public static java.util.Set<String> schemes() {
    return java.util.Collections.unmodifiableSet(SCHEMES.keySet());
  }

  /**
   * Resolves a scheme name: null or blank means generic; names are case-insensitive.
   *
   * @throws SchemaException for an unknown scheme, listing the known ones
   */
  public static String scheme(String scheme) {
    if (scheme == null || scheme.isBlank()) {
      return GENERIC;
    }
    String key = scheme.strip().toLowerCase(Locale.ROOT);
    if (!SCHEMES.containsKey(key)) {
      throw new SchemaException("unknown identifier scheme '" + scheme + "'; "
          + Messages.available(key, SCHEMES.keySet())
          + " (use generic, or no scheme, for identifiers without a known format)");
    }
    return key;
  }

  /** Cleans an identifier under a scheme (see {@link #scheme(String)}). */
  public static String clean(String raw, String scheme) {
    String key = scheme(scheme);
    String s = stripped(raw, key);
    if (!key.equals("sha256") && !key.equals("crypto")) {
      if (s.length() > 64) {
        throw invalid(where(key), "the value " + quote(raw) + " has " + s.length() + " letters and digits"
            + " once separators are removed; an identifier has 1 to 64");
      }
      s = s.toUpperCase(Locale.ROOT);
    }
    return SCHEMES.get(key).apply(raw, s);
  }

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u202F\\-\\u2010-\\u2015./\\\\]+");

  private static String where(String scheme) {
    return GENERIC.equals(scheme) ? "identifier" : "identifier(" + scheme + ")";
  }

  /** Separators removed, only ASCII letters and digits allowed, case kept; not empty. */
  private static String stripped(String raw, String scheme) {
    String s = SEPARATORS.matcher(raw).replaceAll("");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // checked before uppercasing: toUpperCase maps some non-ASCII letters (dotless ı, long ſ) to ASCII
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        throw invalid(where(scheme), "the value " + quote(raw) + " contains " + quote(String.valueOf(c))
            + "; an identifier keeps only ASCII letters and digits (spaces, dashes, dots and slashes are"
            + " removed), so transliterate or drop other characters");
      }
    }
    if (s.isEmpty()) {
      throw invalid(where(scheme), "the value " + quote(raw) + " has no letters or digits once separators are"
          + " removed; leave the property out instead");
    }
    return s;
  }

  static String sha256(String raw, String s) {
    String h = s.toLowerCase(Locale.ROOT);
    if (h.length() != 64 || !h.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw invalid("identifier(sha256)", "the value " + quote(raw) + " is not a SHA-256 hash: 64 hexadecimal"
          + " digits");
    }
    return h;
  }

  /** Case kept: base58 addresses (Bitcoin legacy, Tron…) are case-sensitive. */
  static String crypto(String raw, String s) {
    if (s.length() < 20 || s.length() > 128) {
      throw invalid("identifier(crypto)", "the value " + quote(raw) + " has " + s.length() + " letters and"
          + " digits; a cryptocurrency address or public key has 20 to 128 (case is kept)");
    }
    return s;
  }

  private static String length(String raw, String s, String scheme, int min, int max, String what) {
    if (s.length() < min || s.length() > max) {
      throw invalid(where(scheme), "the value " + quote(raw) + " has " + s.length() + " letters and digits; "
          + what + " has " + min + " to " + max + "; check the value or use the generic scheme");
    }
    return s;
  }

  private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

  static String iban(String raw, String s) {
    if (s.startsWith("IBAN") && s.length() > 4 && Character.isLetter(s.charAt(4))) {
      s = s.substring(4); // "IBAN DE89 …" as printed on statements; no country code starts with IB
    }
    if (!IBAN.matcher(s).matches()) {
      throw invalid("identifier(iban)", "the value " + quote(raw) + " is not shaped like an IBAN: two letters"
          + " (country), two check digits, then 11 to 30 letters or digits, e.g. DE89 3704 0044 0532 0130 00");
    }
    if (mod97(s.substring(4) + s.substring(0, 4)) != 1) {
      throw invalid("identifier(iban)", "the IBAN " + quote(raw) + " fails its mod-97 check: a character is"
          + " mistyped or swapped; check it against the source");
    }
    return s;
  }

  private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?");

  static String bic(String raw, String s) {
    if (!BIC.matcher(s).matches()) {
      throw invalid("identifier(bic)", "the value " + quote(raw) + " is not a BIC: 8 or 11 characters, four"
          + " letters (bank), two letters (country), two letters or digits (location), optionally three more"
          + " (branch), e.g. DEUTDEFF or DEUTDEFF500");
    }
    return s;
  }

  private static final Pattern LEI = Pattern.compile("[A-Z0-9]{18}[0-9]{2}");

  static String lei(String raw, String s) {
    if (!LEI.matcher(s).matches() || mod97(s) != 1) {
      throw invalid("identifier(lei)", "the value " + quote(raw) + " is not a valid LEI: 20 characters (18"
          + " letters or digits and two check digits) passing the ISO 17442 mod-97 check; check it against"
          + " the GLEIF record");
    }
    return s;
  }

  static String imei(String raw, String s) {
    if (s.length() != 15 || !digits(s)) {
      throw invalid("identifier(imei)", "the value " + quote(raw) + " is not an IMEI: 15 digits (14 plus a"
          + " Luhn check digit); for a 14-digit IMEI without check digit or a 16-digit IMEISV, use generic");
    }
    if (!luhn(s)) {
      throw invalid("identifier(imei)", "the IMEI " + quote(raw) + " fails its Luhn check digit: a digit is"
          + " mistyped; check it against the source");
    }
    return s;
  }

  static String imo(String raw, String s) {
    String d = s.startsWith("IMO") ? s.substring(3) : s;
    if (d.length() != 7 || !digits(d)) {
      throw invalid("identifier(imo)", "the value " + quote(raw) + " is not an IMO ship number: 'IMO' and 7"
          + " digits, e.g. IMO 9074729");
    }
    int sum = 0;
    for (int i = 0; i < 6; i++) {
      sum += (d.charAt(i) - '0') * (7 - i);
    }
    if (sum % 10 != d.charAt(6) - '0') {
      throw invalid("identifier(imo)", "the IMO number " + quote(raw) + " fails its check digit: a digit is"
          + " mistyped; check it against the source");
    }
    return "IMO" + d;
  }

  private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");

  /**
   * Charset and length only: the position-9 check digit is mandatory in North America but not elsewhere
   * (European VINs often have a letter or an unrelated digit there), so enforcing it would reject real VINs.
   */
  static String vin(String raw, String s) {
    if (!VIN.matcher(s).matches()) {
      throw invalid("identifier(vin)", "the value " + quote(raw) + " is not a VIN: 17 letters or digits"
          + " without I, O or Q (they are never used, to avoid confusion with 1 and 0)");
    }
    return s;
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** ISO 7064 MOD 97-10 over digits and letters (A=10 … Z=35), computed piecewise: no BigInteger needed. */
  static int mod97(String s) {
    int r = 0;
    for (int i = 0; i < s.length(); i++) {
      int v = Character.digit(s.charAt(i), 36);
      r = v < 10 ? (r * 10 + v) % 97 : (r * 100 + v) % 97;
    }
    return r;
  }

  static boolean luhn(String s) {
    int sum = 0;
    for (int i = 0; i < s.length(); i++) {
      int d = s.charAt(s.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
