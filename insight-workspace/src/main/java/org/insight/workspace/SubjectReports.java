package org.insight.workspace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.insight.core.EntityId;
import org.insight.core.Statement;
import org.insight.search.Visibility;

/** Builds a {@link SubjectReport} from the store and the audit log. Not API. */
final class SubjectReports {
  private SubjectReports() {}

  /** Operations by what they do to the data they name; anything else is {@link SubjectReport.Category#OTHER}. */
  private static final Map<String, SubjectReport.Category> CATEGORIES = Map.ofEntries(
      Map.entry("add", SubjectReport.Category.COLLECTION),
      Map.entry("ingest", SubjectReport.Category.COLLECTION),
      Map.entry("supersede", SubjectReport.Category.COLLECTION),
      Map.entry("update", SubjectReport.Category.COLLECTION),
      Map.entry("evidence.store", SubjectReport.Category.COLLECTION),
      Map.entry("export", SubjectReport.Category.DISCLOSURE),
      Map.entry("erase", SubjectReport.Category.ERASURE),
      Map.entry("retention.purge", SubjectReport.Category.ERASURE),
      Map.entry("write", SubjectReport.Category.COMBINATION),
      Map.entry("screen", SubjectReport.Category.COMBINATION),
      Map.entry("flag.create", SubjectReport.Category.COMBINATION),
      Map.entry("flag.review", SubjectReport.Category.COMBINATION),
      Map.entry("graph.build", SubjectReport.Category.COMBINATION),
      Map.entry("case.add", SubjectReport.Category.COMBINATION),
      Map.entry("case.annotate", SubjectReport.Category.COMBINATION));

  /**
   * Whether an audit entry is a bulk read that names no ids: a scan, a graph build, a geo or trends analysis, an
   * export too large to list its ids. It read everything its principal could see at the time, so it may have read a
   * subject's data, but nothing in the log says whether it did.
   */
  static boolean bulkWithoutIds(org.insight.policy.AuditEvent e) {
    String op = e.operation();
    boolean bulk = op.equals("entity.scan") || op.equals("statement.scan") || op.startsWith("graph.")
        || op.startsWith("geo.") || op.startsWith("trends.") || op.equals("export");
    return bulk && e.items().isEmpty() && e.outcome().equals("ok");
  }

  static SubjectReport.Category category(String operation) {
    SubjectReport.Category c = CATEGORIES.get(operation);
    if (c != null) {
      return c;
    }
    if (operation.startsWith("match.")) {
      return SubjectReport.Category.COMBINATION;
    }
    if (operation.startsWith("entity.") || operation.startsWith("document.") || operation.startsWith("geo.")
        || operation.startsWith("flag.") || operation.startsWith("case.") || operation.startsWith("statement.")
        || operation.startsWith("evidence.") || operation.startsWith("retention.") || operation.equals("search")
        || operation.equals("suggest") || operation.equals("mention.list") || operation.equals("profile.test")) {
      return SubjectReport.Category.CONSULTATION;
    }
    return SubjectReport.Category.OTHER;
  }

  /** The entities holding a statement whose value is {@code identifier}, whatever their labels. */
  static Set<EntityId> holding(Workspace ws, String identifier) {
    Set<EntityId> out = new TreeSet<>();
    for (Statement s : ws.store.statementsWithValue(Set.of(identifier.strip()), everything(ws))) {
      out.add(s.entityId());
    }
    return out;
  }

  static SubjectReport build(Workspace ws, Set<EntityId> subjects) {
    Visibility all = everything(ws);
    Set<String> subjectIds = new TreeSet<>();
    subjects.forEach(s -> subjectIds.add(s.value()));
    Set<String> related = new TreeSet<>();
    List<SubjectReport.Collected> collected = new ArrayList<>();
    for (EntityId id : subjects) {
      for (Statement s : ws.store.statements(id, all)) {
        related.add(s.id());
        collected.add(new SubjectReport.Collected(id.value(), s.id(), s.property(), s.provenance().dataset(),
            s.provenance().method(), s.provenance().ingestedAt(), s.provenance().ingestedBy()));
      }
    }
    if (!subjectIds.isEmpty()) {
      for (Statement s : ws.store.statementsWithValue(subjectIds, all)) {
        related.add(s.entityId().value()); // a link, flag or same-as record naming the subject
      }
    }
    related.removeAll(subjectIds);
    Set<String> named = new LinkedHashSet<>(subjectIds);
    named.addAll(related);
    List<SubjectReport.Processing> processing = new ArrayList<>();
    List<SubjectReport.Processing> bulk = new ArrayList<>();
    if (!named.isEmpty()) {
      ws.audit.forEach(r -> {
        Set<String> ids = new TreeSet<>();
        for (String item : r.event().items()) {
          if (named.contains(item)) {
            ids.add(item);
          }
        }
        // a query names ids as text (entity=ID, target=entity:ID, ids=A,B): ids are hashes, so containment is exact
        // enough; the query text itself is never shown, it may hold values
        for (String id : subjectIds) {
          if (r.event().query().contains(id)) {
            ids.add(id);
          }
        }
        if (ids.isEmpty() && bulkWithoutIds(r.event())) {
          bulk.add(new SubjectReport.Processing(r.sequence(), r.event().at(), r.event().principal(),
              r.event().purpose(), r.event().operation(), category(r.event().operation()), r.event().outcome(),
              List.of()));
        } else if (!ids.isEmpty()) {
          processing.add(new SubjectReport.Processing(r.sequence(), r.event().at(), r.event().principal(),
              r.event().purpose(), r.event().operation(), category(r.event().operation()), r.event().outcome(),
              List.copyOf(ids)));
        }
      });
    }
    return new SubjectReport(List.copyOf(subjectIds), List.copyOf(related), collected, processing,
        whileHeld(bulk, collected, processing));
  }

  /**
   * The bulk reads made while the subjects' data was held: from the first collection of it (the audit's or the
   * statements') until the last erasure when nothing is held any more. Conservative: a bulk read in that window is
   * listed even if its principal could not see the data.
   */
  private static List<SubjectReport.Processing> whileHeld(List<SubjectReport.Processing> bulk,
      List<SubjectReport.Collected> collected, List<SubjectReport.Processing> processing) {
    java.time.Instant from = null;
    java.time.Instant until = null;
    for (SubjectReport.Collected c : collected) {
      from = from == null || c.ingestedAt().isBefore(from) ? c.ingestedAt() : from;
    }
    for (SubjectReport.Processing p : processing) {
      if (p.category() == SubjectReport.Category.COLLECTION && p.outcome().equals("ok")) {
        from = from == null || p.at().isBefore(from) ? p.at() : from;
      }
      if (collected.isEmpty() && p.category() == SubjectReport.Category.ERASURE) {
        until = until == null || p.at().isAfter(until) ? p.at() : until;
      }
    }
    if (from == null) {
      return List.of();
    }
    java.time.Instant start = from;
    java.time.Instant end = until;
    return bulk.stream().filter(b -> !b.at().isBefore(start) && (end == null || !b.at().isAfter(end))).toList();
  }

  /** Every label in the store: an oversight report covers data whatever its label (it shows no value). */
  private static Visibility everything(Workspace ws) {
    ws.store.refresh();
    return Visibility.of(ws.store.labels());
  }
}
