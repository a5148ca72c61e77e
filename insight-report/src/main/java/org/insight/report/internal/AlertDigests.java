package org.insight.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.report.ProductKind;
import org.insight.report.Row;
import org.insight.report.Section;
import org.insight.workspace.Alert;
import org.insight.workspace.AlertDigest;
import org.insight.workspace.Session;
import org.insight.workspace.StandingQuery;

/**
 * A principal's daily alert digest: the reader's own alerts of the day ({@code Alerts.digest}), one table per standing
 * query, each alert with what it points at named as the reader may see it now (an entity's caption, a document's
 * title; the id alone when it is no longer visible) and its evidence. Nothing of another principal's, nothing the
 * reader cannot see: the alerts come filtered by the session, and every name through its reads.
 */
public final class AlertDigests {
  private AlertDigests() {}

  public static Collected read(Session reader, LocalDate day) {
    AlertDigest digest = reader.alerts().digest(day);
    Collected c = new Collected("Alerts of " + digest.principal() + " on " + day, ProductKind.ALERTS);
    c.label(digest.label());
    Map<String, String> names = names(reader, digest.alerts());
    if (digest.alerts().isEmpty()) {
      c.add(new Section.Note("No alerts", "No standing query of " + digest.principal() + " raised an alert on " + day
          + " that this session may see."));
      return c;
    }
    Set<String> shown = new LinkedHashSet<>();
    for (StandingQuery q : digest.queries()) {
      List<Row> rows = new ArrayList<>();
      for (Alert a : digest.alerts()) {
        if (a.queryId().equals(q.id())) {
          rows.add(row(c, a, names));
          shown.add(a.id());
        }
      }
      c.item(q.id());
      c.add(new Section.Table(q.reason() + " — " + q.kind().name().toLowerCase(Locale.ROOT) + ": " + q.text()
          + " [" + q.label() + "]", List.of("alert", "raised", "kind", "what", "evidence", "acknowledged", "label"), rows));
    }
    List<Row> others = new ArrayList<>();
    for (Alert a : digest.alerts()) {
      if (!shown.contains(a.id())) {
        others.add(row(c, a, names)); // its query was removed since (its alerts stay listed)
      }
    }
    if (!others.isEmpty()) {
      c.add(new Section.Table("Standing queries removed since", List.of("alert", "raised", "kind", "what",
          "evidence", "acknowledged", "label"), others));
    }
    return c;
  }

  private static Row row(Collected c, Alert a, Map<String, String> names) {
    c.item(a.id());
    c.label(a.label());
    String evidence = (a.documentIds().isEmpty() ? "" : a.documentIds().size() + " document(s): "
        + String.join(", ", a.documentIds())) + (a.documentIds().isEmpty() || a.statementIds().isEmpty() ? "" : "; ")
        + (a.statementIds().isEmpty() ? "" : a.statementIds().size() + " statement(s)");
    // the alert's id is shown: it is what acknowledging it takes (insight alerts --ack ID)
    return new Row(a.id(), List.of(a.id(), a.raised().toString(), a.kind().name().toLowerCase(Locale.ROOT),
        names.getOrDefault(a.itemId(), a.itemId()), evidence, a.acknowledged().map(Object::toString).orElse(""),
        a.label().toString()), List.of());
  }

  /** The captions of the entities and the titles of the documents the alerts point at, as the reader sees them. */
  private static Map<String, String> names(Session reader, List<Alert> alerts) {
    Set<EntityId> entities = new LinkedHashSet<>();
    Set<String> documents = new LinkedHashSet<>();
    for (Alert a : alerts) {
      switch (a.kind()) {
        case ENTITY, LINK -> entities.add(EntityId.of(a.itemId()));
        case DOCUMENT -> documents.add(a.itemId());
        default -> { }
      }
    }
    Map<String, String> names = new HashMap<>();
    if (!entities.isEmpty()) {
      for (Entity e : reader.entities(entities)) {
        names.put(e.id().value(), e.caption() + " (" + e.id().value() + ")");
      }
    }
    for (String d : documents) {
      reader.document(d).ifPresent(doc -> names.put(d, doc.title().isBlank() ? d : doc.title() + " (" + d + ")"));
    }
    return names;
  }
}
