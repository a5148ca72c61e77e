package org.insight.graph;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.insight.InsightException;
import org.insight.core.EntityId;
import org.insight.policy.Label;

/**
 * A {@link Network} read from a plain edge list — call records, transfers — in CSV or TSV with a header row: one
 * edge per row from the {@code source} column's value to the {@code target} column's, optionally weighted. No
 * workspace is involved: the file is the caller's own, so every node and edge carries the one label the caller
 * gives. Rows between the same two nodes make one edge ({@code count} rows, the weights summed into
 * {@code amount}; the algorithms weight edges by count, as for a workspace's graph), whose evidence
 * ({@link GraphEdge#statements()}) is the rows' line numbers ({@code line:12}). A bad row — a missing cell, a weight
 * that is not a finite non-negative number, a node joined to itself — is left out and named in {@link #rejected()}
 * with its line and the reason; it never stops the read.
 *
 * <p>Node ids: a value that is already a valid lower-case {@link EntityId} is its own id; any other value
 * ({@code +33 6 12 34 56 78}, {@code Alice}) gets a stable derived id ({@link #id(String)}) and is the node's caption,
 * so answers can still be looked up by the value the file holds.
 */
public final class EdgeList {
  private static final Pattern PLAIN_ID = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,127}");

  /** The columns to read and how to read them. */
  public record Columns(String source, String target, Optional<String> weight, boolean directed) {
    public Columns {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(weight, "weight");
    }

    /** Undirected, unweighted edges from {@code source} to {@code target}. */
    public static Columns of(String source, String target) {
      return new Columns(source, target, Optional.empty(), false);
    }

    /** The same, with weights read from {@code column}. */
    public Columns withWeight(String column) {
      return new Columns(source, target, Optional.of(column), directed);
    }

    /** The same, directed (source → target) or not. */
    public Columns withDirected(boolean isDirected) {
      return new Columns(source, target, weight, isDirected);
    }
  }

  /** A row left out: the line it starts on (1 is the header) and why. */
  public record Rejected(long line, String reason) {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  private final Network network;
  private final List<Rejected> rejected;

  private EdgeList(Network network, List<Rejected> rejected) {
    this.network = network;
    this.rejected = List.copyOf(rejected);
  }

  /** The network of the rows read. */
  public Network network() {
    return network;
  }

  /** The rows left out, in file order. */
  public List<Rejected> rejected() {
    return rejected;
  }

  /** The id of the node standing for {@code value} in an edge list. */
  public static EntityId id(String value) {
    String v = value.trim();
    return PLAIN_ID.matcher(v).matches() ? EntityId.of(v) : EntityId.fromSource("edges", v);
  }

  /**
   * Reads {@code file}: TSV when its name ends in {@code .tsv} or {@code .tab}, CSV (RFC 4180, leniently) otherwise.
   *
   * @throws InsightException when the file is empty or lacks a named column
   * @throws UncheckedIOException when it cannot be read
   */
  public static EdgeList read(Path file, Columns columns, Label label) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean tsv = name.endsWith(".tsv") || name.endsWith(".tab");
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, tsv ? '\t' : ',', columns, label, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the edge list " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads an edge list with this delimiter from {@code in} (not closed); {@code name} names it in errors. */
  public static EdgeList read(Reader in, char delimiter, Columns columns, Label label, String name) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(label, "label");
    CSVFormat format = (delimiter == '\t' ? CSVFormat.TDF : CSVFormat.RFC4180).builder().setDelimiter(delimiter)
        .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).setTrailingData(true).get();
    List<Rejected> rejected = new ArrayList<>();
    EdgeRows rows = new EdgeRows(columns.directed(), label, EdgeList::id);
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
        String wv = w < 0 ? null : cell(r, w);
        if (a == null || b == null || (w >= 0 && wv == null)) {
          rejected.add(new Rejected(line, "missing " + (a == null ? columns.source() : b == null ? columns.target()
              : columns.weight().orElseThrow()) + " (" + r.size() + " of " + header.size() + " cells)"));
          continue;
        }
        double weight = 1;
        if (wv != null) {
          try {
            weight = Double.parseDouble(wv);
          } catch (NumberFormatException e) {
            weight = Double.NaN;
          }
        }
        if (!Double.isFinite(weight) || weight < 0) {
          rejected.add(new Rejected(line, "weight \"" + wv + "\" is not a finite non-negative number"));
          continue;
        }
        int u = rows.node(a);
        int v = rows.node(b);
        if (u == v) {
          rejected.add(new Rejected(line, "joins " + a + " to itself"));
          continue;
        }
        rows.add(u, a, v, b, weight, line);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new InsightException("cannot read the edge list " + name + ": " + e.getMessage()
          + "; is it CSV (or TSV, named .tsv) with a header row?", e);
    }
    List<String> notes = rejected.isEmpty() ? List.of()
        : List.of(rejected.size() + " rows of " + name + " left out (see EdgeList.rejected())");
    return new EdgeList(rows.network(notes), rejected);
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
}
