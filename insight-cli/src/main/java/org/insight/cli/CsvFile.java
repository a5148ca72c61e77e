package org.insight.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.insight.InsightException;

/**
 * A CSV file with a header row, as the commands' input files (records, labelled pairs, screening queries, batch
 * queries) are. Apache Commons CSV reads it as RFC 4180 (quoted cells may hold commas, doubled quotes and line
 * breaks), leniently as real exports need: a byte-order mark, spaces around cells and before a quote, blank lines.
 * A file named .tsv or .tab is read tab-separated.
 * Each row knows the line it starts on, so a bad row can be reported and skipped.
 */
final class CsvFile implements Closeable, Iterable<CsvFile.Row> {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setIgnoreSurroundingSpaces(true)
      .setIgnoreEmptyLines(false) // blank rows are skipped here, so that line numbers stay right
      .setTrailingData(true)
      .get();
  /** The same, tab-separated, for files named .tsv or .tab. */
  private static final CSVFormat TSV = FORMAT.builder().setDelimiter('\t').get();

  private final Path file;
  private final CSVParser parser;
  private final List<String> header;

  private CsvFile(Path file, CSVParser parser, List<String> header) {
    this.file = file;
    this.parser = parser;
    this.header = header;
  }

  /**
   * Opens {@code file} and reads its header; {@code headerHint} says what the header should hold, for the error
   * when the file is empty.
   */
  static CsvFile open(Path file, String headerHint) {
    CSVParser parser = null;
    try {
      String fileName = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
      parser = CSVParser.parse(file, StandardCharsets.UTF_8,
          fileName.endsWith(".tsv") || fileName.endsWith(".tab") ? TSV : FORMAT);
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        throw new InsightException(file + " is empty; it needs a header row" + headerHint);
      }
      List<String> names = new ArrayList<>();
      for (String name : it.next()) {
        names.add(name.replace("\uFEFF", "").trim());
      }
      CsvFile csv = new CsvFile(file, parser, List.copyOf(names));
      parser = null;
      return csv;
    } catch (IOException | UncheckedIOException e) {
      throw unreadable(file, 1, e);
    } finally {
      closeQuietly(parser);
    }
  }

  /** The column names, trimmed, byte-order mark dropped. */
  List<String> header() {
    return header;
  }

  /** The column names in lower case, for files whose column names are matched case-insensitively. */
  List<String> lowerCaseHeader() {
    return header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }

  /** The rows after the header, blank rows skipped; a row that cannot be parsed ends reading with its line. */
  @Override
  public Iterator<Row> iterator() {
    Iterator<CSVRecord> records = parser.iterator();
    return new Iterator<>() {
      private long linesRead = parser.getCurrentLineNumber();
      private Row next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          CSVRecord r;
          try {
            if (!records.hasNext()) {
              return false;
            }
            r = records.next();
          } catch (UncheckedIOException e) {
            throw unreadable(file, linesRead + 1, e);
          }
          long start = linesRead + 1;
          linesRead = parser.getCurrentLineNumber();
          if (r.size() > 1 || !r.get(0).isBlank()) {
            next = new Row(start, r.toList());
          }
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }
    };
  }

  @Override
  public void close() {
    closeQuietly(parser);
  }

  /** A cell quoted for CSV output when it holds a comma, a quote or a line break. */
  static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /** One row: the line it starts on and its cells as written. */
  record Row(long line, List<String> cells) {
    Row {
      cells = List.copyOf(cells);
    }

    /** Cell {@code i} trimmed; empty when the row is shorter or {@code i} is negative (a missing column). */
    String cell(int i) {
      return i >= 0 && i < cells.size() ? cells.get(i).trim() : "";
    }
  }

  private static InsightException unreadable(Path file, long line, Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    return new InsightException(file + " is not readable as CSV from line " + line + ": " + cause.getMessage()
        + "; check the quotes and the encoding (UTF-8)", e);
  }

  private static void closeQuietly(CSVParser parser) {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException ignored) {
        // nothing was written, so nothing is lost
      }
    }
  }
}
