package org.insight.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.insight.core.DateParser;
import org.insight.core.Entity;
import org.insight.core.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data as it arrives ({@code messy/}): a bad value is reported with its column and left out, the row loads with the
 * rest; typed mappings select rows by a field and report a row no rule matches.
 */
class ValuesNotRowsTest {
  @TempDir Path dir;

  private Path copy(String name) throws IOException {
    Path out = dir.resolve(name);
    try (InputStream in = ValuesNotRowsTest.class.getResourceAsStream("/messy/" + name)) {
      Files.copy(in, out);
    }
    return out;
  }

  @Test
  void aBadValueIsLeftOutAndTheRowLoadsWithTheRest() throws Exception {
    Fixtures.Read r = Fixtures.read(copy("persons.csv"), RecordMapping.builtIn("persons"));
    Entity ivan = r.at(2).entities().get(0);
    assertEquals(List.of("1975-03-14"), ivan.values("birthDate"), "basic ISO");
    assertEquals(List.of("Ivan Petrov"), ivan.values("name"), "the name parts compose the name");
    assertEquals(List.of("12 Main Street, Springfield"), ivan.values("address"), "the quoted line break is kept");

    MappedRecord marco = r.at(4);
    assertTrue(marco.ok(), marco.problems().toString());
    Entity m = marco.entities().get(0);
    assertTrue(m.values("birthDate").isEmpty() && m.values("email").isEmpty());
    assertEquals(List.of("it"), m.values("nationality"));
    assertEquals(List.of("7 Harbour Road"), m.values("address"));
    assertEquals(List.of("dob", "email"), marco.problems().stream().map(RowProblem::column).toList());
    assertEquals(List.of("1969-27-01", "not-an-email"), marco.problems().stream().map(RowProblem::value).toList());
    assertTrue(marco.problems().get(0).reason().contains("month 27"), marco.problems().toString());

    MappedRecord amina = r.at(5);
    assertTrue(amina.ok());
    assertEquals(List.of("dob", "nationality"), amina.problems().stream().map(RowProblem::column).toList());
    assertTrue(amina.problems().get(0).reason().contains("month-first (mdy)"), "never swapped silently");

    MappedRecord empty = r.at(6);
    assertFalse(empty.ok());
    assertEquals(List.of("dob"), empty.problems().stream().map(RowProblem::column).filter(c -> !c.isEmpty()).toList());
    assertTrue(empty.problems().stream().anyMatch(p -> p.reason().equals("no usable value in this row")),
        empty.problems().toString());

    assertEquals(List.of("1962-03-14"), r.at(7).entities().get(0).values("birthDate"), "an ISO week date");
    assertEquals(4, r.summary().loaded(), "every row with a usable value loads");
  }

  @Test
  void aMappingSaysHowItsSourceWritesDates() throws Exception {
    Path file = dir.resolve("us.csv");
    Files.writeString(file, "id,name,dob\n1,Amina Haddad,03/14/88\n", StandardCharsets.UTF_8);
    RecordMapping us = RecordMapping.builder("us").dates(DateParser.builder().order(DateParser.Order.MDY).pivot(1930)
        .build()).entity("p", "Person", e -> e.keyFields("id").property("name", "name").property("birthDate", "dob"))
        .build();
    Fixtures.Read r = Fixtures.read(file, us);
    assertEquals(List.of("1988-03-14"), r.at(2).entities().get(0).values("birthDate"));
    assertTrue(r.problems().isEmpty(), r.problems().toString());

    Path mapping = dir.resolve("m.json");
    Files.writeString(mapping, "{\"dateOrder\": \"mdy\", \"datePivot\": 1930, \"entities\": {\"p\": {\"type\": \"Person\","
        + " \"keyFields\": [\"id\"], \"properties\": {\"name\": \"name\", \"birthDate\": \"dob\"}}}}", StandardCharsets.UTF_8);
    assertEquals(List.of("1988-03-14"), Fixtures.read(file, RecordMapping.load(mapping)).at(2).entities().get(0)
        .values("birthDate"));
    Files.writeString(mapping, "{\"dateOrder\": \"dym\", \"entities\": {}}", StandardCharsets.UTF_8);
    RecordMappingException e = assertThrows(RecordMappingException.class, () -> RecordMapping.load(mapping));
    assertTrue(e.getMessage().contains("use dmy, mdy or ymd"), e.getMessage());
  }

  @Test
  void typedMappingsSelectRowsByAFieldAndReportARowNoRuleMatches() throws Exception {
    RecordMapping m = RecordMapping.load(copy("ftm-mapping.json"));
    Fixtures.Read r = Fixtures.read(copy("ftm.jsonl"), m);
    assertEquals("Person", r.at(1).entities().get(0).schema());
    assertEquals(1, r.at(1).entities().size());
    MappedRecord company = r.at(2);
    assertEquals(List.of("Organization"), company.entities().stream().map(Entity::schema).toList(),
        "a Company row is not forced into a Person");
    assertEquals(List.of("Petrov Holdings Ltd"), company.entities().get(0).values("name"));
    assertEquals("properties.incorporationDate", company.problems().get(0).column(), "30 February left out");
    MappedRecord vessel = r.at(3);
    assertFalse(vessel.ok());
    assertTrue(vessel.problems().get(0).reason().contains("matches no rule")
        && vessel.problems().get(0).reason().contains("schema is ['Vessel']"), vessel.problems().toString());
    assertEquals("Organization", r.at(4).entities().get(0).schema(), "values are compared trimmed");

    RecordMappingException bad = assertThrows(RecordMappingException.class, () -> RecordMapping.parse(
        new java.io.ByteArrayInputStream("{\"entities\": {\"p\": {\"type\": \"Person\", \"when\": \"schema\"}}}"
            .getBytes(StandardCharsets.UTF_8)), "bad.json", Schema.defaults()));
    assertTrue(bad.getMessage().contains("entities.p.when must be"), bad.getMessage());
  }
}
