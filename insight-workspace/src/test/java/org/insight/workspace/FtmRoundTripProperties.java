package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.EntityType;
import org.insight.core.PropertyDef;
import org.insight.core.PropertyType;
import org.insight.core.Schema;
import org.insight.core.ftm.FtmMapping;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.policy.Purpose;

/**
 * FtM → workspace → FtM keeps ids, schemata and every value: generated FtM entities of every mapped schema, with
 * values of every property type the table maps (names in several scripts, partial dates, countries, numbers, references
 * to each other and to entities not in the file), ingested as FtM and exported again by a session that sees them.
 */
class FtmRoundTripProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = Schema.defaults();

  /** One generated FtM entity: id, schema, property → values. */
  record Ftm(String id, String schema, Map<String, Set<String>> properties) {}

  @Property(tries = 15)
  void ftmComesBackAsItWentIn(@ForAll("files") List<Ftm> entities) throws IOException {
    StringBuilder file = new StringBuilder();
    Set<JsonNode> expected = new HashSet<>();
    for (Ftm e : entities) {
      ObjectNode n = JSON.createObjectNode();
      n.put("id", e.id());
      n.put("schema", e.schema());
      ObjectNode props = n.putObject("properties");
      e.properties().forEach((k, vs) -> {
        ArrayNode a = props.putArray(k);
        vs.forEach(a::add);
      });
      file.append(JSON.writeValueAsString(n)).append('\n');
      expected.add(normal(n));
    }
    Path dir = Files.createTempDirectory("ftm-round-trip");
    try (Workspace ws = Workspace.builder(dir.resolve("ws")).clock(Fixtures.FIXED).open()) {
      Path in = Files.writeString(dir.resolve("in.ftm.jsonl"), file);
      Session s = ws.session(Fixtures.loader("loader"), Purpose.CRIMINAL_INVESTIGATION);
      IngestReport r = s.ingest(IngestRequest.builder(FtmExportTest.OSINT).source(IngestSource.file(in))
          .ftm(ws.schema()).build());
      assertEquals(List.of(), r.failures());
      StringWriter out = new StringWriter();
      s.export(ExportOptions.all(), out);
      Set<JsonNode> got = new HashSet<>();
      for (String line : out.toString().split("\n")) {
        if (!line.isBlank()) {
          got.add(normal(JSON.readTree(line)));
        }
      }
      assertEquals(expected, got);
    } finally {
      ScanNoLeakProperties.delete(dir);
    }
  }

  /**
   * FtM statement CSV → workspace → FtM statement CSV keeps every row's id (FtM's key of dataset, entity, property
   * and value), entity id, schema, property and value; each row carries the label of what it was read from.
   */
  @Property(tries = 10)
  void ftmStatementsComeBackAsTheyWentIn(@ForAll("files") List<Ftm> entities) throws IOException {
    StringBuilder file = new StringBuilder("entity_id,id,prop,schema,value,dataset,canonical_id,lang\r\n");
    Set<String> expected = new TreeSet<>();
    for (Ftm e : entities) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"id", e.id()});
      e.properties().forEach((k, vs) -> vs.forEach(v -> rows.add(new String[] {k, v})));
      for (String[] row : rows) {
        String id = org.insight.core.ftm.FtmWriter.statementId("osint", e.id(), row[0], row[1]);
        file.append(csv(e.id())).append(',').append(id).append(',').append(row[0]).append(',').append(e.schema())
            .append(',').append(csv(row[1])).append(",osint,").append(csv(e.id())).append(",\r\n");
        expected.add(String.join("|", id, e.id(), row[0], e.schema(), row[1], "osint", "OPEN"));
      }
    }
    Path dir = Files.createTempDirectory("ftm-statements-round-trip");
    try (Workspace ws = Workspace.builder(dir.resolve("ws")).clock(Fixtures.FIXED).open()) {
      Path in = Files.writeString(dir.resolve("in.statements.csv"), file);
      Session s = ws.session(Fixtures.loader("loader"), Purpose.CRIMINAL_INVESTIGATION);
      IngestReport r = s.ingest(IngestRequest.builder(FtmExportTest.OSINT).source(IngestSource.file(in))
          .ftm(ws.schema()).build());
      assertEquals(List.of(), r.failures());
      String out = FtmExportTest.text(s, ExportOptions.all().shape(ExportOptions.Shape.FTM_STATEMENTS));
      Set<String> got = new TreeSet<>();
      List<List<String>> rows = FtmExportTest.csvRows(out);
      assertEquals(org.insight.core.ftm.FtmWriter.STATEMENT_COLUMNS, rows.get(0));
      for (List<String> row : rows.subList(1, rows.size())) {
        // id, entity_id, prop, schema, value, dataset, label
        got.add(String.join("|", row.get(0), row.get(1), row.get(3), row.get(5), row.get(6), row.get(7),
            row.get(12)));
      }
      assertEquals(expected, got);
    } finally {
      ScanNoLeakProperties.delete(dir);
    }
  }

  private static String csv(String v) {
    return v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  /** Without datasets, and values as sets (FtM values are a set; order is not kept). */
  private static JsonNode normal(JsonNode n) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", n.get("id").asText());
    o.put("schema", n.get("schema").asText());
    ObjectNode props = o.putObject("properties");
    List<String> names = new ArrayList<>();
    n.get("properties").fieldNames().forEachRemaining(names::add);
    names.stream().sorted().forEach(k -> {
      ArrayNode a = props.putArray(k);
      Set<String> vs = new TreeSet<>();
      n.get("properties").get(k).forEach(v -> vs.add(v.asText()));
      vs.forEach(a::add);
    });
    return o;
  }

  @Provide
  Arbitrary<List<Ftm>> files() {
    Arbitrary<String> id = Arbitraries.strings().withChars("abcdefABCDEF0123456789-.").ofMinLength(1).ofMaxLength(12)
        .map(x -> "e" + x);
    return id.list().ofMinSize(1).ofMaxSize(8).uniqueElements().flatMap(ids -> {
      List<Arbitrary<Ftm>> each = new ArrayList<>();
      for (String i : ids) {
        each.add(entity(i, ids));
      }
      return Combinators.combine(each).as(ArrayList::new);
    });
  }

  private Arbitrary<Ftm> entity(String id, List<String> ids) {
    List<FtmMapping.SchemaMapping> rows = FtmMapping.defaults().schemata();
    return Arbitraries.of(rows).flatMap(row -> {
      EntityType type = SCHEMA.type(row.type());
      List<String> props = new ArrayList<>();
      for (Map.Entry<String, String> p : row.properties().entrySet()) {
        if (generator(type.property(p.getValue()), ids) != null) {
          props.add(p.getKey());
        }
      }
      return Arbitraries.subsetOf(props).ofMinSize(1).ofMaxSize(6).flatMap(chosen -> {
        List<String> names = new ArrayList<>(new TreeSet<>(chosen));
        List<Arbitrary<Set<String>>> values = new ArrayList<>();
        for (String p : names) {
          values.add(generator(type.property(row.property(p).orElseThrow()), ids).set().ofMinSize(1).ofMaxSize(3));
        }
        Arbitrary<Map<String, Set<String>>> sides = row.ftmSchema().equals("Call") ? callSides(id, ids)
            : Arbitraries.just(Map.of());
        return Combinators.combine(Combinators.combine(values).as(vs -> vs), sides).as((vs, side) -> {
          Map<String, Set<String>> m = new LinkedHashMap<>();
          for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), vs.get(i));
          }
          m.putAll(side);
          return new Ftm(id, row.ftmSchema(), m);
        });
      });
    });
  }

  /**
   * A Call's sides as FtM writes them: each number this call's own (a phone shared by two callers would hold both as
   * owners), with or without the party that used it.
   */
  private static Arbitrary<Map<String, Set<String>>> callSides(String id, List<String> ids) {
    int n = ids.indexOf(id);
    Arbitrary<String> party = Arbitraries.of(ids);
    return Combinators.combine(Arbitraries.integers().between(0, 3), party, party).as((shape, a, b) -> {
      Map<String, Set<String>> m = new LinkedHashMap<>();
      if (shape >= 1) {
        m.put("callerNumber", Set.of(String.format(java.util.Locale.ROOT, "+336100%05d", n)));
      }
      if (shape >= 2) {
        m.put("receiverNumber", Set.of(String.format(java.util.Locale.ROOT, "+447700%05d", n)));
        m.put("caller", Set.of(a));
      }
      if (shape >= 3) {
        m.put("receiver", Set.of(b));
      }
      return m;
    });
  }

  /** Values of a property's type that its cleaning keeps apart; null for the types not generated here. */
  private static Arbitrary<String> generator(PropertyDef def, List<String> ids) {
    PropertyType t = def.type();
    return switch (t) {
      case NAME, TEXT, ADDRESS -> Arbitraries.of("Ivan Petrov", "Иван Петров", "李小龍", "Amina Diallo", "O'Brien",
          "Ωμέγα Α.Ε.", "Acme Ltd", "1 Main Street, Limassol");
      case DATE -> Arbitraries.of("1975", "1975-03", "1975-03-14", "2001-12-31", "1999-02-28");
      case COUNTRY -> Arbitraries.of("fr", "ru", "cy", "us", "gb", "cn");
      case NUMBER -> Arbitraries.of("51", "0.5", "1500", "12.25");
      case ENTITY -> Arbitraries.oneOf(Arbitraries.of(ids), Arbitraries.of("not-in-file-1", "Q7747"));
      case IDENTIFIER -> def.scheme().isEmpty() ? Arbitraries.of("AB12345", "X99", "HE123456") : null;
      case EMAIL -> Arbitraries.of("ivan@example.org", "a.b@example.com");
      case PHONE -> Arbitraries.of("+35799123456", "+33612345678");
      case URL -> Arbitraries.of("https://example.org/a", "https://example.com/b?x=1");
      default -> null;
    };
  }
}
