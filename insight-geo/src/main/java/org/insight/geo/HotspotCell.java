package org.insight.geo;

/**
 * One cell of a hotspot grid with its Getis–Ord Gi* statistic.
 *
 * @param row the cell's row (latitude band, anchored at the equator)
 * @param column its column (anchored at -180°)
 * @param south southern edge, degrees
 * @param west western edge
 * @param north northern edge
 * @param east eastern edge
 * @param count points in the cell
 * @param z the Gi* z-score: how far the sum over the cell and its eight neighbours exceeds what the grid's mean
 *     predicts, in standard errors
 * @param p the two-sided p-value of {@code z} under the normal approximation
 * @param q the Benjamini–Hochberg adjusted p-value over every cell of the study area (the false-discovery rate at
 *     which this cell is significant)
 * @param hot whether {@code z > 0} and {@code q} is below the result's alpha
 */
public record HotspotCell(long row, long column, double south, double west, double north, double east, int count,
    double z, double p, double q, boolean hot) {

  /** The cell's centre. */
  public GeoPoint centre() {
    return new GeoPoint((south + north) / 2, (west + east) / 2);
  }
}
