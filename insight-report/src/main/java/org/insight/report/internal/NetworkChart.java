package org.insight.report.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.core.EntityId;
import org.insight.graph.GraphEdge;
import org.insight.graph.GraphNode;
import org.insight.graph.HtmlDrawing;
import org.insight.report.Section;

/**
 * A network figure as HTML: an inline SVG drawing (what shows without script, and in print) inside the box that the
 * inlined Cytoscape.js takes over, the box for the evidence of a click, and the chart's data as a JSON block.
 */
final class NetworkChart {
  /** Up to this many nodes the force layout places them; beyond, rings by distance from the centre (or by degree). */
  private static final int FORCE_LIMIT = 250;
  /** Beyond this many edges, the SVG drawing is left out (the interactive chart and the tables show them). */
  private static final int SVG_EDGE_LIMIT = 1_500;
  /** At most this many evidence ids per edge in the chart's data (the Edges table has them all). */
  private static final int EVIDENCE_LIMIT = 20;
  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
      "#e377c2", "#17becf"};

  private NetworkChart() {}

  /**
   * Writes the figure. When the product lists the network's nodes and edges in tables ({@code nodesTable},
   * {@code edgesTable}: their element ids, rows in the network's order), the chart's data holds only what draws it
   * and a click shows the clicked item's table row, so nothing is written twice.
   */
  static void write(StringBuilder b, Section.NetworkFigure figure, int number, String nodesTable, String edgesTable) {
    List<GraphNode> nodes = figure.network().nodes();
    List<GraphEdge> edges = figure.network().edges();
    double[][] xy = layout(figure);
    Map<EntityId, Integer> index = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i).id(), i);
    }
    String box = "net-" + number;
    String evidence = "evidence-" + number;
    b.append("<p class=\"legend\">").append(nodes.size()).append(" node(s), ").append(edges.size())
        .append(" edge(s). Drag to pan, scroll to zoom, click a node or an edge for its evidence. Dashed: shared"
            + " identifier; dotted: co-mention; thick: same-as.</p>\n");
    b.append("<div class=\"net\" id=\"").append(box).append("\">");
    if (edges.size() <= SVG_EDGE_LIMIT) {
      svg(b, figure, xy, index);
    } else {
      b.append("<p class=\"note\">").append(edges.size()).append(" edges are too many to draw without script; the"
          + " Nodes and Edges tables list them.</p>");
    }
    b.append("</div>\n<pre class=\"evidence\" id=\"").append(evidence)
        .append("\">Click a node or an edge for its evidence.</pre>\n");
    b.append("<script type=\"application/json\" data-network=\"").append(box).append("\" data-evidence=\"")
        .append(evidence).append("\">{");
    if (nodesTable != null && edgesTable != null) {
      b.append("\"nodesTable\":").append(Html.json(nodesTable)).append(",\"edgesTable\":").append(Html.json(edgesTable))
          .append(',');
    }
    boolean full = nodesTable == null || edgesTable == null;
    b.append("\"nodes\":[");
    for (int i = 0; i < nodes.size(); i++) {
      GraphNode n = nodes.get(i);
      b.append(i == 0 ? "" : ",").append("\n{\"id\":").append(Html.json(n.id().value())).append(",\"caption\":")
          .append(Html.json(n.caption())).append(",\"type\":").append(Html.json(n.type())).append(",\"x\":")
          .append(Math.round(xy[i][0])).append(",\"y\":").append(Math.round(xy[i][1]));
      if (figure.centre().map(n.id()::equals).orElse(false)) {
        b.append(",\"centre\":true");
      }
      if (full) {
        b.append(",\"label\":").append(Html.json(n.label().toString())).append(",\"members\":[");
        for (int m = 0; m < n.members().size(); m++) {
          b.append(m == 0 ? "" : ",").append(Html.json(n.members().get(m).value()));
        }
        b.append(']');
      }
      b.append('}');
    }
    b.append("],\"edges\":[");
    for (int i = 0; i < edges.size(); i++) {
      GraphEdge e = edges.get(i);
      // defaults left out (no value, no documents, end = start, nothing more): the script fills them in
      b.append(i == 0 ? "" : ",").append("\n{\"s\":").append(Html.json(e.source().value())).append(",\"t\":")
          .append(Html.json(e.target().value())).append(",\"kind\":").append(Html.json(e.kind().name()))
          .append(",\"type\":").append(Html.json(e.type()));
      if (!full) {
        b.append('}');
        continue;
      }
      b.append(",\"count\":").append(e.count()).append(",\"label\":").append(Html.json(e.label().toString()));
      if (!e.value().isEmpty()) {
        b.append(",\"value\":").append(Html.json(e.value()));
      }
      if (e.start().isPresent()) {
        b.append(",\"start\":").append(Html.json(e.start().get()));
      }
      if (e.end().isPresent() && !e.end().equals(e.start())) {
        b.append(",\"end\":").append(Html.json(e.end().get()));
      }
      int shown = ids(b.append(",\"statements\":"), e.statements(), EVIDENCE_LIMIT);
      if (!e.documents().isEmpty()) {
        shown += ids(b.append(",\"documents\":"), e.documents(), EVIDENCE_LIMIT - shown);
      }
      int more = e.statements().size() + e.documents().size() - shown;
      if (more > 0) {
        b.append(",\"more\":").append(more);
      }
      b.append('}');
    }
    b.append("]}</script>\n");
  }

  private static int ids(StringBuilder b, List<String> ids, int limit) {
    int n = Math.max(0, Math.min(limit, ids.size()));
    b.append('[');
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append(Html.json(ids.get(i)));
    }
    b.append(']');
    return n;
  }

  private static void svg(StringBuilder b, Section.NetworkFigure figure, double[][] xy, Map<EntityId, Integer> index) {
    List<GraphNode> nodes = figure.network().nodes();
    Map<String, String> colour = new java.util.TreeMap<>();
    nodes.forEach(n -> colour.putIfAbsent(n.type(), COLOURS[colour.size() % COLOURS.length]));
    b.append("<svg class=\"drawing\" width=\"800\" height=\"800\" viewBox=\"0 0 800 800\">\n");
    for (GraphEdge e : figure.network().edges()) {
      double[] a = xy[index.get(e.source())];
      double[] c = xy[index.get(e.target())];
      String dash = switch (e.kind()) {
        case SHARED_IDENTIFIER -> " stroke-dasharray=\"8 4\"";
        case CO_MENTION -> " stroke-dasharray=\"2 3\"";
        default -> "";
      };
      b.append("<line x1=\"").append(Charts.num(a[0])).append("\" y1=\"").append(Charts.num(a[1])).append("\" x2=\"")
          .append(Charts.num(c[0])).append("\" y2=\"").append(Charts.num(c[1])).append("\" stroke=\"#999\"")
          .append(dash).append("><title>").append(Html.text(e.kind() + " " + e.type() + " ×" + e.count()))
          .append("</title></line>\n");
    }
    boolean captions = nodes.size() <= 80;
    for (int i = 0; i < nodes.size(); i++) {
      GraphNode n = nodes.get(i);
      boolean centre = figure.centre().map(n.id()::equals).orElse(false);
      b.append("<circle cx=\"").append(Charts.num(xy[i][0])).append("\" cy=\"").append(Charts.num(xy[i][1]))
          .append("\" r=\"").append(centre ? 11 : 6).append("\" fill=\"").append(colour.get(n.type()))
          .append(centre ? "\" stroke=\"#222\" stroke-width=\"3" : "").append("\"><title>")
          .append(Html.text(n.caption() + " (" + n.type() + ", " + n.id().value() + ")")).append("</title></circle>\n");
      if (captions || centre) {
        b.append("<text x=\"").append(Charts.num(xy[i][0])).append("\" y=\"").append(Charts.num(xy[i][1] + 18))
            .append("\" font-size=\"10\" text-anchor=\"middle\">").append(Html.text(shorten(n.caption())))
            .append("</text>\n");
      }
    }
    b.append("</svg>");
  }

  private static String shorten(String s) {
    return s.length() <= 28 ? s : s.substring(0, 27) + "…";
  }

  /** Positions in [0, 800]: the force layout for small networks, else rings (centre, one hop, further). */
  static double[][] layout(Section.NetworkFigure figure) {
    List<GraphNode> nodes = figure.network().nodes();
    int n = nodes.size();
    if (n <= FORCE_LIMIT) {
      return HtmlDrawing.layout(figure.network());
    }
    Map<EntityId, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(nodes.get(i).id(), i);
    }
    int[] ring = new int[n];
    Optional<EntityId> centre = figure.centre().filter(index::containsKey);
    if (centre.isPresent()) {
      List<List<Integer>> adjacent = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        adjacent.add(new ArrayList<>());
      }
      for (GraphEdge e : figure.network().edges()) {
        adjacent.get(index.get(e.source())).add(index.get(e.target()));
        adjacent.get(index.get(e.target())).add(index.get(e.source()));
      }
      java.util.Arrays.fill(ring, -1);
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      ring[index.get(centre.get())] = 0;
      queue.add(index.get(centre.get()));
      while (!queue.isEmpty()) {
        int u = queue.poll();
        for (int v : adjacent.get(u)) {
          if (ring[v] < 0) {
            ring[v] = ring[u] + 1;
            queue.add(v);
          }
        }
      }
      for (int i = 0; i < n; i++) {
        ring[i] = ring[i] < 0 ? 3 : Math.min(ring[i], 3);
      }
    } else {
      java.util.Arrays.fill(ring, 2);
    }
    int[] size = new int[4];
    for (int r : ring) {
      size[r]++;
    }
    int outer = 1;
    for (int r = 1; r < 4; r++) {
      outer = size[r] > 0 ? r : outer;
    }
    int[] seen = new int[4];
    double[][] xy = new double[n][2];
    for (int i = 0; i < n; i++) {
      int r = ring[i];
      double radius = r == 0 ? 0 : 360.0 * r / outer;
      double angle = 2 * Math.PI * seen[r]++ / Math.max(1, size[r]);
      xy[i][0] = 400 + Math.cos(angle) * Math.min(380, radius);
      xy[i][1] = 400 + Math.sin(angle) * Math.min(380, radius);
    }
    return xy;
  }
}
