package org.insight.ingest.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming, lenient CSV reader for real exports: RFC 4180 quoting with doubled quotes, line breaks inside
 * quoted cells, CRLF / LF / CR line ends, spaces before an opening quote, text after a closing quote kept, quotes
 * inside an unquoted cell kept as text, a byte-order mark dropped. Cells are returned as written (not trimmed).
 * Memory is bounded by the largest row ({@link #MAX_ROW_CHARS}). Not API.
 */
public final class CsvParser {
  /** A row longer than this is refused: almost always a quote that is never closed. */
  public static final int MAX_ROW_CHARS = 4 * 1024 * 1024;

  private final Reader in;
  private final char delimiter;
  private int pushed = -2;
  private long line = 1;
  private boolean first = true;

  /** One row: the line it starts on and its cells. */
  public record Row(long line, List<String> cells) {
    /** True when every cell is blank (an empty line, or a line of delimiters). */
    public boolean blank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  /** A row that cannot be read; {@code fatal} when reading cannot go on. */
  public static final class CsvException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long line;

    CsvException(long line, String message) {
      super(message, null, false, false);
      this.line = line;
    }

    public long line() {
      return line;
    }
  }

  public CsvParser(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;

  // our own buffer: Reader.read() per character takes a lock each time
  private int read() throws IOException {
    if (pushed != -2) {
      int c = pushed;
      pushed = -2;
      return c;
    }
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
      if (first) {
        first = false;
        if (buffer[0] == '\uFEFF') {
          position = 1;
          return read();
        }
      }
    }
    return buffer[position++];
  }

  private void unread(int c) {
    pushed = c;
  }

  /** The line the next row starts on. */
  public long line() {
    return line;
  }

  /**
   * The next row, or null at the end.
   *
   * @throws CsvException for a quoted cell never closed or a row over the size limit (reading cannot go on)
   * @throws IOException on a read failure, including bytes that are not valid in the file's encoding
   */
  public Row next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    long start = line;
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    long size = 0;
    boolean quoted = false;
    boolean wasQuoted = false;   // the current cell began with a quote (spaces before it dropped)
    while (true) {
      if (++size > MAX_ROW_CHARS) {
        throw new CsvException(start, "the row is longer than " + MAX_ROW_CHARS + " characters, most likely"
            + " a quote that is never closed; fix the quoting near line " + start);
      }
      if (c == -1) {
        if (quoted) {
          throw new CsvException(start, "a quoted cell that starts on line " + start
              + " is never closed before the end of the file; close the quote (or double a quote inside it)");
        }
        cells.add(cell.toString());
        return new Row(start, cells);
      }
      if (quoted) {
        if (c == '"') {
          int d = read();
          if (d == '"') {
            cell.append('"');
          } else {
            quoted = false;
            unread(d);
          }
        } else {
          if (c == '\n' || (c == '\r' && !peekLf())) {
            line++;
          }
          cell.append((char) c);
        }
      } else if (c == delimiter) {
        cells.add(cell.toString());
        cell.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r') {
          int d = read();
          if (d != '\n') {
            unread(d);
          }
        }
        line++;
        cells.add(cell.toString());
        return new Row(start, cells);
      } else if (c == '"' && !wasQuoted && cell.toString().isBlank()) {
        cell.setLength(0);   // the spaces some exports put after a delimiter, before the quote
        quoted = true;
        wasQuoted = true;
      } else {
        cell.append((char) c);
      }
      c = read();
    }
  }

  // a CR inside a quoted cell counts as a line end unless a LF follows (then the LF counts)
  private boolean peekLf() throws IOException {
    int d = read();
    unread(d);
    return d == '\n';
  }
}
