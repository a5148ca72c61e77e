package org.insight.workspace;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * How {@link Cases#exportPackage} writes a case package (docs/collaboration.md, "Sharing packages").
 *
 * @param signingKey the Ed25519 private key that signs the manifest: the caller's, kept outside the workspace (the
 *     key {@code insight audit keygen --signing} writes does); a receiver verifies with the public half it trusts
 * @param publicKey its public half, whose fingerprint the manifest names
 * @param bytes whether the documents' original bytes go in the package too (else only their SHA-256)
 * @param origin the name of the exporting workspace or agency, recorded as the originator of everything imported
 */
public record PackageOptions(PrivateKey signingKey, PublicKey publicKey, boolean bytes, String origin) {
  /** Validates. */
  public PackageOptions {
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(publicKey, "publicKey");
    if (!"Ed25519".equals(signingKey.getAlgorithm()) && !"EdDSA".equals(signingKey.getAlgorithm())) {
      throw new IllegalArgumentException("a package is signed with an Ed25519 key, got a " + signingKey.getAlgorithm()
          + " key; make one with insight audit keygen --signing FILE --public FILE");
    }
    if (origin == null || origin.isBlank()) {
      throw new IllegalArgumentException("a package names its origin (the exporting workspace or agency)");
    }
  }

  /** Signed with {@code key} (whose public half is {@code pub}), without bytes, from {@code origin}. */
  public static PackageOptions signedWith(PrivateKey key, PublicKey pub, String origin) {
    return new PackageOptions(key, pub, false, origin);
  }

  /** The same options with the documents' original bytes included. */
  public PackageOptions includingBytes() {
    return new PackageOptions(signingKey, publicKey, true, origin);
  }
}
