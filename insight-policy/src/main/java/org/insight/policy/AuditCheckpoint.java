package org.insight.policy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.insight.policy.internal.AuditJson;

/**
 * The state of an {@link AuditLog} at one moment: how many entries it had and the hash of the last one.
 *
 * <p>Export it (its {@link #toString()} form is one line of text) and keep it somewhere the log's writer
 * cannot change; {@link AuditLog#verify(java.nio.file.Path, AuditCheckpoint)} later proves that the log
 * still holds that exact history, so a truncation or a rollback to an older copy is caught.
 *
 * <p>A checkpoint can be signed with an Ed25519 private key ({@link #signedWith}, keys from {@link
 * CheckpointKeys}): an auditor who holds only the public key can then check that the checkpoint is genuine
 * ({@link #signatureValid}) but cannot make one. Its text form is then {@code insight-audit-checkpoint entries=N
 * head=H signature=ed25519:<base64>}; the signature covers {@code insight-audit-checkpoint entries=N head=H}.
 *
 * @param entries the number of entries (the sequence number of the last one); 0 for an empty log
 * @param headHash the lowercase hex hash (or MAC, in a keyed log) of the last entry; 64 zeros for an empty log
 * @param signature the base64 Ed25519 signature of the unsigned text form, or null when not signed
 */
public record AuditCheckpoint(long entries, String headHash, String signature) {

  private static final String PREFIX = "insight-audit-checkpoint";
  private static final Pattern FORM =
      Pattern.compile("insight-audit-checkpoint entries=(\\d{1,19}) head=([0-9a-fA-F]{64})"
          + "(?: signature=ed25519:([A-Za-z0-9+/=]{1,200}))?");

  /**
   * An unsigned checkpoint.
   *
   * @param entries the number of entries
   * @param headHash the hash of the last entry
   */
  public AuditCheckpoint(long entries, String headHash) {
    this(entries, headHash, null);
  }

  /**
   * Validates and normalises the hash to lowercase.
   *
   * @param entries the number of entries
   * @param headHash the hash of the last entry
   * @param signature the signature, or null
   * @throws AuditException when entries is negative, the hash is not 64 hex digits, or an empty log's
   *     head is not 64 zeros
   */
  public AuditCheckpoint {
    if (entries < 0) {
      throw new AuditException(
          "checkpoint entries must be 0 or more but was " + entries);
    }
    if (headHash == null || !AuditJson.isHash(headHash.toLowerCase(Locale.ROOT))) {
      throw new AuditException(
          "checkpoint head must be 64 hex digits (a SHA-256) but was '" + headHash + "'");
    }
    headHash = headHash.toLowerCase(Locale.ROOT);
    if (entries == 0 && !headHash.equals(AuditJson.ZERO_HASH)) {
      throw new AuditException(
          "a checkpoint of an empty log must have a head of 64 zeros but was " + headHash);
    }
  }

  /**
   * Reads the text form written by {@link #toString()}.
   *
   * @param text for example {@code insight-audit-checkpoint entries=12 head=9f86d0...}
   * @return the checkpoint
   * @throws AuditException when the text is not a checkpoint
   */
  public static AuditCheckpoint parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    Matcher m = FORM.matcher(trimmed);
    if (!m.matches()) {
      String shown = trimmed.length() > 120 ? trimmed.substring(0, 120) + "..." : trimmed;
      throw new AuditException(
          "not an audit checkpoint: '" + shown + "'; expected '" + PREFIX
              + " entries=<count> head=<64 hex digits>' as written by AuditLog.checkpoint()");
    }
    long entries;
    try {
      entries = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new AuditException("audit checkpoint entry count is too large: " + m.group(1), e);
    }
    return new AuditCheckpoint(entries, m.group(2), m.group(3));
  }

  /**
   * Whether it carries a signature (checked or not).
   *
   * @return true when signed
   */
  public boolean signed() {
    return signature != null;
  }

  /**
   * This checkpoint signed with an Ed25519 private key.
   *
   * @param privateKey an Ed25519 private key, see {@link CheckpointKeys}
   * @return the signed checkpoint
   * @throws AuditException when the key is not an Ed25519 private key
   */
  public AuditCheckpoint signedWith(PrivateKey privateKey) {
    try {
      Signature sig = Signature.getInstance("Ed25519");
      sig.initSign(privateKey);
      sig.update(unsignedText().getBytes(StandardCharsets.UTF_8));
      return new AuditCheckpoint(entries, headHash, Base64.getEncoder().encodeToString(sig.sign()));
    } catch (GeneralSecurityException e) {
      throw new AuditException("cannot sign the checkpoint: " + e.getMessage()
          + "; give an Ed25519 private key (insight audit keygen --signing)", e);
    }
  }

  /**
   * Whether the signature is valid for this checkpoint under {@code publicKey}; false when unsigned.
   *
   * @param publicKey the Ed25519 public key matching the signing key
   * @return true only for a genuine signed checkpoint
   */
  public boolean signatureValid(PublicKey publicKey) {
    if (signature == null) {
      return false;
    }
    try {
      Signature sig = Signature.getInstance("Ed25519");
      sig.initVerify(publicKey);
      sig.update(unsignedText().getBytes(StandardCharsets.UTF_8));
      return sig.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private String unsignedText() {
    return PREFIX + " entries=" + entries + " head=" + headHash;
  }

  /**
   * Returns {@code insight-audit-checkpoint entries=<n> head=<hex>} (and {@code signature=ed25519:<base64>} when
   * signed), the form {@link #parse} reads.
   */
  @Override
  public String toString() {
    return signature == null ? unsignedText() : unsignedText() + " signature=ed25519:" + signature;
  }
}
