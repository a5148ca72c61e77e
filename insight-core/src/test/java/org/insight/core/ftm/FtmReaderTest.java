package org.insight.core.ftm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;

class FtmReaderTest {
  static final Dataset DS = Dataset.of("opensanctions-demo", Label.of("OSINT"), SourceGrading.parse("B2"));
  static final ObjectMapper JSON = new ObjectMapper();

  static InputStream resource(String name) {
    return FtmReaderTest.class.getResourceAsStream(name);
  }

  static List<FtmReader.Read> read(String name) {
    return FtmReader.builder(DS).build().readAll(resource(name), name);
  }

  @Test
  void theTableFitsTheSchemaAndIsOneToOne() {
    assertEquals(List.of(), FtmMapping.defaults().check(Schema.defaults()));
    Set<String> types = new TreeSet<>();
    for (FtmMapping.SchemaMapping r : FtmMapping.defaults().schemata()) {
      assertTrue(types.add(r.type()), r.type() + " is held by two FtM schemata");
      assertEquals(r.properties().size(), Set.copyOf(r.properties().values()).size(),
          r.ftmSchema() + " maps two FtM properties to one of ours");
    }
    assertEquals("Transfer", FtmMapping.defaults().forFtm("Payment").orElseThrow().type());
    assertEquals("Identification", FtmMapping.defaults().forType("IdentityDocument").orElseThrow().ftmSchema());
    assertTrue(FtmMapping.defaults().forFtm("Email").isEmpty(), "FtM Email is a message, not an address");
    assertTrue(FtmMapping.defaults().forType("Phone").isEmpty());
  }

  @Test
  void everyMappedSchemaLoadsWithItsTypeIdsAndProvenance() {
    List<FtmReader.Read> reads = read("every-schema.ftm.jsonl");
    assertEquals(FtmMapping.defaults().schemata().size(), reads.size(), "one line per mapped schema");
    Set<String> ftmSchemata = new TreeSet<>();
    for (FtmReader.Read r : reads) {
      assertEquals(List.of(), r.problems(), r.toString());
      Entity e = r.entity().orElseThrow();
      ftmSchemata.add(r.ftmSchema());
      assertEquals(FtmMapping.defaults().forFtm(r.ftmSchema()).orElseThrow().type(), e.schema());
      assertEquals(EntityId.fromSource(DS.name(), r.ftmId()), e.id());
      for (Statement s : e.statements()) {
        assertEquals(DS.label(), s.label());
        assertEquals(DS.grading(), s.provenance().grading());
        assertEquals(FtmReader.METHOD, s.provenance().method());
        assertEquals("every-schema.ftm.jsonl:" + r.line() + "#" + r.ftmId(), s.provenance().recordId());
        assertEquals(r.ftmId(), FtmReader.ftmId(s.provenance()).orElseThrow());
      }
    }
    assertEquals(FtmMapping.defaults().schemata().stream().map(FtmMapping.SchemaMapping::ftmSchema)
        .collect(Collectors.toCollection(TreeSet::new)), ftmSchemata);
    Entity ownership = reads.stream().filter(r -> r.ftmId().equals("own-1")).findFirst().orElseThrow().entity()
        .orElseThrow();
    assertEquals(List.of(EntityId.fromSource(DS.name(), "NK-person-1").value()), ownership.values("owner"));
    FtmReader.Read call = reads.stream().filter(r -> r.ftmId().equals("call-1")).findFirst().orElseThrow();
    Entity phone = call.derived().get(0);
    assertEquals("Phone", phone.schema());
    assertEquals(EntityId.fromSource(DS.name(), "Phone:number=+35799123456"), phone.id(), "keyed as call records key it");
    assertEquals(List.of(EntityId.fromSource(DS.name(), "NK-person-1").value()), phone.values("owner"));
    assertEquals(List.of(phone.id().value()), call.entity().orElseThrow().values("caller"));
    assertEquals(List.of(call.derived().get(1).id().value()), call.entity().orElseThrow().values("callee"));
    Entity person = reads.get(0).entity().orElseThrow();
    assertEquals(List.of("brown"), person.values("eyeColour"));
    assertEquals(List.of("cy"), person.values("citizenship"));
  }

