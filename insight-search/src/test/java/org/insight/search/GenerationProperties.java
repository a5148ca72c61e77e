package org.insight.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;

/**
 * The write sequence ({@link Generation}) against a plain model over random writes (new statements, statements
 * written again, corrections, erasures) of two labels: each write moves the sequence by one; the index says it only
 * grew since a generation exactly when every write since added ids it did not hold; and then what was visible at that
 * generation plus {@link Index#statementsAdded} is what is visible now, for a reader of either label or both. After a
 * reopening nothing earlier counts as growth only, and the sequence does not go back.
 */
class GenerationProperties {
  private static final Schema SCHEMA = Schema.defaults();
  private static final Set<String> TYPES = Set.of("Person", "Phone");

  @Property(tries = 30)
  void whatWasAddedSinceAGenerationIsExactlyTheGrowth(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int ops)
      throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    Path dir = Files.createTempDirectory("generation-properties");
    Map<String, Statement> held = new LinkedHashMap<>();
    List<Generation> generations = new ArrayList<>();
    List<Map<String, Statement>> heldAt = new ArrayList<>();
    long last;
    try (Index index = Index.open(dir, SCHEMA)) {
      generations.add(index.generation());
      heldAt.add(new LinkedHashMap<>(held));
      for (int op = 0; op < ops; op++) {
        Generation before = index.generation();
        int kind = r.nextInt(6);
        boolean onlyNew;
        if (kind == 0 && !held.isEmpty()) {
          String gone = new ArrayList<>(held.keySet()).get(r.nextInt(held.size()));
          index.delete(Set.of(gone));
          held.remove(gone);
          onlyNew = false;
        } else if (kind == 1 && !held.isEmpty()) {
          Statement old = new ArrayList<>(held.values()).get(r.nextInt(held.size()));
          Statement fixed = statement(r, old.entityId().value().substring(1), "fixed" + r.nextInt(1000));
          index.supersede(old.id(), fixed);
          held.remove(old.id());
          held.put(fixed.id(), fixed);
          onlyNew = false;
        } else {
          List<Statement> batch = new ArrayList<>();
          for (int i = r.nextInt(1, 5); i > 0; i--) {
            batch.add(r.nextInt(4) == 0 && !held.isEmpty() ? new ArrayList<>(held.values()).get(r.nextInt(held.size()))
                : statement(r, Integer.toString(r.nextInt(6)), "v" + r.nextInt(1_000_000)));
          }
          Set<String> ids = new HashSet<>();
          onlyNew = true;
          for (Statement s : batch) {
            onlyNew &= !held.containsKey(s.id()) && ids.add(s.id());
          }
          index.write(batch, List.of());
          batch.forEach(s -> held.put(s.id(), s));
        }
        Generation after = index.generation();
        assertEquals(before.sequence() + 1, after.sequence(), "one write, one step");
        assertFalse(after.writing());
        assertEquals(onlyNew, after.grewOnlySince(before.sequence()), "grew only, as the model says");
        assertEquals(true, after.unchangedSince(index.generation()), "nothing written since: unchanged");
        assertFalse(after.unchangedSince(before), "a write since: changed");
        for (int k = 0; k < generations.size(); k++) {
          long earlier = generations.get(k).sequence();
          if (!after.grewOnlySince(earlier)) {
            continue;
          }
          for (Set<String> labels : List.of(Set.of("A"), Set.of("B"), Set.of("A", "B"))) {
            Visibility v = Visibility.of(labels);
            TreeSet<String> grown = new TreeSet<>();
            heldAt.get(k).values().stream().filter(s -> labels.contains(s.label().toString())).forEach(s -> grown.add(
                s.id()));
            try (Scan<Statement> added = index.statementsAdded(earlier, after.sequence(), TYPES, v)) {
              added.forEach(s -> assertEquals(true, grown.add(s.id()), "added once, never held before: " + s.id()));
            }
            TreeSet<String> now = new TreeSet<>();
            try (Scan<Statement> all = index.scanStatementsOf(TYPES, v)) {
              all.forEach(s -> now.add(s.id()));
            }
            assertEquals(now, grown, "what was visible then and what was added since is what is visible now");
          }
        }
        generations.add(after);
        heldAt.add(new LinkedHashMap<>(held));
      }
      last = index.generation().sequence();
    }
    try (Index reopened = Index.open(dir, SCHEMA)) {
      Generation g = reopened.generation();
      assertEquals(true, g.sequence() > last, "the sequence continues after the last write");
      for (Generation earlier : generations) {
        assertFalse(g.grewOnlySince(earlier.sequence()), "nothing from before a reopening is growth only");
      }
    }
  }

  private static Statement statement(SplittableRandom r, String entity, String value) {
    boolean phone = r.nextBoolean();
    return Statement.of(EntityId.of("e" + entity), phone ? "Phone" : "Person", phone ? "number" : "name", value, null,
        Label.of(r.nextBoolean() ? "A" : "B"), Provenance.of("ds", "r" + entity, "record:api", SourceGrading.UNGRADED));
  }
}
