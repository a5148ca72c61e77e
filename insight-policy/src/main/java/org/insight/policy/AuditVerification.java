package org.insight.policy;

/**
 * The result of checking an {@link AuditLog}: valid, or the first bad entry and what is wrong with it.
 *
 * <p>{@code firstBadSequence} is the sequence number the bad line holds, except for {@link
 * Problem#REMOVED} and {@link Problem#TRUNCATED}, where it is the first missing sequence number, and for
 * {@link Problem#UNPARSABLE}, where it is the sequence number the line should have held. {@code
 * firstBadLine} is 1-based; both are 0 when the log is valid.
 *
 * @param valid whether the log passed every check
 * @param entriesChecked the number of entries found intact before the first problem (all of them when
 *     valid)
 * @param firstBadSequence see above; 0 when valid
 * @param firstBadLine the 1-based line of the first problem; 0 when valid
 * @param problem the kind of the first problem, {@link Problem#NONE} when valid
 * @param message a one-line explanation for a person
 * @param integrity how much the check proves: see {@link Integrity}
 * @param unkeyedEntries how many of the checked entries are unkeyed (format 1)
 */
public record AuditVerification(
    boolean valid,
    long entriesChecked,
    long firstBadSequence,
    int firstBadLine,
    Problem problem,
    String message,
    Integrity integrity,
    long unkeyedEntries) {

  /** How much a verification proves about who wrote the entries. */
  public enum Integrity {
    /**
     * Every keyed entry's MAC was checked with the key: nobody without the key could have written, altered or
     * re-chained them (any unkeyed entries are an older prefix, fixed by the keyed entry that follows them).
     */
    KEYED,
    /**
     * The log is keyed but no key was given: the chain's order was checked, not its MACs. Give the key to prove
     * more.
     */
    KEY_NOT_CHECKED,
    /**
     * The log has no keyed entry: its SHA-256 chain proves order, but anyone able to write the file can rewrite
     * it consistently. Open the workspace with an {@link AuditKey} to key new entries.
     */
    UNKEYED
  }

  /** The kinds of damage a verification tells apart. */
  public enum Problem {
    /** Nothing is wrong. */
    NONE,
    /** An entry's content no longer matches its hash (or is not in the form the log writes). */
    ALTERED,
    /** One or more sequence numbers are missing. */
    REMOVED,
    /** An entry repeats a sequence number, or does not continue the chain from the entry before it. */
    INSERTED,
    /** Entries are present but out of order (for example two swapped entries). */
    REORDERED,
    /** A line cannot be read as an entry (including a line cut short by an interrupted append). */
    UNPARSABLE,
    /** The log has fewer entries than a checkpoint saw. */
    TRUNCATED,
    /** The entry a checkpoint saw has a different hash now: history was rewritten or rolled back. */
    REWRITTEN,
    /**
     * An unkeyed entry follows a keyed one (a downgrade only someone without the key does), or a key was given
     * but the log holds no keyed entry.
     */
    UNKEYED,
    /** A keyed entry names another key than the given one (or than the entries before it). */
    WRONG_KEY,
    /** The log file is gone although a checkpoint saw entries in it. */
    DELETED,
    /** The checkpoint's signature does not verify with the given public key, or it is not signed. */
    BAD_SIGNATURE
  }

  /**
   * A result without integrity details (counted as unkeyed).
   *
   * @param valid whether the log passed
   * @param entriesChecked intact entries before the problem
   * @param firstBadSequence the sequence concerned
   * @param firstBadLine the line concerned
   * @param problem the kind of problem
   * @param message the explanation
   */
  public AuditVerification(
      boolean valid, long entriesChecked, long firstBadSequence, int firstBadLine, Problem problem, String message) {
    this(valid, entriesChecked, firstBadSequence, firstBadLine, problem, message, Integrity.UNKEYED, entriesChecked);
  }

  /**
   * Checks that {@code valid} agrees with {@code problem}.
   *
   * @param valid whether the log passed
   * @param entriesChecked intact entries before the problem
   * @param firstBadSequence the sequence concerned
   * @param firstBadLine the line concerned
   * @param problem the kind of problem
   * @param message the explanation
   * @param integrity how much the check proves
   * @param unkeyedEntries unkeyed entries among those checked
   * @throws AuditException when they disagree
   */
  public AuditVerification {
    if (problem == null) {
      throw new AuditException("problem must not be null");
    }
    if (valid != (problem == Problem.NONE)) {
      throw new AuditException(
          "a verification is valid exactly when its problem is NONE, but valid=" + valid
              + " and problem=" + problem);
    }
    message = message == null ? "" : message;
    integrity = integrity == null ? Integrity.UNKEYED : integrity;
  }

  /**
   * A passed verification.
   *
   * @param entries the number of entries checked
   * @return a valid result
   */
  public static AuditVerification ok(long entries) {
    return new AuditVerification(
        true, entries, 0, 0, Problem.NONE, "the audit log is intact: " + entries + " entries checked");
  }

  /**
   * A passed verification saying how much it proves.
   *
   * @param entries the number of entries checked
   * @param integrity how much the check proves
   * @param unkeyedEntries how many of them are unkeyed
   * @param message the explanation
   * @return a valid result
   */
  public static AuditVerification ok(long entries, Integrity integrity, long unkeyedEntries, String message) {
    return new AuditVerification(true, entries, 0, 0, Problem.NONE, message, integrity, unkeyedEntries);
  }

  /**
   * This result with another message and integrity (the same verdict).
   *
   * @param message the explanation
   * @param integrity how much the check proves
   * @param unkeyedEntries unkeyed entries among those checked
   * @return the result
   */
  public AuditVerification with(String message, Integrity integrity, long unkeyedEntries) {
    return new AuditVerification(valid, entriesChecked, firstBadSequence, firstBadLine, problem, message, integrity,
        unkeyedEntries);
  }

  /**
   * A failed verification.
   *
   * @param entriesChecked entries found intact before the problem
   * @param firstBadSequence the sequence number concerned
   * @param firstBadLine the 1-based line concerned
   * @param problem the kind of problem, not NONE
   * @param message a one-line explanation
   * @return an invalid result
   */
  public static AuditVerification failed(
      long entriesChecked, long firstBadSequence, int firstBadLine, Problem problem, String message) {
    return new AuditVerification(
        false, entriesChecked, firstBadSequence, firstBadLine, problem, message);
  }
}
