package org.insight.geo;

import java.util.Optional;

/**
 * Where a point is: its country (jurisdiction) and nearest city.
 *
 * @param point the point asked about
 * @param country the country whose outline holds the point or, for a point just offshore (the 1:50m outlines cut
 *     coasts and small islands), the nearest one within the gazetteer's tolerance; empty on the high seas
 * @param countryMetres 0 inside the outline, else the distance to it
 * @param city the nearest city of 1,000 inhabitants or more
 * @param cityMetres the distance to it
 */
public record Reverse(GeoPoint point, Optional<Country> country, double countryMetres, Optional<Place> city,
    double cityMetres) {
}
