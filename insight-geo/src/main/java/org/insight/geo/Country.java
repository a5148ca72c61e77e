package org.insight.geo;

/**
 * A country or territory of the gazetteer's outlines.
 *
 * @param code ISO 3166-1 alpha-2 (Kosovo {@code XK}); empty for an outline no code covers (Siachen Glacier)
 * @param name its English name
 */
public record Country(String code, String name) {
}
