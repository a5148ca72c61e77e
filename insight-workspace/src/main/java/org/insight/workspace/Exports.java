package org.insight.workspace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Statement;
import org.insight.search.Hit;
import org.insight.search.Query;
import org.insight.search.Scan;
import org.insight.search.SearchResult;
import org.insight.search.Visibility;

/**
 * Builds a session's export ({@link Session#export}) in one audited call: every read goes through the store with the
 * session's visibility inside the query (one snapshot of the visible labels), so an invisible statement is neither
 * exported nor able to select, order or count anything; the one audit entry names every exported entity and is
 * durable before the export is handed over.
 */
final class Exports {
  private Exports() {}

  static Export build(Session session, ExportOptions options) {
    Workspace ws = session.workspace();
    String query = "types=" + (options.types().isEmpty() ? "*" : String.join(",", options.types()))
        + options.query().map(q -> " query=" + q).orElse("");
    Export export;
    try {
      Set<String> types = new TreeSet<>();
      if (options.types().isEmpty()) {
        types.addAll(session.types(null));
      } else {
        options.types().forEach(t -> types.addAll(session.types(t)));
      }
      Visibility visibility = Visibility.of(session.visibleLabels());
      List<Entity> entities = new ArrayList<>();
      if (options.query().isEmpty()) {
        try (Scan<Entity> scan = ws.store.scanEntities(types, visibility)) {
          scan.forEach(entities::add);
        }
      } else {
        for (EntityId id : found(ws, options.query().get(), visibility)) {
          List<Statement> visible = ws.store.statements(id, visibility);
          if (!visible.isEmpty()) {
            Entity e = Entity.of(id, visible, ws.schema());
            if (types.contains(e.schema())) {
              entities.add(e);
            }
          }
        }
      }
      entities.sort(java.util.Comparator.comparing(Entity::id));
      export = Export.of(ws.schema(), session.principal().id(), session.purpose().name(), ws.now(), options,
          entities);
    } catch (RuntimeException e) {
      session.audit("export", query, List.of(), "error: " + e.getClass().getSimpleName());
      throw e;
    }
    session.audit("export", query + " entities=" + export.entities().size() + " statements=" + export.statements()
        + " label=" + export.label().map(Object::toString).orElse("-"),
        export.entities().stream().map(e -> e.id().value()).toList(), "ok");
    return export;
  }

  /** Every entity the query finds among what is visible, paging through the search. */
  private static Set<EntityId> found(Workspace ws, Query q, Visibility visibility) {
    Set<EntityId> ids = new LinkedHashSet<>();
    Query base = q.target(Query.Target.ENTITIES).limit(Query.MAX_LIMIT);
    for (int offset = 0; offset <= Query.MAX_OFFSET; offset += Query.MAX_LIMIT) {
      SearchResult r = ws.store.search(base.offset(offset), visibility);
      for (Hit h : r.hits()) {
        if (h.kind() == Hit.Kind.ENTITY) {
          ids.add(EntityId.of(h.id()));
        }
      }
      if (r.hits().size() < Query.MAX_LIMIT) {
        break;
      }
    }
    return ids;
  }
}
