package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Dataset;
import org.insight.core.EntityBuilder;
import org.insight.core.EntityId;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Query;

/**
 * Rule 2 for exports: whatever the labels, principal, purpose and selection, {@link Session#export} hands out — in
 * every shape — exactly what a workspace holding only the session's visible data hands out, and never an invisible
 * value. The full workspace is padded with canaries: invisible statements on the same entity ids (also of another
 * type), entities with the same names under labels the reader fails by token, purpose or retention date, and
 * invisible links pointing at visible entities, written by several writers.
 */
class ExportNoLeakProperties implements Clearances {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;

  record Cell(String type, String property, String value, Label label, int writer) {}

  record Rec(String id, List<Cell> cells) {}

  @Property(tries = 20)
  void anExportHoldsExactlyWhatAWorkspaceOfOnlyTheVisibleDataHolds(
      @ForAll("records") List<Rec> records,
      @ForAll("auths") Set<String> auths,
      @ForAll("purposes") Purpose purpose,
      @ForAll("selections") ExportOptions options) throws IOException {
    Principal reader = Principal.of("reader", auths);
    Predicate<Label> visible = l -> Policy.standard().decide(reader, purpose, l, Fixtures.FIXED.instant()).allowed();
    Dataset ds = Dataset.of("ds", Label.of("A"), SourceGrading.UNGRADED);
    Path a = Files.createTempDirectory("export-all");
    Path b = Files.createTempDirectory("export-visible");
    try (Workspace full = Workspace.builder(a).clock(Fixtures.FIXED).open();
         Workspace filtered = Workspace.builder(b).clock(Fixtures.FIXED).open()) {
      for (int w = 0; w < 3; w++) {
        int writer = w;
        write(full, "w" + w, ds, records, c -> c.writer() == writer);
        write(full, "pad" + w, ds, padding(records, writer), c -> true);
      }
      write(filtered, "oracle-writer", ds, records, c -> visible.test(c.label()));
      Session s = full.session(reader, purpose);
      Session oracle = filtered.session(Principal.of("oracle", NoLeakProperties.TOKENS), purpose);

      for (ExportOptions.Shape shape : ExportOptions.Shape.values()) {
        long audit = full.audit.size();
        StringWriter gotText = new StringWriter();
        Export got = s.export(options.shape(shape), gotText);
        assertEquals(audit + 1, full.audit.size(), "one audit entry");
        StringWriter expectedText = new StringWriter();
        Export expected = oracle.export(options.shape(shape), expectedText);
        assertEquals(expected.label(), got.label(), "the conjunction of what went out");
        assertEquals(expected.entities(), got.entities());
        assertEquals(expected.statements(), got.statements());
        assertEquals(header(expected), header(got));
        assertEquals(view(shape, expectedText.toString()), view(shape, gotText.toString()), shape.text());
        String text = gotText + got.header().toString() + full.audit.tail(1).get(0).event();
        assertFalse(text.contains("CANARY"), text);
        for (Rec r : records) {
          for (Cell c : r.cells()) {
            if (!visible.test(c.label()) && records.stream().flatMap(x -> x.cells().stream())
                .noneMatch(x -> x.value().equals(c.value()) && visible.test(x.label()))) {
              assertFalse(gotText.toString().contains("\"" + c.value() + "\""), "invisible value " + c.value());
              assertFalse(gotText.toString().contains("," + c.value() + ","), "invisible value " + c.value());
            }
          }
        }
      }
    } finally {
      ScanNoLeakProperties.delete(a);
      ScanNoLeakProperties.delete(b);
    }
  }

