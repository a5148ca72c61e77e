package org.insight.trends;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.insight.InsightException;
import org.insight.core.DateParser;
import org.insight.core.ProgressListener;

/**
 * Events from a CSV file with a header row (tab-separated when named .tsv or .tab): a time column, a category column
 * and, for new co-occurrences, an optional value column (the category is then the value's context). Columns are
 * matched by name, case-insensitively.
 *
 * <p>Times: an ISO instant or offset date-time ({@code 2026-03-14T10:22:05Z}) counts on its UTC day; any other value
 * is read by {@link DateParser#defaults()} — ISO days and date-times as written, {@code 14/03/2026} (day first),
 * {@code 14 March 2026} — and must name a day (a bare year or month is refused). A row whose time cannot be read or
 * whose category is empty is reported as {@code file:line} with the value and why, and left out; the rest are kept.
 * The reports are the {@link TrendData#notes notes} of the result (the first 100 in full, then a count).
 */
public final class CsvEvents {
  private static final int NOTES = 100;
  private static final int CACHE = 100_000;
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true)
      .setIgnoreEmptyLines(true).setTrailingData(true).get();

  private CsvEvents() {}

  /**
   * Reads {@code file}; {@code valueColumn} may be null. Reports progress in bytes ({@code stage} "read").
   *
   * @throws InsightException when the file cannot be read or lacks a named column (naming the columns it has)
   */
  public static TrendData read(Path file, String timeColumn, String categoryColumn, String valueColumn,
      ProgressListener progress) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(timeColumn, "timeColumn");
    Objects.requireNonNull(categoryColumn, "categoryColumn");
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new InsightException("cannot read " + file + ": " + e.getMessage() + "; check the path");
    }
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    CSVFormat format = name.endsWith(".tsv") || name.endsWith(".tab") ? FORMAT.builder().setDelimiter('\t').get()
        : FORMAT;
    List<TrendEvent> events = new ArrayList<>();
    List<Occurrence> occurrences = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    long bad = 0;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         CSVParser parser = CSVParser.parse(reader, format)) {
      var rows = parser.iterator();
      if (!rows.hasNext()) {
        throw new InsightException(file + " is empty; it needs a header row naming the time and category columns");
      }
      List<String> header = new ArrayList<>();
      for (String h : rows.next()) {
        header.add(h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
      }
      int time = column(file, header, timeColumn, "time");
      int category = column(file, header, categoryColumn, "category");
      int value = valueColumn == null ? -1 : column(file, header, valueColumn, "value");
      long line = parser.getCurrentLineNumber();
      long rowCount = 0;
      // a file repeats its days and categories: read each once, keep one copy (bounded, for files of free text)
      Map<String, Optional<LocalDate>> days = new HashMap<>();
      Map<String, String> categories = new HashMap<>();
      while (rows.hasNext()) {
        CSVRecord row = rows.next();
        long at = line + 1;
        line = parser.getCurrentLineNumber();
        if (++rowCount % 65_536 == 0) {
          progress.progress("read", Math.min(size, row.getCharacterPosition()), size);
        }
        String where = file.getFileName() + ":" + at;
        String problem = null;
        String t = cell(row, time);
        String c = cell(row, category);
        Optional<LocalDate> day = days.size() < CACHE ? days.computeIfAbsent(t, CsvEvents::day) : day(t);
        c = categories.size() < CACHE ? categories.computeIfAbsent(c, k -> k) : c;
        if (day.isEmpty()) {
          problem = "column '" + timeColumn + "' value \"" + t + "\" is not a day (write 2026-03-14,"
              + " 14/03/2026 or 2026-03-14T10:22:05Z)";
        } else if (c.isEmpty()) {
          problem = "column '" + categoryColumn + "' is empty: an event needs a category";
        }
        if (problem != null) {
          if (bad++ < NOTES) {
            notes.add(where + ": " + problem + "; row left out");
          }
          continue;
        }
        events.add(new TrendEvent(day.get(), c, Optional.empty(), where));
        if (value >= 0 && !cell(row, value).isEmpty()) {
          occurrences.add(new Occurrence(day.get(), cell(row, value), c, Optional.empty(), where));
        }
      }
      progress.progress("read", size, size);
    } catch (IOException | UncheckedIOException e) {
      throw new InsightException("cannot read " + file + ": " + e.getMessage()
          + "; check that it is a UTF-8 CSV file with a header row");
    }
    if (bad > NOTES) {
      notes.add((bad - NOTES) + " more bad row(s) left out");
    }
    if (bad > 0) {
      notes.add(file.getFileName() + ": " + bad + " row(s) left out, " + events.size() + " event(s) read");
    }
    return new TrendData(events, occurrences, notes);
  }

  /** The day a time value names, if it names one. */
  static Optional<LocalDate> day(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    if (t.length() > 10 && (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$"))) {
      try {
        return Optional.of(LocalDate.ofInstant(OffsetDateTime.parse(t).toInstant(), ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        try {
          return Optional.of(LocalDate.ofInstant(Instant.parse(t), ZoneOffset.UTC));
        } catch (DateTimeParseException e2) {
          // not ISO: the date parser may read it
        }
      }
    }
    try {
      String iso = DateParser.defaults().clean(t);
      return iso.length() == 10 ? Optional.of(LocalDate.parse(iso)) : Optional.empty();
    } catch (InsightException | DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(t.replace(' ', 'T')).toLocalDate());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static String cell(CSVRecord row, int i) {
    return i < row.size() ? row.get(i).strip() : "";
  }

  private static int column(Path file, List<String> header, String name, String what) {
    int i = header.indexOf(name.strip().toLowerCase(Locale.ROOT));
    if (i < 0) {
      throw new InsightException(file + " has no " + what + " column '" + name + "'; its columns are "
          + String.join(", ", header));
    }
    return i;
  }
}
