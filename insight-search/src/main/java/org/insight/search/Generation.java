package org.insight.search;

/**
 * Where an index's writes stand, so that something derived from it (a cached graph) can tell whether the index only
 * grew since it was derived, and read just what was added ({@link Index#statementsAdded}). Every write (a commit that
 * adds, replaces or removes) gets the next sequence number; a write that removed or replaced anything — an erasure, a
 * correction, a write of an id already stored — moves {@code lastRemoval} to its number.
 *
 * @param sequence the number of the last write
 * @param lastRemoval the number of the last write that removed or replaced anything; a read-only index, which cannot
 *     see another process's writes as they happen, says {@link Long#MAX_VALUE}: it never claims growth only
 * @param writing whether a write is under way: what a read begun now sees of it is unknown
 */
public record Generation(long sequence, long lastRemoval, boolean writing) {
  /**
   * Whether every write after {@code earlier} up to this one only added (nothing removed, replaced or relabelled)
   * and no write is under way: then what was visible at {@code earlier} is still visible, and
   * {@link Index#statementsAdded} gives the rest.
   */
  public boolean grewOnlySince(long earlier) {
    return !writing && lastRemoval <= earlier && earlier <= sequence;
  }

  /**
   * Whether nothing was written since {@code earlier} (the same generation, neither under a write) on an index that
   * counts its writes: then a read now sees what a read at {@code earlier} saw, even if the index's reader was
   * reopened meanwhile (a merge). A read-only index never says so.
   */
  public boolean unchangedSince(Generation earlier) {
    return equals(earlier) && !writing && lastRemoval <= sequence;
  }
}
