package org.insight.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws a {@link Network} (best a neighbourhood: a few dozen nodes) as one self-contained HTML page with an inline
 * SVG: no script, no style sheet or font fetched, so it opens offline and prints. The layout is a force layout
 * (Fruchterman–Reingold) from fixed starting points with a fixed number of steps, so the same network is always
 * drawn the same way. Nodes are coloured by type; shared identifiers are dashed, co-mentions dotted, same-as double.
 */
public final class HtmlDrawing {
  private static final int SIZE = 800;
  private static final int MARGIN = 60;
  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
      "#e377c2", "#17becf"};

  private HtmlDrawing() {}

  /** Writes the page to {@code out} (not closed), titled {@code title}. */
  public static void write(Network network, String title, Writer out) {
    double[][] xy = layout(network);
    Map<String, String> colour = new TreeMap<>();
    network.nodes().forEach(n -> colour.putIfAbsent(n.type(), COLOURS[colour.size() % COLOURS.length]));
    List<GraphNode> nodes = network.nodes();
    Map<org.insight.core.EntityId, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i).id(), i);
    }
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(GraphMl.esc(title))
        .append("</title></head>\n<body style=\"font-family:sans-serif;margin:16px\">\n<h1 style=\"font-size:18px\">")
        .append(GraphMl.esc(title)).append("</h1>\n<p style=\"font-size:12px\">")
        .append(nodes.size()).append(" nodes, ").append(network.edges().size()).append(" edges; label ")
        .append(GraphMl.esc(network.label().map(Object::toString).orElse("-"))).append("</p>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(SIZE).append("\" height=\"")
        .append(SIZE).append("\" viewBox=\"0 0 ").append(SIZE).append(' ').append(SIZE)
        .append("\" style=\"border:1px solid #ccc\">\n");
    for (GraphEdge e : network.edges()) {
      double[] a = xy[index.get(e.source())];
      double[] c = xy[index.get(e.target())];
      String dash = switch (e.kind()) {
        case SHARED_IDENTIFIER -> " stroke-dasharray=\"8 4\"";
        case CO_MENTION -> " stroke-dasharray=\"2 3\"";
        default -> "";
      };
      double width = e.kind() == EdgeKind.SAME_AS ? 4 : 1 + Math.min(4, Math.log(e.count()) + 0.5);
      b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\""
          + " stroke-width=\"%.1f\"%s><title>%s</title></line>%n", a[0], a[1], c[0], c[1], width, dash,
          GraphMl.esc(describe(e))));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#555\""
          + " text-anchor=\"middle\">%s</text>%n", (a[0] + c[0]) / 2, (a[1] + c[1]) / 2 - 3, GraphMl.esc(edgeText(e))));
    }
    for (int i = 0; i < nodes.size(); i++) {
      GraphNode n = nodes.get(i);
      b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"%s\"><title>%s</title>"
          + "</circle>%n", xy[i][0], xy[i][1], colour.get(n.type()), GraphMl.esc(n.type() + " " + n.id())));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\">%s"
          + "</text>%n", xy[i][0], xy[i][1] + 22, GraphMl.esc(n.caption())));
    }
    b.append("</svg>\n<p style=\"font-size:12px\">");
    colour.forEach((type, c) -> b.append("<span style=\"color:").append(c).append("\">&#9679;</span> ")
        .append(GraphMl.esc(type)).append(" &nbsp; "));
    b.append("&mdash; dashed: shared identifier; dotted: mentioned together; thick: same as</p>\n</body></html>\n");
    try {
      out.write(b.toString());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static String describe(GraphEdge e) {
    return e.kind().name().toLowerCase(Locale.ROOT) + " " + e.type() + (e.value().isEmpty() ? "" : " " + e.value())
        + " x" + e.count() + e.start().map(s -> " from " + s).orElse("") + e.end().map(s -> " to " + s).orElse("");
  }

  private static String edgeText(GraphEdge e) {
    return switch (e.kind()) {
      case SHARED_IDENTIFIER -> e.value();
      case CO_MENTION -> "mentioned x" + e.count();
      case SAME_AS -> "same as";
      default -> e.type() + (e.count() > 1 ? " x" + e.count() : "");
    };
  }

  /**
   * Fruchterman–Reingold from points on a circle in node order, 300 cooling steps: deterministic. x and y in [0, 800]
   * per node, in the order of {@link Network#nodes()}; it costs n² per step, so keep it to a few hundred nodes.
   */
  public static double[][] layout(Network network) {
    int n = network.nodes().size();
    double[][] p = new double[n][2];
    double area = (double) (SIZE - 2 * MARGIN) * (SIZE - 2 * MARGIN);
    double k = Math.sqrt(area / Math.max(1, n));
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * i / Math.max(1, n);
      p[i][0] = Math.cos(angle) * (SIZE / 2.0 - MARGIN);
      p[i][1] = Math.sin(angle) * (SIZE / 2.0 - MARGIN);
    }
    Map<org.insight.core.EntityId, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(network.nodes().get(i).id(), i);
    }
    int[][] pairs = network.edges().stream()
        .map(e -> new int[] {index.get(e.source()), index.get(e.target())}).toArray(int[][]::new);
    double temperature = SIZE / 10.0;
    for (int step = 0; step < 300; step++) {
      double[][] d = new double[n][2];
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          double dx = p[i][0] - p[j][0];
          double dy = p[i][1] - p[j][1];
          double dist = Math.max(0.01, Math.hypot(dx, dy));
          double f = k * k / dist;
          d[i][0] += dx / dist * f;
          d[i][1] += dy / dist * f;
          d[j][0] -= dx / dist * f;
          d[j][1] -= dy / dist * f;
        }
      }
      for (int[] e : pairs) {
        double dx = p[e[0]][0] - p[e[1]][0];
        double dy = p[e[0]][1] - p[e[1]][1];
        double dist = Math.max(0.01, Math.hypot(dx, dy));
        double f = dist * dist / k;
        d[e[0]][0] -= dx / dist * f;
        d[e[0]][1] -= dy / dist * f;
        d[e[1]][0] += dx / dist * f;
        d[e[1]][1] += dy / dist * f;
      }
      for (int i = 0; i < n; i++) {
        double len = Math.max(0.01, Math.hypot(d[i][0], d[i][1]));
        p[i][0] += d[i][0] / len * Math.min(len, temperature);
        p[i][1] += d[i][1] / len * Math.min(len, temperature);
      }
      temperature *= 0.985;
    }
    // fit into the drawing
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (double[] q : p) {
      minX = Math.min(minX, q[0]);
      minY = Math.min(minY, q[1]);
      maxX = Math.max(maxX, q[0]);
      maxY = Math.max(maxY, q[1]);
    }
    double scale = (SIZE - 2.0 * MARGIN) / Math.max(1e-9, Math.max(maxX - minX, maxY - minY));
    for (double[] q : p) {
      q[0] = n == 1 ? SIZE / 2.0 : MARGIN + (q[0] - minX) * scale;
      q[1] = n == 1 ? SIZE / 2.0 : MARGIN + (q[1] - minY) * scale;
    }
    return p;
  }
}
