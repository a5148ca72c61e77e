package org.insight.cli;

import org.insight.geo.CellShape;

/** {@code --cells square|hex} of the hotspot commands. */
enum GeoCells {
  square(CellShape.SQUARE), hex(CellShape.HEXAGON);

  static final String DESCRIPTION = "square (a latitude/longitude grid, 3x3 neighbourhoods) or hex (hexagons on a"
      + " local equal-area projection, centres --cell-m apart, each with its six neighbours)"
      + " (default: ${DEFAULT-VALUE}).";

  final CellShape shape;

  GeoCells(CellShape shape) {
    this.shape = shape;
  }
}
