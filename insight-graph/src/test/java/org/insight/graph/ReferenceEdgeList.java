package org.insight.graph;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.insight.InsightException;
import org.insight.core.EntityId;
import org.insight.policy.Label;

/**
 * {@link EdgeList#read(Reader, char, EdgeList.Columns, Label, String)} as it was before the columnar rework (branch
 * graph18d), kept as the reference the rework must equal: same nodes, captions, edges, order, counts, amounts, lines,
 * labels, notes and rejected rows ({@link EdgeListProperties}). Not for production use.
 */
final class ReferenceEdgeList {
  private ReferenceEdgeList() {}

  record Result(Network network, List<EdgeList.Rejected> rejected) {}

  /** Reads an edge list with this delimiter from {@code in} (not closed); {@code name} names it in errors. */
  static Result read(Reader in, char delimiter, EdgeList.Columns columns, Label label, String name) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(label, "label");
    CSVFormat format = (delimiter == '\t' ? CSVFormat.TDF : CSVFormat.RFC4180).builder().setDelimiter(delimiter)
        .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).setTrailingData(true).get();
    List<EdgeList.Rejected> rejected = new ArrayList<>();
    Map<EntityId, GraphNode> nodes = new TreeMap<>();
    Map<List<EntityId>, Acc> edges = new HashMap<>();
    try {
      CSVParser parser = CSVParser.parse(in, format);
      var it = parser.iterator();
      if (!it.hasNext()) {
        throw new InsightException(name + " is empty; it needs a header row naming the columns " + columns.source()
            + " and " + columns.target());
      }
      List<String> header = new ArrayList<>();
      it.next().forEach(h -> header.add(h.replace("\uFEFF", "").trim()));
      int s = column(header, columns.source(), name);
      int t = column(header, columns.target(), name);
      int w = columns.weight().map(c -> column(header, c, name)).orElse(-1);
      long linesRead = parser.getCurrentLineNumber();
      while (it.hasNext()) {
        CSVRecord r = it.next();
        long line = linesRead + 1; // the line the record starts on (a quoted cell may span lines)
        linesRead = parser.getCurrentLineNumber();
        if (r.size() == 1 && r.get(0).isBlank()) {
          continue; // a blank line (kept by the parser so that line numbers stay right)
        }
        String a = cell(r, s);
        String b = cell(r, t);
        String wv = w < 0 ? "1" : cell(r, w);
        if (a == null || b == null || wv == null) {
          rejected.add(new EdgeList.Rejected(line, "missing " + (a == null ? columns.source() : b == null ? columns.target()
              : columns.weight().orElseThrow()) + " (" + r.size() + " of " + header.size() + " cells)"));
          continue;
        }
        double weight;
        try {
          weight = Double.parseDouble(wv);
        } catch (NumberFormatException e) {
          weight = Double.NaN;
        }
        if (!Double.isFinite(weight) || weight < 0) {
          rejected.add(new EdgeList.Rejected(line, "weight \"" + wv + "\" is not a finite non-negative number"));
          continue;
        }
        EntityId ia = EdgeList.id(a);
        EntityId ib = EdgeList.id(b);
        if (ia.equals(ib)) {
          rejected.add(new EdgeList.Rejected(line, "joins " + a + " to itself"));
          continue;
        }
        nodes.putIfAbsent(ia, new GraphNode(ia, "Node", a, List.of(ia), label));
        nodes.putIfAbsent(ib, new GraphNode(ib, "Node", b, List.of(ib), label));
        List<EntityId> key = columns.directed() || ia.compareTo(ib) < 0 ? List.of(ia, ib) : List.of(ib, ia);
        Acc acc = edges.computeIfAbsent(key, k -> new Acc());
        acc.count++;
        acc.amount += weight;
        acc.lines.add("line:" + line);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new InsightException("cannot read the edge list " + name + ": " + e.getMessage()
          + "; is it CSV (or TSV, named .tsv) with a header row?", e);
    }
    List<GraphEdge> out = new ArrayList<>();
    edges.forEach((k, acc) -> out.add(new GraphEdge(k.get(0), k.get(1), EdgeKind.LINK, "edge", "",
        columns.directed(), acc.count, acc.amount, 0, Optional.empty(), Optional.empty(), acc.lines, List.of(),
        label)));
    List<String> notes = rejected.isEmpty() ? List.of()
        : List.of(rejected.size() + " rows of " + name + " left out (see EdgeList.rejected())");
    return new Result(new Network(List.copyOf(nodes.values()), out, notes), List.copyOf(rejected));
  }

  private static int column(List<String> header, String name, String file) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new InsightException("no column \"" + name + "\" in " + file + "; its columns are " + header);
    }
    return i;
  }

  private static String cell(CSVRecord r, int i) {
    if (i >= r.size()) {
      return null;
    }
    String v = r.get(i).trim();
    return v.isEmpty() ? null : v;
  }

  private static final class Acc {
    int count;
    double amount;
    final List<String> lines = new ArrayList<>();
  }
}
