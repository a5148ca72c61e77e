package org.insight.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.insight.core.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordMappingTest {
  @TempDir Path dir;

  static RecordMapping parse(String json) {
    return RecordMapping.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "m.json",
        Schema.defaults());
  }

  @Test
  void aMappingFileWithMistakesListsEveryOneWithItsFix() {
    RecordMappingException e = assertThrows(RecordMappingException.class, () -> parse("""
        {"name": "broken", "format": "csv", "entitys": {},
         "entities": {
           "who": {"type": "Persn", "properties": {"name": "n"}},
           "person": {"type": "Person", "key": ["passport"], "propertes": {},
                      "properties": {"birthdate": "dob", "nationality": {"const": "Atlantis"},
                                     "birthDate": {"field": "dob", "date": "dd/MM/yyyyb"}}},
           "phone": {"type": "Phone", "properties": {"number": "tel", "owner": "person_id"}}
         },
         "links": {
           "call": {"type": "Call", "source": "phone", "target": "nobody"},
           "knows": {"type": "Person", "source": "person", "target": "person"}
         }}
        """));
    List<String> problems = e.problems();
    String all = String.join("\n", problems);
    assertContains(all, "unknown key 'entitys'; did you mean 'entities'?");
    assertContains(all, "unknown key 'entities.person.propertes'; did you mean 'properties'?");
    assertContains(all, "entity 'who': unknown type 'Persn'; did you mean 'Person'?");
    assertContains(all, "entity 'person': unknown property 'birthdate' on type Person; did you mean 'birthDate'?");
    assertContains(all, "entity 'person'.nationality constant: the value 'Atlantis'");
    assertContains(all, "entity 'person'.birthDate: bad date pattern 'dd/MM/yyyyb'");
    assertContains(all, "entity 'person': key property 'passport' is not mapped");
    assertContains(all, "entity 'phone'.owner: is a reference to another entity");
    assertContains(all, "link 'call': its end 'nobody' is not an entity of this mapping");
    assertContains(all, "link 'knows': Person is not a link type");
    assertEquals(10, problems.size(), all);
    for (String p : problems) {
      assertTrue(p.startsWith("m.json: "), p);
    }
  }

  @Test
  void malformedJsonSaysWhere() {
    RecordMappingException e = assertThrows(RecordMappingException.class, () -> parse("{\"name\": \"x\",\n \"entities\": {"));
    assertContains(e.getMessage(), "m.json is not valid JSON at line 2");
  }

  @Test
  void theBuilderValidatesToo() {
    RecordMappingException e = assertThrows(RecordMappingException.class, () -> RecordMapping.builder("b")
        .entity("p", "Phone", s -> s.property("numbr", "tel"))
        .entity("p", "Email", s -> s.property("address", "mail"))
        .build());
    assertContains(e.getMessage(), "unknown property 'numbr' on type Phone; did you mean 'number'?");
    assertContains(e.getMessage(), "entity 'p' is defined twice");
  }

  @Test
  void aMappingFileLoadsAndMapsWithTransforms() throws Exception {
    Path mapping = dir.resolve("vehicles.json");
    Files.writeString(mapping, """
        {"description": "registered vehicles", "format": "csv", "delimiter": ";", "encoding": "windows-1252",
         "entities": {
           "owner": {"type": "Person", "keyFields": ["owner_id"], "properties": {"name": "owner",
                     "birthDate": {"field": "born", "date": "MM-dd-yyyy"}, "gender": {"field": "sex", "lookup": {"1": "male", "2": "female", "9": ""}}}},
           "car": {"type": "Vehicle", "key": ["registrationNumber"], "properties": {
                     "registrationNumber": "plate", "colour": {"field": "colours", "split": "/"},
                     "kind": {"const": "car"}, "owner": {"entity": "owner"}}}
         }}
        """);
    RecordMapping m = RecordMapping.load(mapping);
    assertEquals("vehicles", m.name());
    Path csv = dir.resolve("cars.txt");
    Files.write(csv, "owner_id;owner;born;sex;plate;colours\n7;José Núñez;03-14-1975;9;AB-123-CD;red / white\n"
        .getBytes("windows-1252"));
    List<MappedRecord> out = new ArrayList<>();
    RecordSummary s = RecordReader.read(csv, m, Fixtures.DATASET, out::add);
    assertEquals(1, s.loaded(), s.problems().toString());
    MappedRecord r = out.get(0);
    assertEquals(Map.of("name", List.of("José Núñez"), "birthDate", List.of("1975-03-14")),
        Fixtures.props(r.entities().get(0)));
    assertEquals(Map.of("registrationNumber", List.of("AB123CD"), "colour", List.of("red", "white"),
        "kind", List.of("car"), "owner", List.of(r.entities().get(0).id().value())),
        Fixtures.props(r.entities().get(1)));
  }

  @Test
  void aMissingColumnRefusesTheFileBeforeAnythingLoads() throws Exception {
    Path csv = dir.resolve("calls.csv");
    Files.writeString(csv, "Caller ,CALLEE,begin\n+33612345678,+33698765432,2026-01-01T10:00:00\n");
    List<MappedRecord> out = new ArrayList<>();
    RecordFileException e = assertThrows(RecordFileException.class,
        () -> RecordReader.read(csv, RecordMapping.builtIn("cdr"), Fixtures.DATASET, out::add));
    assertContains(e.getMessage(), "calls.csv: the mapping 'cdr' reads column one of [start_time, startTime,"
        + " start_date, startDate, start, timestamp, date] (available: begin, CALLEE, Caller)");
    assertTrue(out.isEmpty());
  }

  @Test
  void alternativeColumnNamesReadTheFirstPresent() throws Exception {
    Path csv = dir.resolve("export.csv");
    Files.writeString(csv, "A_Number,B_Number,Timestamp,Seconds\n+33612345678,+33698765432,02/01/2026,40\n");
    List<MappedRecord> out = new ArrayList<>();
    RecordReader.read(csv, RecordMapping.builtIn("cdr"), Fixtures.DATASET, out::add);
    assertTrue(out.get(0).ok(), out.get(0).problems().toString());
    assertEquals(List.of("+33612345678"), out.get(0).entities().get(0).values("number"));
    assertEquals(Map.of("caller", List.of(out.get(0).entities().get(0).id().value()),
        "callee", List.of(out.get(0).entities().get(1).id().value()), "startTime", List.of("2026-01-02"),
        "startDate", List.of("2026-01-02"), "duration", List.of("40")), Fixtures.props(out.get(0).links().get(0)));
  }

  @Test
  void detectsFormatsByExtension() {
    assertEquals(RecordFormat.TSV, RecordFormat.detect(Path.of("a/b.TSV")).orElseThrow());
    assertEquals(RecordFormat.JSON_LINES, RecordFormat.detect(Path.of("x.ndjson")).orElseThrow());
    assertTrue(RecordFormat.detect(Path.of("report.pdf")).isEmpty());
  }

  @Test
  void theExampleInTheArchitectureDocParsesAndMaps() throws Exception {
    Path doc = Path.of("..", "docs", "architecture.md");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(doc), "run from the module directory");
    String text = Files.readString(doc);
    int start = text.indexOf("```json", text.indexOf("Mapping file format"));
    String json = text.substring(start + 7, text.indexOf("```", start + 7));
    RecordMapping m = parse(json);
    assertEquals("my-cdr", m.name());
    assertEquals(';', m.delimiter().orElseThrow());
    Path csv = dir.resolve("x.csv");
    Files.write(csv, ("subscriber_id;first_name;last_name;sex;dob;calling_number;called_number;start;seconds\n"
        + "s1;Ivan;Petrov;M;03-14-1975;+33612345678;+447700900123;14/03/2026 10:00:00;12,5\n")
        .getBytes("windows-1252"));
    List<MappedRecord> out = new ArrayList<>();
    RecordReader.read(csv, m, Fixtures.DATASET, out::add);
    assertTrue(out.get(0).ok(), out.get(0).problems().toString());
    assertEquals(List.of("Ivan Petrov"), out.get(0).entities().get(0).values("name"));
    assertEquals(List.of(out.get(0).entities().get(0).id().value()), out.get(0).entities().get(1).values("owner"));
    assertEquals(List.of("12.5"), out.get(0).links().get(0).values("duration"));
  }

  static void assertContains(String text, String part) {
    assertTrue(text.contains(part), () -> "expected '" + part + "' in:\n" + text);
  }
}
