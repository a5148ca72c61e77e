package org.insight;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, set up once for every module: content hashes, the audit chain, and content-derived ids. Hex is
 * lowercase. Ids hash several parts in one of two framings; each is kept because ids already stored depend on it,
 * so neither may change: {@link #ofParts} (length-prefixed: statements, documents, mentions) and
 * {@link #ofTerminatedParts} (each part followed by a NUL: resolution links, events and runs).
 */
public final class Hashing {
  private static final HexFormat HEX = HexFormat.of();

  private Hashing() {}

  /** A fresh SHA-256 digest (the Java specification requires every runtime to have one). */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no SHA-256, which the Java specification requires", e);
    }
  }

  /** The SHA-256 of {@code bytes}. */
  public static byte[] sha256(byte[] bytes) {
    return sha256().digest(bytes);
  }

  /** The SHA-256 of {@code bytes}, in hex. */
  public static String sha256Hex(byte[] bytes) {
    return HEX.formatHex(sha256(bytes));
  }

  /** The SHA-256 of {@code length} bytes of {@code bytes} from {@code offset}, in hex. */
  public static String sha256Hex(byte[] bytes, int offset, int length) {
    MessageDigest md = sha256();
    md.update(bytes, offset, length);
    return HEX.formatHex(md.digest());
  }

  /** The SHA-256 of the UTF-8 bytes of {@code text}, in hex. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of what is left of {@code in}, in hex; the stream is read to its end, not closed. */
  public static String sha256Hex(InputStream in) throws IOException {
    MessageDigest md = sha256();
    byte[] buf = new byte[64 * 1024];
    for (int n; (n = in.read(buf)) > 0; ) {
      md.update(buf, 0, n);
    }
    return HEX.formatHex(md.digest());
  }

  /** A finished digest in hex. */
  public static String hex(MessageDigest digest) {
    return HEX.formatHex(digest.digest());
  }

  /**
   * The SHA-256 in hex of {@code parts}, each as its UTF-8 length, a colon and its UTF-8 bytes, so that
   * ("ab", "c") and ("a", "bc") differ; a null part counts as empty.
   */
  public static String ofParts(String... parts) {
    MessageDigest md = sha256();
    for (String part : parts) {
      byte[] b = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
      md.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
      md.update((byte) ':');
      md.update(b);
    }
    return HEX.formatHex(md.digest());
  }

  /**
   * The SHA-256 in hex of {@code parts}, each as its UTF-8 bytes followed by a NUL: unambiguous for parts without a
   * NUL (ids and generated names).
   */
  public static String ofTerminatedParts(String... parts) {
    MessageDigest md = sha256();
    for (String part : parts) {
      md.update(part.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
    }
    return HEX.formatHex(md.digest());
  }
}
