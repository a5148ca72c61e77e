package org.insight.ingest;

import static org.insight.ingest.RecordMappingTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReaderTest {
  @TempDir Path dir;

  static final RecordMapping PEOPLE = RecordMapping.builder("people")
      .entity("p", "Person", s -> s.keyFields("id").property("name", "name").property("nationality", "country"))
      .build();

  private Fixtures.Read read(String name, byte[] bytes, RecordMapping mapping) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return Fixtures.read(file, mapping);
  }

  private Fixtures.Read read(String name, String text, RecordMapping mapping) throws Exception {
    return read(name, text.getBytes(StandardCharsets.UTF_8), mapping);
  }

  @Test
  void jsonLinesReportsABadLineAndLoadsTheRest() throws Exception {
    Fixtures.Read r = read("people.jsonl", """
        {"id": 1, "name": "Ivan Petrov", "country": "RU"}

        {"id": 2, "name": "Ana Silva", "country": "BR"
        ["not", "an", "object"]
        {"id": 3, "name": {"first": "Karl"}, "country": "DE"}
        {"id": 4, "name": "Karl Bauer", "country": "DE"}
        """, PEOPLE);
    assertEquals(List.of(1L, 3L, 4L, 5L, 6L), r.records().stream().map(MappedRecord::line).toList());
    assertTrue(r.at(1).ok());
    assertEquals("people.jsonl:1", r.at(1).recordId());
    assertContains(r.at(3).problems().get(0).reason(), "not valid JSON");
    assertContains(r.at(4).problems().get(0).reason(), "not an object");
    assertContains(r.at(5).problems().get(0).reason(), "field 'name' holds an object, not a value; map one of its fields (name.first)");
    assertEquals(List.of("de"), r.at(5).entities().get(0).values("nationality"), "the object is left out, not the row");
    assertEquals(List.of("Karl Bauer"), r.at(6).entities().get(0).values("name"));
    assertEquals(3, r.summary().loaded());
    assertTrue(r.summary().complete());
  }

  @Test
  void truncatedJsonKeepsWhatWasReadAndSaysItStopped() throws Exception {
    Fixtures.Read r = read("people.json", "[\n{\"id\": 1, \"name\": \"Ivan Petrov\"},\n{\"id\": 2, \"name\": \"Ana",
        PEOPLE);
    assertTrue(r.records().get(0).ok());
    assertEquals("people.json#/0", r.records().get(0).recordId());
    RowProblem last = r.problems().get(r.problems().size() - 1);
    assertContains(last.reason(), "malformed JSON");
    assertEquals(3, last.line());
    assertFalse(r.summary().complete());
    assertEquals(1, r.summary().rows());
  }

  @Test
  void aTopLevelScalarIsNotARecordFile() throws Exception {
    RecordFileException e = assertThrows(RecordFileException.class, () -> read("x.json", "42", PEOPLE));
    assertContains(e.getMessage(), "x.json holds a JSON number, not records");
  }

  @Test
  void anUnterminatedQuoteStopsWithTheLineItStartsOn() throws Exception {
    Fixtures.Read r = read("people.csv", "id,name,country\n1,Ivan Petrov,RU\n2,\"Ana Silva,BR\n3,Karl Bauer,DE\n",
        PEOPLE);
    assertTrue(r.at(2).ok());
    RowProblem p = r.at(3).problems().get(0);
    assertContains(p.reason(), "a quoted cell that starts on line 3 is never closed");
    assertFalse(r.summary().complete());
  }

  @Test
  void shiftedCellsAreARowProblemButTrailingEmptyCellsAreNot() throws Exception {
    Fixtures.Read r = read("people.csv", "id,name,country\n1,Petrov, Ivan,RU\n2,Ana Silva,BR,,\n", PEOPLE);
    assertContains(r.at(2).problems().get(0).reason(), "the row has 4 cells but the header has 3 columns");
    assertTrue(r.at(3).ok(), r.at(3).problems().toString());
  }

  @Test
  void bytesInvalidInTheEncodingStopWithAHintAndAnotherEncodingReadsThem() throws Exception {
    byte[] latin = "id,name,country\n1,José Núñez,ES\n".getBytes(StandardCharsets.ISO_8859_1);
    Fixtures.Read utf8 = read("latin.csv", latin, PEOPLE);
    assertContains(utf8.problems().get(0).reason(), "not valid UTF-8");
    assertFalse(utf8.summary().complete());

    List<MappedRecord> out = new ArrayList<>();
    RecordReader.builder(PEOPLE, Fixtures.DATASET).charset(StandardCharsets.ISO_8859_1).build()
        .read(new ByteArrayInputStream(latin), "latin.csv", null, out::add);
    assertEquals(List.of("José Núñez"), out.get(0).entities().get(0).values("name"));
  }

  @Test
  void headerlessFilesUseTheMappingsColumnNames() throws Exception {
    RecordMapping m = RecordMapping.builder("noheader").header(false).columns("id", "name", "country")
        .delimiter(';').entity("p", "Person", s -> s.keyFields("id").property("name", "name")
            .property("nationality", "country"))
        .build();
    Fixtures.Read r = read("p.csv", "1; \"Petrov, Ivan\" ;RU\r\n", m);
    assertEquals(List.of("Petrov, Ivan"), r.at(1).entities().get(0).values("name"));
    assertEquals(List.of("ru"), r.at(1).entities().get(0).values("nationality"));
  }

  @Test
  void aRowWithNothingMappedIsReportedNotDropped() throws Exception {
    Fixtures.Read r = read("people.csv", "id,name,country\n7,,\n", PEOPLE);
    assertEquals(List.of("no mapped field has a value in this row"),
        r.problems().stream().map(RowProblem::reason).toList());
  }

  @Test
  void aLinkWithoutOneEndIsARowProblem() throws Exception {
    Fixtures.Read r = read("calls.csv", "caller,callee,start_time\n+33612345678,,2026-01-01T10:00:00\n",
        RecordMapping.builtIn("cdr"));
    assertEquals(1, r.problems().size());
    assertContains(r.problems().get(0).reason(), "call (Call): its target 'callee' has no value in this row");
  }
}
