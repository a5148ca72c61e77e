package org.insight.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.insight.core.EntityId;
import org.insight.geo.GeoFeature;
import org.insight.geo.HotspotCell;
import org.insight.graph.Network;
import org.insight.trends.Alarm;
import org.insight.trends.Series;

/** One part of a {@link Product}: a table, statements by property, a figure (network, map, series) or a note. */
public sealed interface Section {

  /** The section's heading. */
  String title();

  /** A table: its columns and its rows, each with its provenance. */
  record Table(String title, List<String> columns, List<Row> rows) implements Section {
    public Table {
      Objects.requireNonNull(title, "title");
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
      for (Row r : rows) {
        if (r.cells().size() != columns.size()) {
          throw new IllegalArgumentException("row " + r.item() + " has " + r.cells().size() + " cells for "
              + columns.size() + " columns " + columns);
        }
      }
    }
  }

  /** Statements grouped by property (in property order), each with its provenance and grading. */
  record Statements(String title, List<PropertyGroup> groups) implements Section {
    public Statements {
      Objects.requireNonNull(title, "title");
      groups = List.copyOf(groups);
    }

    /** How many statements in all. */
    public int size() {
      return groups.stream().mapToInt(g -> g.claims().size()).sum();
    }
  }

  /** The visible statements of one property. */
  record PropertyGroup(String property, List<Claim> claims) {
    public PropertyGroup {
      Objects.requireNonNull(property, "property");
      claims = List.copyOf(claims);
    }
  }

  /** A link chart of a network, centred on an entity when it has one. */
  record NetworkFigure(String title, Network network, Optional<EntityId> centre) implements Section {
    public NetworkFigure {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(network, "network");
      Objects.requireNonNull(centre, "centre");
    }
  }

  /** A map: points (a feature's {@code cluster} property, when it has one, is its DBSCAN cluster) and hotspot cells. */
  record MapFigure(String title, List<GeoFeature> points, List<HotspotCell> cells) implements Section {
    public MapFigure {
      Objects.requireNonNull(title, "title");
      points = List.copyOf(points);
      cells = List.copyOf(cells);
    }
  }

  /** Time series with what their history expected, and the alarms raised on them. */
  record SeriesFigure(String title, List<Series> series, List<Alarm> alarms) implements Section {
    public SeriesFigure {
      Objects.requireNonNull(title, "title");
      series = List.copyOf(series);
      alarms = List.copyOf(alarms);
    }
  }

  /** Text: what a product could not show, and why. */
  record Note(String title, String text) implements Section {
    public Note {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(text, "text");
    }
  }
}
