package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.insight.InsightException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {
  @TempDir Path dir;

  List<CsvFile.Row> rows(String text) throws Exception {
    Path f = dir.resolve("in.csv");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    List<CsvFile.Row> rows = new ArrayList<>();
    try (CsvFile csv = CsvFile.open(f, "")) {
      csv.forEach(rows::add);
    }
    return rows;
  }

  @Test
  void quotedCellsMayHoldCommasQuotesAndLineBreaks() throws Exception {
    List<CsvFile.Row> rows = rows("id,note\r\n1,\"two\nlines, and a \"\"quote\"\"\"\r\n2, \"spaced\"\n");
    assertEquals(List.of("1", "two\nlines, and a \"quote\""), rows.get(0).cells());
    assertEquals("spaced", rows.get(1).cell(1), "a space before a quote, as real exports write");
    assertEquals(2, rows.get(0).line());
    assertEquals(4, rows.get(1).line(), "the row after a two-line cell starts on line 4");
  }

  @Test
  void blankRowsAreSkippedAndLinesStayRight() throws Exception {
    List<CsvFile.Row> rows = rows("\uFEFFid , name\n\n7,Ann\n\n8\n");
    assertEquals(List.of(3L, 5L), rows.stream().map(CsvFile.Row::line).toList());
    assertEquals("", rows.get(1).cell(1), "a short row's missing cell is empty");
    assertEquals("", rows.get(1).cell(-1), "a missing column is empty");
  }

  @Test
  void theHeaderIsTrimmedWithoutItsByteOrderMark() throws Exception {
    Path f = dir.resolve("h.csv");
    Files.writeString(f, "\uFEFFId , Name\n", StandardCharsets.UTF_8);
    try (CsvFile csv = CsvFile.open(f, "")) {
      assertEquals(List.of("Id", "Name"), csv.header());
      assertEquals(List.of("id", "name"), csv.lowerCaseHeader());
    }
  }

  @Test
  void anEmptyFileOrAnUnclosedQuoteIsAClearError() throws Exception {
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    InsightException e = assertThrows(InsightException.class, () -> CsvFile.open(empty, ": id,name"));
    assertTrue(e.getMessage().contains("is empty; it needs a header row: id,name"), e.getMessage());
    InsightException q = assertThrows(InsightException.class, () -> rows("id,name\n1,ok\n2,\"never closed\n3,x\n"));
    assertTrue(q.getMessage().contains("from line 3"), q.getMessage());
  }

  @Test
  void quoteRoundTripsThroughTheReader() throws Exception {
    String cell = "a, \"b\"\nc";
    assertEquals(List.of("x", cell), rows("h1,h2\nx," + CsvFile.quote(cell) + "\n").get(0).cells());
    assertEquals("plain", CsvFile.quote("plain"));
  }
}
