package org.insight.match;

/**
 * What blocking did.
 *
 * @param records records blocked
 * @param keys distinct blocking keys seen
 * @param blocks keys shared by at least two records (blocks that produced pairs, or were skipped)
 * @param skippedBlocks blocks larger than the maximum block size, skipped (their pairs may still come from other
 *     keys)
 * @param largestBlock size of the largest block that was used
 * @param candidatePairs distinct candidate pairs compared
 */
public record BlockingStats(int records, int keys, int blocks, int skippedBlocks, int largestBlock, long candidatePairs) {}
