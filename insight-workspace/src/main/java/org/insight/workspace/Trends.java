package org.insight.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.trends.Occurrence;
import org.insight.trends.TrendAnalysis;
import org.insight.trends.TrendData;
import org.insight.trends.TrendEvent;
import org.insight.trends.TrendReport;

/**
 * Trends in a workspace, bound to one {@link Session} (get it with {@link Session#trends()}): the events of a
 * {@link TrendSource} as this session may see them, statement by statement — an invisible time, category value or
 * whole record never counts, never moves a day and never opens a category — and their series, alarms, comparisons
 * and new co-occurrences by a {@link TrendAnalysis}. Each event carries the conjunction of the labels of the
 * statements it was built from (its time and its category value), and the report the conjunction of all of them.
 * Every call writes exactly one audit entry, before it returns (rule 6); nothing is written to the workspace.
 */
public final class Trends {
  private final Session session;

  Trends(Session session) {
    this.session = session;
  }

  /** The visible events of {@code source}, by day, category and source id. */
  public List<TrendEvent> events(TrendSource source) {
    Objects.requireNonNull(source, "source");
    return session.audited("trends.events", source.toString(), () -> read(source).events(),
        list -> list.stream().map(TrendEvent::source).distinct().sorted().toList());
  }

  /** The analysis of the visible events (and occurrences, when the source names a value) of {@code source}. */
  public TrendReport analyse(TrendSource source, TrendAnalysis analysis) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(analysis, "analysis");
    return session.audited("trends.analyse", source + " " + analysis, () -> analysis.analyse(read(source)),
        r -> List.of());
  }

  // ------------------------------------------------------------------ reading the visible data (unaudited)

  /** The visible data of {@code source}, unaudited: only for a caller audited once per pass ({@link PatternEvaluator}). */
  TrendData read(TrendSource source) {
    List<TrendEvent> events = new ArrayList<>();
    List<Occurrence> occurrences = new ArrayList<>();
    long undated = 0;
    long uncategorised = 0;
    boolean documents = source.documents();
    if (documents) {
      for (Document d : session.visibleDocuments()) {
        Optional<LocalDate> day = documentDay(d, source);
        if (day.isEmpty()) {
          undated++;
          continue;
        }
        List<String> categories = switch (source.by()) {
          case "dataset" -> List.of(d.provenance().dataset());
          case "type" -> List.of("Document");
          default -> d.metadata().getOrDefault(source.by(), List.of());
        };
        if (categories.isEmpty()) {
          uncategorised++;
        }
        for (String c : categories) {
          events.add(TrendEvent.of(day.get(), c, d.label(), d.id()));
          for (String v : source.value().map(k -> d.metadata().getOrDefault(k, List.of())).orElse(List.of())) {
            occurrences.add(new Occurrence(day.get(), v, c, Optional.of(d.label()), d.id()));
          }
        }
      }
    } else {
      for (Entity e : session.visibleEntities(source.type())) {
        Optional<Statement> time = time(e, source);
        if (time.isEmpty()) {
          undated++;
          continue;
        }
        LocalDate day = day(time.get().value()).orElseThrow();
        Map<String, Label> categories = categories(e, source, time.get());
        if (categories.isEmpty()) {
          uncategorised++;
        }
        Map<String, Label> values = source.value().map(p -> values(e, p)).orElse(Map.of());
        for (Map.Entry<String, Label> c : categories.entrySet()) {
          Label label = time.get().label().and(c.getValue());
          events.add(TrendEvent.of(day, c.getKey(), label, e.id().value()));
          for (Map.Entry<String, Label> v : values.entrySet()) {
            occurrences.add(new Occurrence(day, v.getKey(), c.getKey(), Optional.of(label.and(v.getValue())),
                e.id().value()));
          }
        }
      }
    }
    List<String> notes = new ArrayList<>();
    if (undated > 0) {
      notes.add(undated + " visible " + source.type() + "(s) without a day in "
          + source.time().orElse(documents ? "created/date" : "startTime/date/startDate") + " left out");
    }
    if (uncategorised > 0) {
      notes.add(uncategorised + " visible " + source.type() + "(s) without a " + source.by() + " left out");
    }
    return new TrendData(events, occurrences, notes);
  }

  /** The earliest visible statement of the time property that names a day. */
  private static Optional<Statement> time(Entity e, TrendSource source) {
    List<String> properties = source.time().map(List::of).orElse(TrendSource.TIMES);
    for (String property : properties) {
      Statement best = null;
      LocalDate bestDay = null;
      for (Statement s : e.statements()) {
        if (s.property().equals(property)) {
          Optional<LocalDate> d = day(s.value());
          if (d.isPresent() && (bestDay == null || d.get().isBefore(bestDay)
              || d.get().equals(bestDay) && s.id().compareTo(best.id()) < 0)) {
            best = s;
            bestDay = d.get();
          }
        }
      }
      if (best != null) {
        return Optional.of(best);
      }
    }
    return Optional.empty();
  }

  /** Category → the conjunction of the labels of the visible statements that give it. */
  private static Map<String, Label> categories(Entity e, TrendSource source, Statement time) {
    Map<String, Label> out = new LinkedHashMap<>();
    switch (source.by()) {
      case "dataset" -> out.put(time.provenance().dataset(), time.label());
      case "type" -> out.put(e.schema(), time.label());
      default -> out.putAll(values(e, source.by()));
    }
    return out;
  }

  private static Map<String, Label> values(Entity e, String property) {
    Map<String, Label> out = new java.util.TreeMap<>();
    for (Statement s : e.statements()) {
      if (s.property().equals(property) && !s.value().isBlank()) {
        out.merge(s.value(), s.label(), Label::and);
      }
    }
    return out;
  }

  private static Optional<LocalDate> documentDay(Document d, TrendSource source) {
    for (String key : source.time().map(List::of).orElse(TrendSource.DOCUMENT_TIMES)) {
      Optional<LocalDate> day = d.metadata().getOrDefault(key, List.of()).stream().map(Trends::day)
          .flatMap(Optional::stream).min(LocalDate::compareTo);
      if (day.isPresent()) {
        return day;
      }
    }
    return Optional.empty();
  }

  /** The day a stored time names: an instant or offset date-time on its UTC day, a local date-time or ISO day as is. */
  static Optional<LocalDate> day(String text) {
    String t = text.strip();
    try {
      return Optional.of(LocalDate.ofInstant(OffsetDateTime.parse(t).toInstant(), ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDate.ofInstant(Instant.parse(t), ZoneOffset.UTC));
      } catch (DateTimeParseException e2) {
        try {
          return Optional.of(LocalDateTime.parse(t).toLocalDate());
        } catch (DateTimeParseException e3) {
          try {
            return t.length() == 10 ? Optional.of(LocalDate.parse(t)) : Optional.empty();
          } catch (DateTimeParseException e4) {
            return Optional.empty(); // a year or a month alone is no day
          }
        }
      }
    }
  }
}
