package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityBuilder;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Scan;

/**
 * Rule 2 for the scans: whatever the labels, principal and purpose, {@link Session#scanEntities} and
 * {@link Session#scanStatements} hand out exactly what a workspace holding only the session's visible data hands
 * out, and counts and pages agree. The full workspace is padded with data built to move the answers if anything
 * invisible leaked: invisible statements on the same entity ids (also of another type under the same id), entities
 * with the same names under labels the reader fails by token, purpose or retention date, statements first written
 * under one label and then again under another (both coexist: a write never replaces another label's), all written by several
 * writers over several commits so an entity's statements lie in several index segments.
 */
class ScanNoLeakProperties implements Clearances {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;

  /** One value; {@code before}, when set, is the label it was first written under (then rewritten). */
  record Cell(String type, String property, String value, Label label, int writer, Label before) {}

  record Rec(String id, List<Cell> cells) {}

  @Property(tries = 25)
  void aScanHandsOutWhatAWorkspaceOfOnlyTheVisibleDataHandsOut(
      @ForAll("records") List<Rec> records,
      @ForAll("auths") Set<String> auths,
      @ForAll("purposes") Purpose purpose,
      @ForAll("typeSets") List<String> types,
      @ForAll("propertySets") List<String> properties) throws IOException {
    Principal reader = Principal.of("reader", auths);
    Predicate<Label> visible = l -> Policy.standard().decide(reader, purpose, l, Fixtures.FIXED.instant()).allowed();
    Dataset ds = Dataset.of("ds", Label.of("A"), SourceGrading.UNGRADED);
    Path a = Files.createTempDirectory("scan-all");
    Path b = Files.createTempDirectory("scan-visible");
    try (Workspace full = Workspace.builder(a).clock(Fixtures.FIXED).open();
         Workspace filtered = Workspace.builder(b).clock(Fixtures.FIXED).open()) {
      // first versions, later written again under another label: both coexist (rule 7)
      write(full, "w-early", ds, records, c -> c.before() != null, Cell::before);
      for (int w = 0; w < 3; w++) {
        int writer = w;
        write(full, "w" + w, ds, records, c -> c.writer() == writer, Cell::label);
        write(full, "pad" + w, ds, padding(records, writer), c -> true, Cell::label);
      }
      write(filtered, "oracle-writer", ds, records, c -> visible.test(c.label()), Cell::label);
      // a write under another label never replaces (rule 7): the first versions coexist, seen where their label is
      write(filtered, "oracle-early", ds, records, c -> c.before() != null && visible.test(c.before()), Cell::before);

      Session s = full.session(reader, purpose);
      Session oracle = filtered.session(Principal.of("oracle", NoLeakProperties.TOKENS), purpose);
      String[] typeArray = types.toArray(String[]::new);
      String[] propertyArray = properties.toArray(String[]::new);

      long auditBefore = full.audit.size();
      List<String> scanned;
      try (Scan<Entity> scan = s.scanEntities(typeArray)) {
        assertEquals(auditBefore + 1, full.audit.size(), "one audit entry, written before any entity is read");
        scanned = entities(scan);
        assertEquals(scan.size(), scanned.size(), "size() is what the scan hands out");
      }
      assertEquals(auditBefore + 1, full.audit.size(), "reading the scan writes no further entry");
      try (Scan<Entity> expected = oracle.scanEntities(typeArray)) {
        assertEquals(entities(expected), scanned, "entities of " + types);
      }
      // and it agrees with the one-entity read path of the same session
      List<String> oneByOne = new ArrayList<>();
      for (String type : types) {
        for (Entity e : s.entities(type, 0, 10_000).items()) {
          oneByOne.add(view(s.entity(e.id()).orElseThrow()));
        }
      }
      assertEquals(oneByOne.stream().distinct().sorted().toList(), scanned, "scan vs entity(id)");

      try (Scan<Statement> scan = s.scanStatements(propertyArray);
           Scan<Statement> expected = oracle.scanStatements(propertyArray)) {
        List<String> got = statements(scan);
        assertEquals(statements(expected), got, "statements of " + properties);
        assertEquals(scan.size(), got.size());
      }
      for (String type : List.of("Person", "Organization", "LegalEntity")) {
        assertEquals(oracle.count(type), s.count(type), "count " + type);
        assertEquals(page(oracle.entities(type, 0, 1000)), page(s.entities(type, 0, 1000)), "list " + type);
        assertEquals(page(oracle.entities(type, 1, 2)), page(s.entities(type, 1, 2)), "page " + type);
      }
      assertEquals(oracle.count(null), s.count(null), "count of everything");
    } finally {
      delete(a);
      delete(b);
    }
  }

