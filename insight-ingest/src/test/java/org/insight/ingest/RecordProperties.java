package org.insight.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.insight.core.Entity;
import org.insight.core.Link;
import org.insight.core.Schema;
import org.insight.ingest.internal.CsvParser;

class RecordProperties {

  @Provide
  Arbitrary<List<List<String>>> rows() {
    Arbitrary<String> cell = Arbitraries.strings().withChars("ab ,;\t\"\r\n'é").ofMaxLength(8);
    return cell.list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<Character> delimiters() {
    return Arbitraries.of(',', ';', '\t', '|');
  }

  static String quote(String cell, char delimiter) {
    boolean needs = cell.indexOf(delimiter) >= 0 || cell.contains("\"") || cell.contains("\r") || cell.contains("\n");
    return needs ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
  }

  /** Any rows, written with quoting where needed (CRLF line ends, maybe a BOM), read back equal. */
  @Property(tries = 300)
  void csvRoundTrip(@ForAll("rows") List<List<String>> rows, @ForAll("delimiters") char delimiter,
      @ForAll boolean bom) throws IOException {
    StringBuilder sb = new StringBuilder(bom ? "\uFEFF" : "");
    for (List<String> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : row) {
        cells.add(quote(c, delimiter));
      }
      sb.append(String.join(String.valueOf(delimiter), cells)).append("\r\n");
    }
    CsvParser parser = new CsvParser(new InputStreamReader(
        new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8), delimiter);
    List<List<String>> back = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    CsvParser.Row r;
    while ((r = parser.next()) != null) {
      back.add(r.cells());
      lines.add(r.line());
    }
    assertEquals(rows, back);
    // each row starts on the physical line after the previous row's line breaks
    long expected = 1;
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(expected, lines.get(i));
      for (String c : rows.get(i)) {
        expected += c.replace("\r\n", "\n").chars().filter(ch -> ch == '\n' || ch == '\r').count();
      }
      expected++;
    }
  }

  @Provide
  Arbitrary<List<String[]>> calls() {
    Arbitrary<String> number = Arbitraries.of("+33612345678", "0033 6 12 34 56 78", "+447700900123",
        "+4915112345678", "+33 1 23 45 67 89", "+12025550143");
    Arbitrary<String> time = Arbitraries.integers().between(0, 59)
        .map(m -> String.format("2026-03-14 10:%02d:00", m));
    return Arbitraries.oneOf(
        net.jqwik.api.Combinators.combine(number, number, time).as((a, b, t) -> new String[] {a, b, t}))
        .list().ofMinSize(1).ofMaxSize(25);
  }

  private static List<MappedRecord> readCdr(List<String[]> rows) {
    StringBuilder sb = new StringBuilder("caller,callee,start_time\n");
    for (String[] r : rows) {
      sb.append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append('\n');
    }
    List<MappedRecord> out = new ArrayList<>();
    RecordReader.builder(RecordMapping.builtIn("cdr"), Fixtures.DATASET).build().read(
        new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), "calls.csv", null, out::add);
    return out;
  }

  /**
   * Entity ids depend on keys, not on rows: the same number is the same Phone in every row, the ids are the same
   * in any row order, and reading twice gives identical entities.
   */
  @Property(tries = 50)
  void keyedIdsAreDeterministicAndOrderIndependent(@ForAll("calls") List<String[]> rows, @ForAll long seed) {
    List<MappedRecord> once = readCdr(rows);
    assertEquals(once, readCdr(rows), "reading is deterministic");
    List<String[]> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(seed));
    List<MappedRecord> other = readCdr(shuffled);

    Map<String, String> ids = phoneIds(once);
    assertEquals(ids, phoneIds(other), "number → id does not depend on row order");
    assertEquals(ids.size(), new java.util.HashSet<>(ids.values()).size(), "distinct numbers, distinct ids");
    assertEquals(callEnds(once), callEnds(other));
  }

  private static Map<String, String> phoneIds(List<MappedRecord> records) {
    Map<String, String> ids = new HashMap<>();
    for (MappedRecord r : records) {
      assertTrue(r.ok(), r.problems().toString());
      for (Entity e : r.entities()) {
        String number = e.first("number").orElseThrow();
        String previous = ids.put(number, e.id().value());
        assertTrue(previous == null || previous.equals(e.id().value()), "one number, one id: " + number);
      }
    }
    return new TreeMap<>(ids);
  }

  private static Map<String, Integer> callEnds(List<MappedRecord> records) {
    Map<String, Integer> ends = new TreeMap<>();
    for (MappedRecord r : records) {
      for (Entity e : r.links()) {
        Link l = Link.of(e, Schema.defaults()).orElseThrow();
        ends.merge(l.source() + ">" + l.target() + "@" + e.first("startTime").orElseThrow(), 1, Integer::sum);
      }
    }
    return ends;
  }

  /** Splitting, trimming and lookups never produce blank values, and keep every non-blank part. */
  @Property(tries = 200)
  void splitKeepsEveryNonBlankPart(@ForAll @Size(max = 6) List<@net.jqwik.api.constraints.AlphaChars String> parts) {
    RecordMapping m = RecordMapping.builder("split").format(RecordFormat.JSON_LINES)
        .entity("p", "Person", s -> s.property("alias", ValueSource.field("aliases").split("|")))
        .build();
    String joined = String.join(" | ", parts);
    String line = "{\"aliases\": " + com.fasterxml.jackson.databind.node.TextNode.valueOf(joined) + "}\n";
    List<MappedRecord> out = new ArrayList<>();
    RecordReader.builder(m, Fixtures.DATASET).build().read(
        new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), "a.jsonl", null, out::add);
    List<String> expected = parts.stream().filter(p -> !p.isBlank()).distinct().sorted().toList();
    if (expected.isEmpty()) {
      assertEquals(List.of("no mapped field has a value in this row"),
          out.get(0).problems().stream().map(RowProblem::reason).toList());
    } else {
      assertEquals(expected, out.get(0).entities().get(0).values("alias").stream().sorted().toList());
    }
  }
}
