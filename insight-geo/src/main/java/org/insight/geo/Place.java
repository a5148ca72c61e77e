package org.insight.geo;

/**
 * A named place of the gazetteer: a city (GeoNames, population 1,000 or more) or a country.
 *
 * @param name its name as GeoNames or the country table writes it
 * @param kind {@code "city"} or {@code "country"}
 * @param country ISO 3166-1 alpha-2 of the country it is in (or is)
 * @param population inhabitants as GeoNames records them (0 when unknown, and for countries)
 * @param point the city's position; for a country, a point inside its largest outline
 * @param geonameId the GeoNames id of a city; 0 for a country
 */
public record Place(String name, String kind, String country, long population, GeoPoint point, long geonameId) {
}
