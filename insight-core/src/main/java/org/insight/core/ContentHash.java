package org.insight.core;

import java.util.Locale;
import org.insight.Hashing;
import org.insight.Messages;
import org.insight.core.internal.Problems;

/**
 * The SHA-256 of some bytes, as 64 lowercase hex digits: the address of evidence in an {@link EvidenceStore}
 * and the content hash recorded in provenance.
 *
 * @param hex 64 lowercase hexadecimal digits
 */
public record ContentHash(String hex) {
  /**
   * Checks the canonical form (64 lowercase hex digits); use {@link #parse(String)} for lenient input.
   *
   * @throws InvalidDataException if {@code hex} is not 64 lowercase hex digits
   */
  public ContentHash {
    if (hex == null || !canonical(hex)) {
      throw Problems.invalid("contentHash", "the value " + Messages.quote(hex) + " is not a SHA-256 hash;"
          + " give 64 lowercase hexadecimal digits (use ContentHash.parse for other spellings)");
    }
  }

  private static boolean canonical(String hex) {
    if (hex.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Hashes bytes.
   *
   * @param bytes the content
   * @return its SHA-256
   */
  public static ContentHash of(byte[] bytes) {
    return new ContentHash(Hashing.sha256Hex(bytes));
  }

  /**
   * Parses a hash written by a person or another tool: surrounding whitespace, uppercase digits and a
   * {@code sha256:} prefix are accepted.
   *
   * @param text the hash
   * @return the hash
   * @throws InvalidDataException if the text is not a SHA-256 hash
   */
  public static ContentHash parse(String text) {
    if (text == null) {
      throw Problems.invalid("contentHash", "the hash is null; give 64 hexadecimal digits");
    }
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("sha256:") || s.startsWith("sha-256:")) {
      s = s.substring(s.indexOf(':') + 1).strip();
    }
    if (!canonical(s)) {
      throw Problems.invalid("contentHash", "the value " + Messages.quote(text) + " is not a SHA-256 hash;"
          + " give 64 hexadecimal digits, optionally prefixed with 'sha256:'");
    }
    return new ContentHash(s);
  }

  @Override
  public String toString() {
    return hex;
  }
}
