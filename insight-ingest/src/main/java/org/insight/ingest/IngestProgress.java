package org.insight.ingest;

/**
 * How far an ingest run is, reported after each item.
 *
 * @param done items finished (ingested, unchanged or quarantined)
 * @param total items found so far; grows while the sources are still being walked
 * @param walking whether the sources are still being walked (so {@code total} may grow)
 * @param bytes bytes of the items finished
 * @param current the item just finished
 */
public record IngestProgress(long done, long total, boolean walking, long bytes, String current) {}
