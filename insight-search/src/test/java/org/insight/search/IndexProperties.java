package org.insight.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;

/**
 * The store's counts, pages and scans equal a plain model of its contents: the latest version of each statement
 * (a write replaces the same id), filtered by label. Written in several commits, so entities span segments, and
 * with rewrites, so replaced versions lie in the index as deleted documents.
 */
class IndexProperties {
  private static final Schema SCHEMA = Schema.defaults();

  record Write(int entity, String type, String property, String value, String label) {}

  @Property(tries = 40)
  void countsPagesAndScansEqualThePlainModel(@ForAll("batches") List<List<Write>> batches,
      @ForAll("visible") Set<String> visibleTokens, @ForAll("types") Set<String> types,
      @ForAll("offsets") int offset, @ForAll("limits") int limit) throws IOException {
    Path dir = Files.createTempDirectory("index-properties");
    Map<String, Statement> latest = new LinkedHashMap<>();
    try (Index index = Index.open(dir, SCHEMA)) {
      for (List<Write> batch : batches) {
        List<Statement> statements = new ArrayList<>();
        for (Write w : batch) {
          Statement s = Statement.of(EntityId.of("e" + w.entity()), w.type(), w.property(), w.value(), null,
              Label.of(w.label()), Provenance.of("ds", "r" + w.entity(), "record:api", SourceGrading.UNGRADED));
          statements.add(s);
          latest.remove(s.id()); // the model: a write replaces the same id
          latest.put(s.id(), s);
        }
        index.write(statements, List.of());
      }
      Set<String> labels = new java.util.HashSet<>();
      for (Statement s : latest.values()) {
        if (visibleTokens.contains(s.label().toString())) {
          labels.add(s.label().toString());
        }
      }
      Visibility visibility = Visibility.of(labels);

      Map<EntityId, List<Statement>> visibleByEntity = new TreeMap<>();
      for (Statement s : latest.values()) {
        if (visibility.allows(s.label().toString())) {
          visibleByEntity.computeIfAbsent(s.entityId(), k -> new ArrayList<>()).add(s);
        }
      }
      List<EntityId> wanted = visibleByEntity.entrySet().stream()
          .filter(e -> e.getValue().stream().anyMatch(s -> types.contains(s.schema()))).map(Map.Entry::getKey).toList();

      assertEquals(wanted.size(), index.countEntities(types, visibility), "count");
      assertEquals(wanted.stream().skip(offset).limit(limit).toList(),
          index.entityIds(types, offset, limit, visibility), "page " + offset + "+" + limit);
      List<String> expected = wanted.stream()
          .map(id -> view(Entity.of(id, visibleByEntity.get(id), SCHEMA))).sorted().toList();
      try (Scan<Entity> scan = index.scanEntities(types, visibility)) {
        List<String> got = new ArrayList<>();
        scan.forEach(e -> got.add(view(e)));
        got.sort(Comparator.naturalOrder());
        assertEquals(expected, got, "entity scan");
        assertEquals(wanted.size(), scan.size());
      }
      List<String> names = latest.values().stream()
          .filter(s -> visibility.allows(s.label().toString()) && s.property().equals("name"))
          .map(Statement::toString).sorted().toList();
      try (Scan<Statement> scan = index.scanStatements(Set.of("name"), visibility)) {
        assertEquals(names, scan.stream().map(Statement::toString).sorted().toList(), "statement scan");
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static String view(Entity e) {
    return e.id() + " " + e.schema() + " " + e.statements();
  }

  @Provide
  Arbitrary<List<List<Write>>> batches() {
    Arbitrary<Write> write = Combinators.combine(Arbitraries.integers().between(0, 12),
        Arbitraries.of("Person", "Organization"), Arbitraries.of("name", "notes"),
        Arbitraries.of("Ivan", "Amina", "x y"), Arbitraries.of("A", "B", "C"))
        .as(Write::new);
    return write.list().ofMaxSize(8).list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<Set<String>> visible() {
    return Arbitraries.of("A", "B", "C").set();
  }

  @Provide
  Arbitrary<Set<String>> types() {
    return Arbitraries.of(Set.of("Person"), Set.of("Organization"), Set.of("Person", "Organization"));
  }

  @Provide
  Arbitrary<Integer> offsets() {
    return Arbitraries.integers().between(0, 14);
  }

  @Provide
  Arbitrary<Integer> limits() {
    return Arbitraries.integers().between(0, 14);
  }
}
