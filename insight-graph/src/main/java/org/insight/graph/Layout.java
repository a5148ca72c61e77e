package org.insight.graph;

/**
 * Coordinates for every node, so that a viewer can draw an exported network at once: the deterministic force layout
 * of {@link HtmlDrawing} up to {@link #FORCE_LIMIT} nodes (it costs n² per step), beyond that the nodes on a circle
 * in id order — a viewer's own layout (Gephi's ForceAtlas 2, Cytoscape's cose) does better on big graphs anyway.
 */
final class Layout {
  static final int FORCE_LIMIT = 1000;

  private Layout() {}

  /** x and y in [0, 800] per node, in the order of {@link Network#nodes()}. */
  static double[][] of(Network network) {
    int n = network.nodes().size();
    if (n <= FORCE_LIMIT) {
      return HtmlDrawing.layout(network);
    }
    double[][] p = new double[n][2];
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * i / n;
      p[i][0] = 400 + Math.cos(angle) * 340;
      p[i][1] = 400 + Math.sin(angle) * 340;
    }
    return p;
  }

  static String number(double d) {
    return Double.toString(Math.round(d * 10) / 10.0);
  }
}