  /**
   * The file as a comparable whole: its lines sorted (the scan hands entities out in index order, which differs between
   * the two workspaces); for jsonl, each entity's statements without the provenance that names their writer.
   */
  private static List<String> view(ExportOptions.Shape shape, String text) throws IOException {
    List<String> out = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      if (shape == ExportOptions.Shape.JSONL) {
        JsonNode n = JSON.readTree(lines[i]);
        if (i == 0) {
          out.add("header " + header(n));
          continue;
        }
        List<String> st = new ArrayList<>();
        n.get("statements").forEach(x -> st.add(x.get("id") + " " + x.get("property") + "=" + x.get("value") + "@"
            + x.get("label")));
        st.sort(null);
        out.add(n.get("id") + " " + n.get("schema") + " " + st);
      } else if (shape == ExportOptions.Shape.CSV) {
        String[] cells = lines[i].split(",");
        out.add(String.join(",", java.util.Arrays.copyOf(cells, Math.min(cells.length, 8)))); // up to the dataset
      } else {
        out.add(lines[i]);
      }
    }
    out.sort(null);
    return out;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** A header without who exported and the digests of the order-dependent bytes. */
  private static String header(Export x) {
    return header(x.header());
  }

  private static String header(JsonNode h) {
    com.fasterxml.jackson.databind.node.ObjectNode o = h.deepCopy();
    o.remove(List.of("exportedBy", "sha256", "idsSha256"));
    return o.toString();
  }

  private static void write(Workspace ws, String writer, Dataset ds, List<Rec> records, Predicate<Cell> which) {
    Map<String, EntityBuilder> builders = new LinkedHashMap<>();
    for (Rec r : records) {
      for (Cell c : r.cells()) {
        if (which.test(c)) {
          builders.computeIfAbsent(r.id() + "/" + c.type(), k -> ds.entity(c.type(), r.id()))
              .add(c.property(), c.value(), c.label());
        }
      }
    }
    if (!builders.isEmpty()) {
      ws.session(Fixtures.loader(writer), CI).add(builders.values().stream().map(EntityBuilder::build).toList());
    }
  }

  /** Canaries no reader may see: on the same ids, under the same names elsewhere, and links to visible entities. */
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
        sameId.add(new Cell(writer == 1 ? "Company" : c.type(), "notes", "CANARY " + c.property() + " " + c.value(), l,
            writer));
        sameName.add(new Cell(c.type(), c.property(), c.value(), l, writer));
        sameName.add(new Cell(c.type(), "summary", "CANARY summary", l, writer));
      }
      out.add(new Rec(r.id(), sameId));
      out.add(new Rec("pad-" + writer + "-" + r.id(), sameName));
      String owner = EntityId.fromSource("ds", r.id()).value();
      out.add(new Rec("own-" + writer + "-" + r.id(), List.of(new Cell("Ownership", "owner", owner, l, writer),
          new Cell("Ownership", "role", "CANARY role", l, writer))));
    }
    return out;
  }

  @Provide
  Arbitrary<List<Rec>> records() {
    Arbitrary<Label> label = NoLeakProperties.labels();
    Arbitrary<Cell> cell = Combinators.combine(
        Arbitraries.of("Person", "Person", "Company", "Organization"),
        Arbitraries.of("name", "alias", "notes", "country"),
        Arbitraries.of("Ivan", "Amina", "Marco", "fr", "ru", "x y"),
        label, Arbitraries.integers().between(0, 2))
        .as((t, p, v, l, w) -> new Cell(t, p, p.equals("country") ? (v.length() == 2 ? v : "de") : v, l, w));
    Arbitrary<Rec> rec = Combinators.combine(Arbitraries.integers().between(1, 30),
            cell.list().ofMinSize(1).ofMaxSize(5).uniqueElements(c -> c.property() + "=" + c.value()))
        .as((i, cells) -> new Rec("r" + i, cells));
    return rec.list().ofMinSize(1).ofMaxSize(8).uniqueElements(Rec::id);
  }

  @Provide
  Arbitrary<ExportOptions> selections() {
    return Arbitraries.of(ExportOptions.all(), ExportOptions.all().types("Person"),
        ExportOptions.all().types("Organization", "Ownership"), ExportOptions.all().query(Query.text("Ivan")),
        ExportOptions.all().types("Person").query(Query.text("Amina Marco")));
  }
}
