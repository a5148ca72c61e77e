package org.insight.report.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.report.ProductKind;
import org.insight.report.ReportException;
import org.insight.report.Row;
import org.insight.report.Section;
import org.insight.workspace.CaseEvent;
import org.insight.workspace.CaseItem;
import org.insight.workspace.CaseTarget;
import org.insight.workspace.CaseView;
import org.insight.workspace.Session;

/**
 * A case digest: the case as the reader may see it (members, what it concerns, notes and annotations, tasks, history),
 * each item labelled as the case holds it. The case is read through {@code Session.cases()}, so a hidden item is not
 * in the digest, not even as a count; what the case refers to is named by the caption (or title) the reader may see.
 */
public final class CaseDigests {
  private CaseDigests() {}

  public static Collected read(Session reader, String caseId) {
    CaseView view = reader.cases().show(caseId).orElseThrow(() -> new ReportException("no case " + caseId
        + " is visible to this session; give the id of a case it is a member of (insight case list shows them)"));
    Collected c = new Collected("Case: " + view.summary().title(), ProductKind.CASE);
    c.item(view.id());
    c.label(view.summary().label());
    Map<String, String> names = names(reader, view);

    List<Row> members = new ArrayList<>();
    for (CaseItem m : view.members()) {
      members.add(row(c, m, List.of(m.principal(), m.state(), m.createdAt().toString(), m.label().toString())));
    }
    c.add(new Section.Table("Members", List.of("principal", "state", "since", "label"), members));

    List<Row> references = new ArrayList<>();
    for (CaseItem r : view.references()) {
      CaseTarget t = r.target().orElseThrow();
      references.add(row(c, r, List.of(t.kind().text(), names.getOrDefault(t.id(), t.id()), r.author(),
          r.createdAt().toString(), r.label().toString())));
    }
    c.add(new Section.Table("What the case concerns", List.of("kind", "what", "added by", "when", "label"),
        references));

    List<Row> notes = new ArrayList<>();
    for (CaseItem n : view.notes()) {
      String on = n.target().map(t -> t.kind().text() + " " + names.getOrDefault(t.id(), t.id())).orElse("the case");
      notes.add(row(c, n, List.of(n.updatedAt().toString(), n.author(), on, n.text(), Long.toString(n.version()),
          n.label().toString())));
    }
    c.add(new Section.Table("Notes and annotations", List.of("when", "author", "on", "text", "version", "label"),
        notes));

    List<Row> tasks = new ArrayList<>();
    for (CaseItem t : view.tasks()) {
      tasks.add(row(c, t, List.of(t.text(), t.owner(), t.due().map(Object::toString).orElse(""), t.state(),
          Long.toString(t.version()), t.label().toString())));
    }
    c.add(new Section.Table("Tasks", List.of("task", "owner", "due", "state", "version", "label"), tasks));

    List<Row> history = new ArrayList<>();
    for (CaseEvent e : view.history()) {
      c.label(e.label());
      history.add(new Row(e.itemId() + "@" + e.version(), List.of(e.at().toString(), e.by(), e.kind().text(),
          e.action(), String.join(", ", e.changed()), Long.toString(e.version()), e.label().toString()), List.of()));
    }
    c.add(new Section.Table("History", List.of("when", "by", "item", "action", "changed", "version", "label"),
        history));
    return c;
  }

  private static Row row(Collected c, CaseItem item, List<String> cells) {
    c.item(item.id());
    c.label(item.label());
    return new Row(item.id(), cells, List.of());
  }

  /** The captions of the entities and the titles of the documents the case refers to, as the reader sees them. */
  private static Map<String, String> names(Session reader, CaseView view) {
    Set<EntityId> entities = new LinkedHashSet<>();
    Set<String> documents = new LinkedHashSet<>();
    List<CaseItem> targeted = new ArrayList<>(view.references());
    targeted.addAll(view.notes());
    for (CaseItem i : targeted) {
      i.target().ifPresent(t -> {
        switch (t.kind()) {
          case DOCUMENT, SPAN -> documents.add(t.id());
          case FLAG -> { }
          default -> entities.add(EntityId.of(t.id()));
        }
      });
    }
    Map<String, String> names = new HashMap<>();
    for (Entity e : reader.entities(entities)) {
      names.put(e.id().value(), e.caption() + " (" + e.id().value() + ")");
    }
    for (String d : documents) {
      reader.document(d).ifPresent(doc -> names.put(d, doc.title().isBlank() ? d : doc.title() + " (" + d + ")"));
    }
    return names;
  }
}
