package org.insight.geo;

/** The cells of a hotspot analysis ({@link Hotspots}). */
public enum CellShape {
  /**
   * Square-ish cells of a latitude/longitude grid: rows of constant latitude height, columns as wide as the height at
   * the study area's middle latitude (so cells are square there), the 3×3 cells around a cell as its neighbourhood.
   */
  SQUARE,
  /**
   * Hexagons on a local equal-area projection (Lambert azimuthal, centred on the study area), centres
   * {@code cellMetres} apart: every cell covers the same ground area and has six neighbours at the same distance,
   * so a neighbourhood (the cell and its six neighbours) has no corner cells farther off than the rest.
   */
  HEXAGON
}
