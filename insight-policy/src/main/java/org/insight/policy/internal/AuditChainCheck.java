package org.insight.policy.internal;

import org.insight.policy.AuditCheckpoint;
import org.insight.policy.AuditKey;
import org.insight.policy.AuditRecord;
import org.insight.policy.AuditVerification;
import org.insight.policy.AuditVerification.Integrity;
import org.insight.policy.AuditVerification.Problem;

/**
 * Checks an audit log line by line and finds its first bad entry. Not API.
 *
 * <p>Feed every line in order with {@link #line}, then call {@link #finish}. Each line must parse, be in
 * canonical form, hash to its own {@code hash}, hold the next sequence number and name the previous
 * entry's hash as {@code prev}. At the first break the kind of damage is told apart:
 *
 * <ul>
 *   <li>hash or form mismatch on the line itself: ALTERED;
 *   <li>a sequence number already seen, or the right number with a broken chain: INSERTED;
 *   <li>a sequence number ahead of the expected one: the rest of the file is read on to see whether the
 *       expected entry turns up later and whether this entry's predecessor is somewhere later
 *       (REORDERED), whether only the expected entry turns up (this one does not belong: INSERTED), or
 *       neither (REMOVED).
 * </ul>
 *
 * <p>Keyed entries (format 2) carry an HMAC instead of a SHA-256: with the key, each MAC is checked (a forged or
 * re-chained entry fails as ALTERED, one made with another key as WRONG_KEY); without it only the chain's order is
 * checked. An unkeyed entry after a keyed one is a downgrade (UNKEYED), found with or without the key: the writer
 * never does it, as a keyed log refuses to open without its key.
 */
public final class AuditChainCheck {

  private final AuditCheckpoint checkpoint;
  private final AuditKey key;
  private String keyIdSeen;
  private long unkeyed;

  private long expected = 1;
  private String lastHash = AuditJson.ZERO_HASH;
  private String checkpointHash;
  private AuditVerification failure;

  // a forward jump waiting for the rest of the file
  private AuditRecord jumped;
  private int jumpedLine;
  private boolean expectedSeenLater;
  private boolean predecessorSeenLater;

  /**
   * A check against an optional checkpoint.
   *
   * @param checkpoint the checkpoint the log must still contain, or null
   */
  public AuditChainCheck(AuditCheckpoint checkpoint) {
    this(checkpoint, null);
  }

  /**
   * A check against an optional checkpoint and key.
   *
   * @param checkpoint the checkpoint the log must still contain, or null
   * @param key the chain's key, or null to check order only
   */
  public AuditChainCheck(AuditCheckpoint checkpoint, AuditKey key) {
    this.checkpoint = checkpoint;
    this.key = key;
    if (checkpoint != null && checkpoint.entries() == 0) {
      checkpointHash = AuditJson.ZERO_HASH;
    }
  }

  /**
   * Whether the result is already decided, so later lines cannot change it.
   *
   * @return true after the first problem that needs no look-ahead
   */
  public boolean decided() {
    return failure != null;
  }

  /**
   * A line that could not be decoded.
   *
   * @param lineNo the 1-based line number
   * @param reason why, without the line's content
   */
  public void unparsable(int lineNo, String reason) {
    if (failure != null || jumped != null) {
      return;
    }
    failure =
        AuditVerification.failed(
            expected - 1,
            expected,
            lineNo,
            Problem.UNPARSABLE,
            "line " + lineNo + " (expected entry " + expected + ") cannot be read: " + reason);
  }

  /**
   * A decoded line.
   *
   * @param lineNo the 1-based line number
   * @param r the record it holds
   * @param canonical whether the line is exactly the log's own encoding of {@code r}
   */
  public void line(int lineNo, AuditRecord r, boolean canonical) {
    if (failure != null) {
      return;
    }
    if (jumped != null) {
      lookAhead(r);
      return;
    }
    long seq = r.sequence();
    String where = "entry " + seq + " (line " + lineNo + ")";
    if (!canonical) {
      fail(seq, lineNo, Problem.ALTERED,
          where + " was altered: its text is not in the form the log writes");
      return;
    }
    if (r.keyed()) {
      if (keyIdSeen != null && !keyIdSeen.equals(r.keyId())) {
        fail(seq, lineNo, Problem.WRONG_KEY, where + " names key " + r.keyId() + " but the entries before it name key "
            + keyIdSeen + ": it was forged with another key");
        return;
      }
      if (key != null && !key.id().equals(r.keyId())) {
        fail(seq, lineNo, Problem.WRONG_KEY, where + " was keyed with key " + r.keyId() + ", not the given key "
            + key.id() + ": it was forged with another key, or this is not the log's key");
        return;
      }
      if (key != null && !AuditJson.mac(key, r.previousHash(), seq, r.event()).equals(r.hash())) {
        fail(seq, lineNo, Problem.ALTERED, where + " was forged or altered: its MAC does not match its content"
            + " under the key");
        return;
      }
      keyIdSeen = r.keyId();
    } else {
      if (!AuditJson.hash(r.previousHash(), seq, r.event()).equals(r.hash())) {
        fail(seq, lineNo, Problem.ALTERED, where + " was altered: its hash does not match its content");
        return;
      }
      if (keyIdSeen != null) {
        fail(seq, lineNo, Problem.UNKEYED, where + " is unkeyed but follows keyed entries: it was written by someone"
            + " without the key (the log's writer keys every entry once the log is keyed)");
        return;
      }
    }
    if (seq == expected) {
      if (!r.previousHash().equals(lastHash)) {
        fail(seq, lineNo, Problem.INSERTED,
            where + " was inserted or replaced: it does not continue the chain from "
                + (seq == 1 ? "the start of the log" : "entry " + (seq - 1)));
        return;
      }
      lastHash = r.hash();
      if (!r.keyed()) {
        unkeyed++;
      }
      if (checkpoint != null && seq == checkpoint.entries()) {
        checkpointHash = r.hash();
      }
      expected++;
      return;
    }
    if (seq < expected) {
      fail(seq, lineNo, Problem.INSERTED,
          where + " was inserted: sequence " + seq + " already appears at line " + seq
              + " (a copied or forged entry)");
      return;
    }
    jumped = r;
    jumpedLine = lineNo;
  }

