package org.insight.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the audit chain: each entry's {@code hash} is then an HMAC-SHA256 under this key, so
 * someone who can write the log file but does not hold the key cannot forge, rewrite or re-chain an entry that
 * verifies. The deployment keeps the key outside the workspace (another volume, a secrets manager mounted at
 * start-up, a hardware token's export) and gives it to {@link AuditLog#open(Path, AuditKey)} and to the
 * verifier.
 *
 * <p>Key file format (one line, UTF-8; lines starting with {@code #} and blank lines are ignored):
 *
 * <pre>insight-audit-key hmac-sha256 &lt;base64 of 32 to 64 random bytes&gt;</pre>
 *
 * {@link #generate()} and {@link #write(Path)} make one. A key shorter than 32 bytes, or with fewer than 16
 * distinct byte values (a typed password, a repeated pattern), is refused: it is not random.
 *
 * <p>Its {@link #id()} is public (written in every keyed entry): it names the key without revealing it.
 */
public final class AuditKey {

  /** The fewest bytes a key may have. */
  public static final int MIN_BYTES = 32;
  /** The most bytes a key may have. */
  public static final int MAX_BYTES = 64;
  private static final String HEADER = "insight-audit-key hmac-sha256 ";

  private final byte[] secret;
  private final String id;

  private AuditKey(byte[] secret) {
    this.secret = secret;
    this.id = HexFormat.of().formatHex(hmac("insight-audit-key-id".getBytes(StandardCharsets.UTF_8)), 0, 8);
  }

  /**
   * A key from raw bytes.
   *
   * @param bytes 32 to 64 random bytes (copied)
   * @return the key
   * @throws AuditException when the bytes are too few, too many or not random-looking
   */
  public static AuditKey of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
      throw new AuditException("an audit key must have " + MIN_BYTES + " to " + MAX_BYTES + " random bytes but"
          + " this one has " + bytes.length + "; make one with 'insight audit keygen --out FILE'");
    }
    long distinct = 0;
    boolean[] seen = new boolean[256];
    for (byte b : bytes) {
      if (!seen[b & 0xff]) {
        seen[b & 0xff] = true;
        distinct++;
      }
    }
    if (distinct < 16) {
      throw new AuditException("this audit key is not random: its " + bytes.length + " bytes have only "
          + distinct + " distinct values (random bytes have about " + (bytes.length - 1) + "); make one with"
          + " 'insight audit keygen --out FILE'");
    }
    return new AuditKey(bytes.clone());
  }

  /**
   * A new random key of 32 bytes.
   *
   * @return the key
   */
  public static AuditKey generate() {
    byte[] bytes = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(bytes);
    return of(bytes);
  }

  /**
   * Reads a key file (format above).
   *
   * @param file the key file
   * @return the key
   * @throws AuditException when the file is missing, unreadable, not a key file, or holds a weak key
   */
  public static AuditKey read(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new AuditException("there is no audit key file at " + file + "; check the path", e);
    } catch (IOException e) {
      throw new AuditException("cannot read the audit key file " + file + ": " + e, e);
    }
    String keyLine = null;
    for (String line : text.split("\n", -1)) {
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      if (keyLine != null) {
        throw new AuditException("the audit key file " + file + " holds more than one key line; keep one");
      }
      keyLine = s;
    }
    if (keyLine == null || !keyLine.startsWith(HEADER)) {
      throw new AuditException("the file " + file + " is not an audit key file: expected one line '"
          + HEADER + "<base64 of 32 to 64 random bytes>'; make one with 'insight audit keygen --out FILE'");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(keyLine.substring(HEADER.length()).strip());
    } catch (IllegalArgumentException e) {
      throw new AuditException("the audit key in " + file + " is not valid base64", e);
    }
    try {
      return of(bytes);
    } catch (AuditException e) {
      throw new AuditException("the audit key in " + file + " is refused: " + e.getMessage(), e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Writes the key to a new file readable by its owner only (where the file system has POSIX permissions).
   *
   * @param file a file that does not exist yet
   * @throws AuditException when the file exists or cannot be written
   */
  public void write(Path file) {
    Objects.requireNonNull(file, "file");
    String text = "# the key of an INSIGHT audit chain (HMAC-SHA256). Keep it off the host that holds the workspace.\n"
        + HEADER + Base64.getEncoder().encodeToString(secret) + "\n";
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the deployment protects the file by other means
      }
    } catch (FileAlreadyExistsException e) {
      throw new AuditException("refusing to overwrite " + file + ": it exists (a key in use must not be lost)", e);
    } catch (IOException e) {
      throw new AuditException("cannot write the audit key to " + file + ": " + e, e);
    }
  }

  /**
   * The key's public name: 16 hex digits derived from it, recorded in every keyed entry.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The HMAC-SHA256 of {@code bytes} under this key.
   *
   * @param bytes the message
   * @return 32 bytes
   */
  byte[] hmac(byte[] bytes) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(bytes);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("this Java runtime has no HmacSHA256, which the Java specification requires", e);
    }
  }

  /**
   * The HMAC-SHA256 of the UTF-8 bytes of {@code text} under this key, in lowercase hex.
   *
   * @param text the message
   * @return 64 hex digits
   */
  public String hmacHex(String text) {
    return HexFormat.of().formatHex(hmac(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Compares in constant time: whether two hex MACs are equal. */
  static boolean sameMac(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditKey k && MessageDigest.isEqual(secret, k.secret);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** Names the key by its id; never shows the secret. */
  @Override
  public String toString() {
    return "AuditKey[id=" + id + "]";
  }
}
