package org.insight.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys for signing {@link AuditCheckpoint}s, in the standard PEM files: the private key as PKCS#8
 * ({@code -----BEGIN PRIVATE KEY-----}), the public key as X.509 SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC
 * KEY-----}), the forms {@code openssl genpkey -algorithm ed25519} writes. The private key stays with whoever
 * takes checkpoints (not on the workspace host); auditors get the public key, which checks but cannot sign.
 */
public final class CheckpointKeys {

  private CheckpointKeys() {}

  /**
   * Makes a new key pair and writes it to two new files (the private one readable by its owner only).
   *
   * @param privateFile where the private key goes; must not exist
   * @param publicFile where the public key goes; must not exist
   * @throws AuditException when a file exists or cannot be written
   */
  public static void generate(Path privateFile, Path publicFile) {
    KeyPair pair;
    try {
      pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime has no Ed25519 (Java 15 and later have it)", e);
    }
    write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
    write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
  }

  /**
   * Reads an Ed25519 private key from a PKCS#8 PEM file.
   *
   * @param file the file
   * @return the key
   * @throws AuditException when it is missing or not an Ed25519 private key
   */
  public static PrivateKey readPrivate(Path file) {
    byte[] der = der(file, "PRIVATE KEY");
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new AuditException(file + " is not an Ed25519 private key: " + e.getMessage(), e);
    }
  }

  /**
   * Reads an Ed25519 public key from an X.509 PEM file.
   *
   * @param file the file
   * @return the key
   * @throws AuditException when it is missing or not an Ed25519 public key
   */
  public static PublicKey readPublic(Path file) {
    byte[] der = der(file, "PUBLIC KEY");
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new AuditException(file + " is not an Ed25519 public key: " + e.getMessage(), e);
    }
  }

  private static byte[] der(Path file, String type) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new AuditException("there is no key file at " + file + "; check the path", e);
    } catch (IOException e) {
      throw new AuditException("cannot read the key file " + file + ": " + e, e);
    }
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b < 0 || e < b) {
      throw new AuditException(file + " is not a PEM " + type.toLowerCase(java.util.Locale.ROOT) + " file: expected '"
          + begin + "'; make one with 'insight audit keygen --signing FILE --public FILE'");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    } catch (IllegalArgumentException ex) {
      throw new AuditException(file + " holds invalid base64 between its PEM lines", ex);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static void write(Path file, String text, boolean secret) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      if (secret) {
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the deployment protects the file by other means
        }
      }
    } catch (FileAlreadyExistsException e) {
      throw new AuditException("refusing to overwrite " + file + ": it exists", e);
    } catch (IOException e) {
      throw new AuditException("cannot write the key to " + file + ": " + e, e);
    }
  }
}