  @Test
  void badInputIsOneLineEachAndTheRestLoads() {
    List<FtmReader.Read> reads = read("bad-input.ftm.jsonl");
    List<String> problems = new ArrayList<>();
    reads.forEach(r -> r.problems().forEach(p -> problems.add(p.describe())));
    String all = String.join("\n", problems);
    Entity anna = reads.get(0).entity().orElseThrow();
    assertEquals(List.of("Anna Schmidt"), anna.values("name"));
    assertEquals(List.of("1980-01-02"), anna.values("birthDate"));
    assertTrue(anna.values("nationality").isEmpty());
    assertTrue(all.contains("bad-input.ftm.jsonl:1: id ok-1: property Person.weakAlias is not held"), all);
    assertTrue(all.contains("bad-input.ftm.jsonl:1: id ok-1: property Person.birthDate: value refused"), all);
    assertTrue(all.contains("bad-input.ftm.jsonl:1: id ok-1: property Person.nationality holds a number"), all);
    assertTrue(all.contains("bad-input.ftm.jsonl:2: not a JSON object"), all);
    assertTrue(all.contains("bad-input.ftm.jsonl:3: the entity has no id"), all);
    assertTrue(all.contains("bad-input.ftm.jsonl:4: id plane-1: schema 'Airplane' is not held"), all);
    assertTrue(all.contains("bad-input.ftm.jsonl:5: id email-1: schema 'Email' is not held"), all);
    assertTrue(all.contains("bad-input.ftm.jsonl:7: not a JSON object but array"), all);
    assertTrue(all.contains("bad-input.ftm.jsonl:8: id ok-2: property Company.program is not held"), all);
    assertTrue(all.contains("bad-input.ftm.jsonl:9: id empty-1: Person has no value this SDK holds"), all);
    Entity bare = reads.stream().filter(r -> r.ftmId().equals("ok-2")).findFirst().orElseThrow().entity().orElseThrow();
    assertEquals("Company", bare.schema());
    assertEquals(List.of("Bare String Ltd"), bare.values("name"));
    assertEquals(2, reads.stream().filter(r -> r.entity().isPresent()).count());
    assertEquals(11, problems.size(), all);
  }

  @Test
  void aJsonArrayIsReadWithTheLineEachEntityStartsOn() {
    String array = "[\n {\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}},\n"
        + " {\"id\": \"b\", \"schema\": \"Person\",\n  \"properties\": {\"name\": [\"B\"]}}\n]";
    FtmReader.Summary s = FtmReader.builder(DS).build().read(bytes(array), "list.json", null, r -> { });
    assertEquals(2, s.loaded());
    assertTrue(s.complete());
    List<FtmReader.Read> reads = FtmReader.builder(DS).build().readAll(bytes(array), "list.json");
    assertEquals(List.of(2L, 3L), reads.stream().map(FtmReader.Read::line).toList());
    FtmReader.Summary cut = FtmReader.builder(DS).build().read(bytes(array.substring(0, 80)), "cut.json", null,
        r -> { });
    assertFalse(cut.complete());
    assertEquals(1, cut.loaded());
  }

  @Test
  void readingTwiceGivesTheSameStatements() {
    Set<String> first = ids(read("every-schema.ftm.jsonl"));
    assertEquals(first, ids(read("every-schema.ftm.jsonl")));
  }

  @Test
  void writingBackGivesTheSameFile() throws IOException {
    List<FtmReader.Read> reads = read("every-schema.ftm.jsonl");
    List<Entity> entities = reads.stream().flatMap(r -> r.all().stream()).toList();
    StringWriter out = new StringWriter();
    FtmWriter.Result result = FtmWriter.of(Schema.defaults()).write(entities, out);
    assertEquals(reads.size(), result.written());
    assertEquals(Map.of("Phone", 2L), result.omittedTypes(), "the Call's two phones: FtM holds them on the Call");
    assertEquals(Map.of(), result.omittedProperties());
    Set<JsonNode> written = new java.util.HashSet<>();
    for (String line : out.toString().split("\n")) {
      JsonNode n = JSON.readTree(line);
      assertEquals(List.of(DS.name()), List.of(n.get("datasets").get(0).asText()));
      written.add(withoutDatasets(n));
    }
    Set<JsonNode> expected = new java.util.HashSet<>();
    try (InputStream in = resource("every-schema.ftm.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        expected.add(withoutDatasets(JSON.readTree(line)));
      }
    }
    assertEquals(expected, written);
  }

