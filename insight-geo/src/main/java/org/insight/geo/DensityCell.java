package org.insight.geo;

/**
 * One cell of a kernel density surface.
 *
 * @param centre the cell's centre
 * @param density the estimated density there, in points per square kilometre
 */
public record DensityCell(GeoPoint centre, double density) {
}