  private void lookAhead(AuditRecord r) {
    if (r.sequence() == expected) {
      expectedSeenLater = true;
    }
    if (r.sequence() == jumped.sequence() - 1 && r.hash().equals(jumped.previousHash())) {
      predecessorSeenLater = true;
    }
  }

  private void fail(long seq, int lineNo, Problem problem, String message) {
    failure = AuditVerification.failed(expected - 1, seq, lineNo, problem, message);
  }

  /**
   * The result, once every line was fed.
   *
   * @return the verification
   */
  public AuditVerification finish() {
    AuditVerification v = verdict();
    if (v.valid()) {
      return v;
    }
    Integrity integrity =
        keyIdSeen == null ? Integrity.UNKEYED : key == null ? Integrity.KEY_NOT_CHECKED : Integrity.KEYED;
    return v.with(v.message(), integrity, unkeyed);
  }

  private AuditVerification verdict() {
    if (failure != null) {
      return failure;
    }
    if (jumped != null) {
      long seq = jumped.sequence();
      String where = "entry " + seq + " (line " + jumpedLine + ")";
      if (predecessorSeenLater && expectedSeenLater) {
        fail(seq, jumpedLine, Problem.REORDERED,
            where + " is out of order: line " + jumpedLine + " should hold entry " + expected
                + ", which appears later (entries were swapped or moved)");
      } else if (expectedSeenLater) {
        fail(seq, jumpedLine, Problem.INSERTED,
            where + " was inserted: it does not belong to the chain, and entry " + expected
                + " follows it");
      } else {
        String missing =
            seq - expected == 1 ? "entry " + expected : "entries " + expected + " to " + (seq - 1);
        failure =
            AuditVerification.failed(
                expected - 1, expected, jumpedLine, Problem.REMOVED,
                "entry " + expected + " (line " + jumpedLine + ") was removed: line " + jumpedLine
                    + " holds entry " + seq + ", so " + missing + " "
                    + (seq - expected == 1 ? "is" : "are") + " missing");
      }
      return failure;
    }
    long entries = expected - 1;
    if (checkpoint != null) {
      if (entries < checkpoint.entries()) {
        return AuditVerification.failed(
            entries, entries + 1, (int) Math.min(Integer.MAX_VALUE, entries + 1), Problem.TRUNCATED,
            "the log has " + entries + " entries but the checkpoint saw " + checkpoint.entries()
                + ": it was truncated or rolled back");
      }
      if (!checkpoint.headHash().equals(checkpointHash)) {
        long seq = checkpoint.entries();
        return AuditVerification.failed(
            seq - 1, seq, (int) Math.min(Integer.MAX_VALUE, seq), Problem.REWRITTEN,
            "entry " + seq + " (line " + seq + ") does not match the checkpoint: its hash differs"
                + " from the checkpoint's head, so the log was rewritten, or rolled back and"
                + " appended to, after the checkpoint");
      }
    }
    if (key != null && keyIdSeen == null && entries > 0) {
      return AuditVerification.failed(entries, 1, 1, Problem.UNKEYED,
          "a key was given but none of the log's " + entries + " entries is keyed: the log was written without a"
              + " key, or rewritten by someone without it; verify without a key to check an unkeyed log's order");
    }
    return ok(entries);
  }

  private AuditVerification ok(long entries) {
    String checkpointNote = checkpoint == null ? "" : "; it still holds the checkpoint's " + checkpoint.entries()
        + " entries";
    if (keyIdSeen == null) {
      return AuditVerification.ok(entries, Integrity.UNKEYED, entries,
          "the audit log's chain is intact (" + entries + " entries" + checkpointNote + "), but it is UNKEYED"
              + " (plain SHA-256): anyone able to write the file could have rewritten it consistently; open the"
              + " workspace with an audit key (--audit-key FILE) to key new entries");
    }
    String prefix = unkeyed == 0 ? "" : " (the first " + unkeyed + ", written before the log was keyed, are"
        + " unkeyed; the keyed entries after them fix their content)";
    if (key == null) {
      return AuditVerification.ok(entries, Integrity.KEY_NOT_CHECKED, unkeyed,
          "the audit log's chain is in order (" + entries + " entries" + checkpointNote + "), but its entries are"
              + " keyed with key " + keyIdSeen + " and their MACs were NOT checked: give the key (--key FILE)"
              + prefix);
    }
    return AuditVerification.ok(entries, Integrity.KEYED, unkeyed,
        "the audit log is intact: " + entries + " entries checked with key " + key.id() + checkpointNote + prefix);
  }
}
