package org.insight.nlp.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.insight.Hashing;

/** Check-digit and checksum algorithms used to validate selectors. Static, thread-safe, allocation-light. */
public final class Checksums {
  private Checksums() {}

  /** Luhn (mod 10) over a string of ASCII digits. */
  public static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return digits.length() > 1 && sum % 10 == 0;
  }

  /** The Luhn check digit to append to {@code payload}. */
  public static int luhnCheckDigit(CharSequence payload) {
    for (int c = 0; c < 10; c++) {
      if (luhn(payload.toString() + c)) {
        return c;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** ISO 13616 / ISO 7064 MOD 97-10 over a compact uppercase IBAN: true when the remainder is 1. */
  public static boolean ibanMod97(CharSequence iban) {
    if (iban.length() < 5) {
      return false;
    }
    int rem = 0;
    int n = iban.length();
    for (int k = 0; k < n; k++) {
      char c = iban.charAt((k + 4) % n);
      if (c >= '0' && c <= '9') {
        rem = (rem * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        int v = c - 'A' + 10;
        rem = (rem * 100 + v) % 97;
      } else {
        return false;
      }
    }
    return rem == 1;
  }

  /** ICAO 9303 check digit (weights 7, 3, 1; {@code <} = 0, A = 10 … Z = 35), or -1 on an invalid char. */
  public static int mrzCheckDigit(CharSequence s) {
    int[] w = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (c >= 'A' && c <= 'Z') {
        v = c - 'A' + 10;
      } else if (c == '<') {
        v = 0;
      } else {
        return -1;
      }
      sum += v * w[i % 3];
    }
    return sum % 10;
  }

  /** True when {@code check} is the ICAO 9303 check digit of {@code field}. */
  public static boolean mrzValid(CharSequence field, char check) {
    int d = mrzCheckDigit(field);
    return d >= 0 && check == (char) ('0' + d);
  }

  private static final int[] VIN_WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  /** The ISO 3779 / North American check character (position 9) of an uppercase 17-char VIN, or '?' if invalid. */
  public static char vinCheckChar(CharSequence vin) {
    if (vin.length() != 17) {
      return '?';
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = vinValue(vin.charAt(i));
      if (v < 0) {
        return '?';
      }
      sum += v * VIN_WEIGHTS[i];
    }
    int r = sum % 11;
    return r == 10 ? 'X' : (char) ('0' + r);
  }

  private static int vinValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    switch (c) {
      case 'A': case 'J': return 1;
      case 'B': case 'K': case 'S': return 2;
      case 'C': case 'L': case 'T': return 3;
      case 'D': case 'M': case 'U': return 4;
      case 'E': case 'N': case 'V': return 5;
      case 'F': case 'W': return 6;
      case 'G': case 'P': case 'X': return 7;
      case 'H': case 'Y': return 8;
      case 'R': case 'Z': return 9;
      default: return -1; // I, O, Q and anything else
    }
  }

  private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  /**
   * Decodes a base58check string and verifies its double-SHA-256 checksum.
   *
   * @return the payload (version byte included, checksum removed), or null when invalid
   */
  public static byte[] base58check(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return null;
    }
    BigInteger n = BigInteger.ZERO;
    BigInteger b58 = BigInteger.valueOf(58);
    int zeros = 0;
    boolean leading = true;
    for (int i = 0; i < s.length(); i++) {
      int v = B58.indexOf(s.charAt(i));
      if (v < 0) {
        return null;
      }
      if (leading && v == 0) {
        zeros++;
      } else {
        leading = false;
      }
      n = n.multiply(b58).add(BigInteger.valueOf(v));
    }
    byte[] raw = n.signum() == 0 ? new byte[0] : n.toByteArray();
    if (raw.length > 0 && raw[0] == 0) {
      raw = Arrays.copyOfRange(raw, 1, raw.length);
    }
    byte[] full = new byte[zeros + raw.length];
    System.arraycopy(raw, 0, full, zeros, raw.length);
    if (full.length < 5) {
      return null;
    }
    byte[] payload = Arrays.copyOf(full, full.length - 4);
    byte[] hash = sha256(sha256(payload));
    for (int i = 0; i < 4; i++) {
      if (hash[i] != full[payload.length + i]) {
        return null;
      }
    }
    return payload;
  }

  /** SHA-256 of {@code data}. */
  public static byte[] sha256(byte[] data) {
    return Hashing.sha256(data);
  }

  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32_CONST = 1;
  private static final int BECH32M_CONST = 0x2bc830a3;

  private static int polymod(int[] values) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int v : values) {
      int b = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (int i = 0; i < 5; i++) {
        if (((b >>> i) & 1) != 0) {
          chk ^= gen[i];
        }
      }
    }
    return chk;
  }

  /**
   * Validates a segwit address for human-readable part {@code hrp} per BIP-173 (witness v0, bech32) and BIP-350
   * (v1+, bech32m), program lengths included.
   *
   * @return {@code "bech32"} or {@code "bech32m"} plus the witness version ({@code "bech32:v0"}), or null
   */
  public static String segwit(String addr, String hrp) {
    if (addr.length() < 14 || addr.length() > 90) {
      return null;
    }
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < addr.length(); i++) {
      char c = addr.charAt(i);
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      }
    }
    if (lower && upper) {
      return null; // BIP-173: mixed case is invalid
    }
    String a = addr.toLowerCase(java.util.Locale.ROOT);
    int sep = a.lastIndexOf('1');
    if (sep != hrp.length() || !a.startsWith(hrp) || a.length() - sep - 1 < 6) {
      return null;
    }
    int dataLen = a.length() - sep - 1;
    int[] values = new int[hrp.length() * 2 + 1 + dataLen];
    int k = 0;
    for (int i = 0; i < hrp.length(); i++) {
      values[k++] = hrp.charAt(i) >> 5;
    }
    values[k++] = 0;
    for (int i = 0; i < hrp.length(); i++) {
      values[k++] = hrp.charAt(i) & 31;
    }
    int[] data = new int[dataLen];
    for (int i = 0; i < dataLen; i++) {
      int v = BECH32.indexOf(a.charAt(sep + 1 + i));
      if (v < 0) {
        return null;
      }
      data[i] = v;
      values[k++] = v;
    }
    int pm = polymod(values);
    int witver = data[0];
    if (witver > 16) {
      return null;
    }
    int expected = witver == 0 ? BECH32_CONST : BECH32M_CONST;
    if (pm != expected) {
      return null;
    }
    // 5-bit groups to bytes, excluding the version and the 6-char checksum
    int acc = 0;
    int bits = 0;
    int bytes = 0;
    for (int i = 1; i < dataLen - 6; i++) {
      acc = (acc << 5) | data[i];
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        bytes++;
      }
    }
    if (bits >= 5 || (acc & ((1 << bits) - 1)) != 0) {
      return null; // non-zero padding or too much padding
    }
    if (bytes < 2 || bytes > 40 || witver == 0 && bytes != 20 && bytes != 32) {
      return null;
    }
    return (witver == 0 ? "bech32" : "bech32m") + ":v" + witver;
  }

  /** EIP-55: true when the mixed-case hex of {@code hex40} (40 hex chars, no 0x) matches its Keccak-256 checksum. */
  public static boolean eip55(String hex40) {
    String lower = hex40.toLowerCase(java.util.Locale.ROOT);
    byte[] h = Keccak.keccak256(lower.getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 40; i++) {
      char c = hex40.charAt(i);
      if (Character.isLetter(c)) {
        int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
        boolean upper = nibble >= 8;
        if (upper != Character.isUpperCase(c)) {
          return false;
        }
      }
    }
    return true;
  }
}