  /** Writes the cells {@code which} selects, grouped into entities by (record, type), as {@code writer}. */
  private static void write(Workspace ws, String writer, Dataset ds, List<Rec> records, Predicate<Cell> which,
      java.util.function.Function<Cell, Label> label) {
    Map<String, EntityBuilder> builders = new LinkedHashMap<>();
    for (Rec r : records) {
      for (Cell c : r.cells()) {
        if (which.test(c)) {
          builders.computeIfAbsent(r.id() + "/" + c.type(), k -> ds.entity(c.type(), r.id()))
              .add(c.property(), c.value(), label.apply(c));
        }
      }
    }
    if (!builders.isEmpty()) {
      ws.session(Fixtures.loader(writer), CI).add(builders.values().stream().map(EntityBuilder::build).toList());
    }
  }

  /** Records no reader may see: the same ids and names, under labels failed by token, purpose or date. */
  private static List<Rec> padding(List<Rec> records, int writer) {
    List<Label> never = List.of(Label.of("Z"),
        Label.builder("A").purposes(List.of(Purpose.of("intelligence-sharing"))).build(),
        Label.builder("A|B|C").deleteAfter(LocalDate.of(2026, 5, 1)).build());
    List<Rec> out = new ArrayList<>();
    for (Rec r : records) {
      Label l = never.get(Math.floorMod(r.id().hashCode() + writer, never.size()));
      List<Cell> sameId = new ArrayList<>();
      List<Cell> sameName = new ArrayList<>();
      for (Cell c : r.cells()) {
        sameId.add(new Cell(writer == 1 ? "Organization" : c.type(), "notes", "pad " + c.property() + " " + c.value(), l, writer, null));
        sameName.add(new Cell(c.type(), c.property(), c.value(), l, writer, null));
      }
      out.add(new Rec(r.id(), sameId));
      out.add(new Rec("pad-" + writer + "-" + r.id(), sameName));
    }
    return out;
  }

  private static List<String> entities(Scan<Entity> scan) {
    List<String> out = new ArrayList<>();
    for (Entity e : scan) {
      out.add(view(e));
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static String view(Entity e) {
    return e.id() + " " + e.schema() + " " + e.statements().stream().map(ScanNoLeakProperties::view).toList();
  }

  private static String view(Statement st) {
    return st.id() + " " + st.schema() + "." + st.property() + "=" + st.value() + "@" + st.label();
  }

  private static List<String> statements(Scan<Statement> scan) {
    return scan.stream().map(ScanNoLeakProperties::view).sorted().toList();
  }

  private static List<String> page(Page<Entity> page) {
    List<String> out = new ArrayList<>();
    out.add("total=" + page.total());
    page.items().forEach(e -> out.add(view(e)));
    return out;
  }

  @Provide
  Arbitrary<List<Rec>> records() {
    Arbitrary<Label> label = NoLeakProperties.labels();
    Arbitrary<Cell> cell = Combinators.combine(
        Arbitraries.of("Person", "Person", "Organization"),
        Arbitraries.of("name", "alias", "notes", "country"),
        Arbitraries.of("Ivan", "Amina", "Marco", "fr", "ru", "x y"),
        label, Arbitraries.integers().between(0, 2), label.injectNull(0.7))
        .as((t, p, v, l, w, before) -> new Cell(t, p, p.equals("country") ? (v.length() == 2 ? v : "de") : v, l, w,
            before));
    Arbitrary<Rec> rec = Combinators.combine(Arbitraries.integers().between(1, 30),
            cell.list().ofMinSize(1).ofMaxSize(5)
                // a statement's id does not hash its type: one property=value per record, or they replace each other
                .uniqueElements(c -> c.property() + "=" + c.value()))
        .as((i, cells) -> new Rec("r" + i, cells));
    return rec.list().ofMinSize(1).ofMaxSize(10).uniqueElements(Rec::id);
  }

  @Provide
  Arbitrary<List<String>> typeSets() {
    return Arbitraries.of(List.of("Person"), List.of("Organization"), List.of("LegalEntity"),
        List.of("Person", "Organization"));
  }

  @Provide
  Arbitrary<List<String>> propertySets() {
    return Arbitraries.of(List.of("name"), List.of("name", "alias"), List.of("notes", "country"));
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