  @Test
  void docsFtmPublishesTheTableAsTheCodeHasIt() throws IOException {
    List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("..", "docs", "ftm.md"));
    for (FtmMapping.SchemaMapping r : FtmMapping.defaults().schemata()) {
      String prefix = "| `" + r.ftmSchema() + "` | `" + r.type() + "` |";
      String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
          .orElseThrow(() -> new AssertionError("docs/ftm.md has no row " + prefix));
      java.util.List<String> cells = new ArrayList<>();
      r.properties().forEach((ftm, ours) -> cells.add(ftm.equals(ours) ? "`" + ftm + "`"
          : "`" + ftm + "` \u2194 `" + ours + "`"));
      for (String c : cells) {
        assertTrue(line.contains(c), "docs/ftm.md row " + r.ftmSchema() + " lacks " + c);
      }
      assertEquals(r.properties().size(), line.split("`").length / 2 - 2
          - (int) r.properties().entrySet().stream().filter(e -> !e.getKey().equals(e.getValue())).count(),
          "docs/ftm.md row " + r.ftmSchema() + " lists other properties than the code");
    }
  }

  @Test
  void ftmStatementCsvReadsAsTheSameEntities() {
    String csv = "canonical_id,entity_id,prop,prop_type,schema,value,dataset,lang,original_value,first_seen,"
        + "last_seen,external,id\r\n"
        + "NK-1,NK-1,id,id,Person,NK-1,demo,,,2024-01-01,2024-01-01,false,s0\r\n"
        + "NK-1,NK-1,name,name,Person,Ivan Petrov,demo,,,,,false,s1\r\n"
        + "NK-1,NK-1,alias,name,Person,\"Petrov, Ivan\",demo,,,,,false,s2\r\n"
        + "NK-1,NK-1,notes,text,Person,\"line one\nline \"\"two\"\"\",demo,,,,,false,s3\r\n"
        + "NK-1,NK-1,birthDate,date,Person,1975-03-14,demo,,,,,false,s4\r\n"
        + "co-1,co-1,name,name,Company,Acme Ltd,demo,,,,,false,s5\r\n"
        + "co-1,co-1,weakAlias,name,Company,Acme,demo,,,,,false,s6\r\n"
        + "broken,row\r\n"
        + "own-1,own-1,owner,entity,Ownership,NK-1,demo,,,,,false,s7\r\n"
        + "own-1,own-1,asset,entity,Ownership,co-1,demo,,,,,false,s8\r\n";
    List<FtmReader.Read> reads = FtmReader.builder(DS).build().readAll(bytes(csv), "statements.csv");
    Map<String, FtmReader.Read> byId = new java.util.HashMap<>();
    reads.forEach(r -> byId.put(r.ftmId().isEmpty() ? "line" + r.line() : r.ftmId(), r));
    Entity ivan = byId.get("NK-1").entity().orElseThrow();
    assertEquals("Person", ivan.schema());
    assertEquals(2, byId.get("NK-1").line());
    assertEquals(List.of("Petrov, Ivan"), ivan.values("alias"));
    assertEquals(List.of("line one\nline \"two\""), ivan.values("notes"));
    assertEquals(List.of("1975-03-14"), ivan.values("birthDate"));
    assertEquals("Company", byId.get("co-1").entity().orElseThrow().schema());
    assertTrue(byId.get("co-1").problems().get(0).describe().contains("Company.weakAlias is not held"));
    assertTrue(byId.get("line10").problems().get(0).describe()
        .startsWith("statements.csv:10: the row has 2 cells, the header 13"), byId.get("line10").toString());
    assertEquals(List.of(EntityId.fromSource(DS.name(), "NK-1").value()),
        byId.get("own-1").entity().orElseThrow().values("owner"));
    assertEquals(11, byId.get("own-1").line(), "the line the entity's rows start on, quoted line breaks counted");
  }

  static JsonNode withoutDatasets(JsonNode n) {
    com.fasterxml.jackson.databind.node.ObjectNode o = n.deepCopy();
    o.remove("datasets");
    return o;
  }

  static Set<String> ids(List<FtmReader.Read> reads) {
    return reads.stream().flatMap(r -> r.entity().stream()).flatMap(e -> e.statements().stream())
        .map(Statement::id).collect(Collectors.toCollection(TreeSet::new));
  }

  static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
