package org.insight.geo;

import java.util.List;

/**
 * Hotspots found by {@link Hotspots}.
 *
 * @param cellMetres the cell size asked for (a square's side, or the distance between neighbouring hexagons' centres)
 * @param alpha the false-discovery rate a hot cell is significant at
 * @param points how many points were binned
 * @param studyCells how many cells the study area (the occupied cells' bounding box) holds; every
 *     one is tested, so the FDR correction counts them all
 * @param cells the occupied cells and every significant cell, highest z first
 * @param shape the cells' shape
 */
public record HotspotResult(double cellMetres, double alpha, int points, long studyCells, List<HotspotCell> cells,
    CellShape shape) {

  public HotspotResult {
    cells = List.copyOf(cells);
    java.util.Objects.requireNonNull(shape, "shape");
  }

  /** The significant hot cells, highest z first. */
  public List<HotspotCell> hot() {
    return cells.stream().filter(HotspotCell::hot).toList();
  }
}
