package org.insight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.insight.geo.CoordinateException;
import org.insight.geo.Coordinates;
import org.insight.geo.GeoFeature;
import org.insight.geo.GeoPoint;
import org.insight.geo.Sighting;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --points FILE --lat COL --lon COL [--time COL] [--id COL]}: the geo commands on the caller's own file
 * instead of a workspace (no session: the file is the caller's). CSV, or TSV when the name ends in .tsv or .tab;
 * columns named as in the header (case-insensitive). Coordinates in any form {@link Coordinates#of} reads (decimal,
 * hemisphere letters, degrees-minutes-seconds). A row whose coordinates are unreadable or out of range is reported
 * on stderr (line, column, value, why) and left out — never fatal; an unreadable time is reported and the point kept
 * without it.
 */
final class GeoPointsOptions {
  @Option(names = "--points", paramLabel = "FILE", description = "Read points from this CSV/TSV file instead of a"
      + " workspace (needs --lat and --lon).")
  Path file;

  @Option(names = "--lat", paramLabel = "COL", description = "With --points: the latitude column.")
  String latColumn;

  @Option(names = "--lon", paramLabel = "COL", description = "With --points: the longitude column.")
  String lonColumn;

  @Option(names = "--time", paramLabel = "COL", description = "With --points: the time column (ISO 8601; without an"
      + " offset read as UTC).")
  String timeColumn;

  @Option(names = "--id", paramLabel = "COL", description = "With --points: the id column (default: the line number).")
  String idColumn;

  /** One point of the file. */
  record Point(String id, GeoPoint point, Optional<Instant> time, long line) {
    GeoFeature feature() {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("line", line);
      time.ifPresent(t -> props.put("time", t.toString()));
      return new GeoFeature(id, point, props);
    }
  }

  /** What was read: the points, in file order, and how many rows were left out. */
  record Read(List<Point> points, int skipped) {}

  /** Whether --points was given; refuses --lat/--lon/--time/--id without it. */
  boolean given(CommandSpec spec) {
    if (file == null && (latColumn != null || lonColumn != null || timeColumn != null || idColumn != null)) {
      throw new ParameterException(spec.commandLine(), "--lat, --lon, --time and --id describe a --points file;"
          + " give --points FILE too");
    }
    return file != null;
  }

  /** The file's points; bad rows reported on the command's stderr. */
  Read read(CommandSpec spec) {
    if (latColumn == null || lonColumn == null) {
      throw new ParameterException(spec.commandLine(), "--points needs --lat COL and --lon COL (the columns that"
          + " hold the latitude and the longitude)");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Point> points = new ArrayList<>();
    int skipped = 0;
    try (CsvFile csv = CsvFile.open(file, " naming the --lat and --lon columns")) {
      List<String> header = csv.lowerCaseHeader();
      int lat = column(spec, header, csv.header(), latColumn, "--lat");
      int lon = column(spec, header, csv.header(), lonColumn, "--lon");
      int time = timeColumn == null ? -1 : column(spec, header, csv.header(), timeColumn, "--time");
      int id = idColumn == null ? -1 : column(spec, header, csv.header(), idColumn, "--id");
      for (CsvFile.Row row : csv) {
        String latValue = row.cell(lat);
        String lonValue = row.cell(lon);
        GeoPoint p;
        try {
          p = Coordinates.of(latValue, lonValue);
        } catch (CoordinateException e) {
          // name the column at fault: the latitude alone is checked against a harmless longitude
          String bad = latColumn;
          String value = latValue;
          try {
            Coordinates.of(latValue, "0");
            bad = lonColumn;
            value = lonValue;
          } catch (CoordinateException latitudeAtFault) {
            // the latitude is the bad one
          }
          err.printf(Locale.ROOT, "insight: %s line %d: column '%s' value \"%s\": %s; row left out%n", file,
              row.line(), bad, value, e.getMessage());
          skipped++;
          continue;
        }
        String rowId = id < 0 ? "line " + row.line() : row.cell(id);
        if (rowId.isEmpty()) {
          err.printf(Locale.ROOT, "insight: %s line %d: column '%s' is empty: a point needs an id; row left out%n",
              file, row.line(), idColumn);
          skipped++;
          continue;
        }
        Optional<Instant> when = Optional.empty();
        if (time >= 0) {
          String t = row.cell(time);
          try {
            when = Optional.of(instant(t));
          } catch (DateTimeParseException e) {
            err.printf(Locale.ROOT, "insight: %s line %d: column '%s' value \"%s\": not an ISO 8601 date-time"
                + " (2024-03-01T10:15:00Z); point kept without a time%n", file, row.line(), timeColumn, t);
          }
        }
        points.add(new Point(rowId, p, when, row.line()));
      }
    }
    if (skipped > 0) {
      err.printf(Locale.ROOT, "insight: %s: %d row(s) left out, %d point(s) read%n", file, skipped, points.size());
    }
    return new Read(List.copyOf(points), skipped);
  }

  /** The file's timed points as sightings of their id (needs --id and --time); rows without a time are reported. */
  List<Sighting> sightings(CommandSpec spec, Read read) {
    if (idColumn == null || timeColumn == null) {
      throw new ParameterException(spec.commandLine(), "co-location on a --points file needs --id COL (who was"
          + " seen) and --time COL (when)");
    }
    List<Sighting> out = new ArrayList<>();
    for (Point p : read.points()) {
      if (p.time().isPresent()) {
        out.add(new Sighting(p.id(), p.point(), p.time().get(), file.getFileName() + ":" + p.line()));
      }
    }
    return out;
  }

  static Instant instant(String text) {
    String t = text.trim();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }
  }

  private static int column(CommandSpec spec, List<String> lower, List<String> header, String name, String option) {
    int i = lower.indexOf(name.trim().toLowerCase(Locale.ROOT));
    if (i < 0) {
      throw new ParameterException(spec.commandLine(), option + " " + name + ": no such column; the file has "
          + String.join(", ", header));
    }
    return i;
  }
}
