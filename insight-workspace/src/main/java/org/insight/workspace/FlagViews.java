package org.insight.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Set;
import java.util.Locale;
import java.util.SortedSet;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.InvalidDataException;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.search.Scan;
import org.insight.search.Visibility;

/** Reading and reviewing flags for a session. Not API. */
final class FlagViews {
  private FlagViews() {}

  static Page<Flag> page(Workspace ws, Visibility visibility, String status, int offset,
      int limit) {
    if (status != null && !Flag.STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown flag status '" + status + "'; use one of " + Flag.STATUSES);
    }
    List<Flag> all = new ArrayList<>();
    try (Scan<Entity> flags = ws.store.scanEntities(Set.of("Flag"), visibility)) {
      for (Entity e : flags) {
        Flag f = Flag.of(e);
        if (status == null || status.equals(f.status())) {
          all.add(f);
        }
      }
    }
    all.sort(Comparator.comparing((Flag f) -> f.id().value()));
    int total = all.size();
    List<Flag> matching = offset >= total ? List.of() : List.copyOf(all.subList(offset, (int) Math.min(total, (long) offset + limit)));
    return new Page<>(matching, total, offset, limit);
  }

  /**
   * Writes a review of a visible flag; {@code ahead} is given the flag's label and runs just before the write (the
   * session authorises and audits there: no entry, no write).
   */
  static Flag review(Workspace ws, Visibility visibility, EntityId id, String status,
      String principal, Instant now, java.util.function.Consumer<org.insight.policy.Label> ahead) {
    if (!Flag.STATUSES.contains(status)) {
      throw new InvalidDataException(new InvalidDataException.Problem("flag " + id.value(),
          "unknown status '" + status + "'; use one of " + Flag.STATUSES));
    }
    List<Statement> visible = ws.store.statements(id, visibility);
    if (visible.isEmpty() || !visible.get(0).schema().equals("Flag")) {
      throw new InvalidDataException(new InvalidDataException.Problem("flag " + id.value(),
          "no flag with this id is visible to this session"));
    }
    Flag f = Flag.of(Entity.of(id, visible, ws.schema()));
    Provenance p = Provenance.derived(WatchListScreening.DATASET, "review:analyst", List.of(f.provenance()))
        .stamped(principal, now);
    // one statement per review (its id hashes the record id, here the time), so the history of reviews is kept
    p = p.withRecordId(String.format(Locale.ROOT, "review@%s#%019d", now, System.nanoTime()));
    ahead.accept(f.label());
    ws.store.write(List.of(Statement.of(id, "Flag", "status", status, status, f.label(), p)), List.of());
    List<Statement> after = ws.store.statements(id, visibility);
    return Flag.of(Entity.of(id, after, ws.schema()));
  }
}
