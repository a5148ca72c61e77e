package org.insight.policy;

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
 * @param entries the number of entries (the sequence number of the last one); 0 for an empty log
 * @param headHash the lowercase hex SHA-256 of the last entry; 64 zeros for an empty log
 */
public record AuditCheckpoint(long entries, String headHash) {

  private static final String PREFIX = "insight-audit-checkpoint";
  private static final Pattern FORM =
      Pattern.compile("insight-audit-checkpoint entries=(\\d{1,19}) head=([0-9a-fA-F]{64})");

  /**
   * Validates and normalises the hash to lowercase.
   *
   * @param entries the number of entries
   * @param headHash the hash of the last entry
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
    return new AuditCheckpoint(entries, m.group(2));
  }

  /** Returns {@code insight-audit-checkpoint entries=<n> head=<hex>}, the form {@link #parse} reads. */
  @Override
  public String toString() {
    return PREFIX + " entries=" + entries + " head=" + headHash;
  }
}
