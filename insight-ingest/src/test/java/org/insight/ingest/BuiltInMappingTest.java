package org.insight.ingest;

import static org.insight.ingest.Fixtures.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.insight.core.Entity;
import org.insight.core.Link;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInMappingTest {
  @TempDir Path dir;

  @Test
  void cdrWithBomCrlfEmbeddedNewlineAndABadTimestamp() {
    Fixtures.Read r = Fixtures.read(Fixtures.copy("cdr.csv", dir), RecordMapping.builtIn("cdr"));

    MappedRecord first = r.at(2);
    assertTrue(first.ok(), first.problems().toString());
    assertEquals("cdr.csv:2", first.recordId());
    Entity caller = first.entities().get(0);
    Entity callee = first.entities().get(1);
    assertEquals(Map.of("number", List.of("+33612345678")), props(caller));
    assertEquals(Map.of("number", List.of("+447700900123")), props(callee));
    Entity call = first.links().get(0);
    assertEquals(Map.of(
        "caller", List.of(caller.id().value()),
        "callee", List.of(callee.id().value()),
        "startTime", List.of("2026-03-14T10:22:05"),
        "startDate", List.of("2026-03-14"),
        "duration", List.of("65"),
        "cellId", List.of("FR750012"),
        "point", List.of("48.8566,2.3522"),
        "callType", List.of("voice")), props(call));
    Link link = Link.of(call, Schema.defaults()).orElseThrow();
    assertEquals(caller.id(), link.source());
    assertEquals(callee.id(), link.target());

    // the quoted call type spans lines 3-4; 0033… is the same phone as +33 6 12 34 56 78
    MappedRecord second = r.at(3);
    assertTrue(second.ok(), second.problems().toString());
    assertEquals(caller.id(), second.entities().get(0).id());
    assertEquals(Map.of(
        "caller", List.of(caller.id().value()),
        "callee", List.of(second.entities().get(1).id().value()),
        "startTime", List.of("2026-03-14T11:00:00"),
        "startDate", List.of("2026-03-14"),
        "duration", List.of("12"),
        "callType", List.of("sms\nconcatenated")), props(second.links().get(0)));

    // line 5: month 13 — values, not rows: the time is left out and reported with its line, the call still loads
    MappedRecord bad = r.at(5);
    assertTrue(bad.ok(), bad.problems().toString());
    assertEquals(1, bad.links().size());
    assertTrue(bad.links().get(0).values("startTime").isEmpty() && bad.links().get(0).values("startDate").isEmpty());
    assertEquals(1, bad.problems().size(), "startTime and startDate read one field: one problem");
    for (RowProblem p : bad.problems()) {
      assertEquals("cdr.csv", p.file());
      assertEquals(5, p.line());
      assertTrue(p.valueLeftOut(), p.toString());
      assertEquals("2026-13-45 25:00:00", p.value());
      assertTrue(p.reason().contains("'2026-13-45 25:00:00'"), p.reason());
    }

    // line 6 (after a blank line): the callee of line 2 calls back, with a UTC offset kept
    MappedRecord back = r.at(7);
    assertEquals(callee.id(), back.entities().get(0).id());
    assertEquals(caller.id(), back.entities().get(1).id());
    assertEquals(List.of("2026-03-15T08:01:00+01:00"), back.links().get(0).values("startTime"));
    assertEquals(List.of("missed"), back.links().get(0).values("callType"));

    assertEquals(List.of(2L, 3L, 5L, 7L), r.records().stream().map(MappedRecord::line).toList());
    RecordSummary s = r.summary();
    assertEquals(4, s.rows());
    assertEquals(4, s.loaded(), "line 5 loads without its bad timestamp");
    assertEquals(8, s.entities());
    assertEquals(4, s.links());
    assertEquals(1, s.problemCount());
    assertTrue(s.complete());
  }

  @Test
  void everyStatementCarriesTheDatasetLabelGradingAndProvenance() {
    Fixtures.Read r = Fixtures.read(Fixtures.copy("cdr.csv", dir), RecordMapping.builtIn("cdr"));
    List<Statement> all = r.records().stream().flatMap(m -> m.all().stream())
        .flatMap(e -> e.statements().stream()).toList();
    assertFalse(all.isEmpty());
    for (Statement st : all) {
      assertEquals(Label.of("POLICE&FR"), st.label());
      assertEquals("test-records", st.provenance().dataset());
      assertEquals(SourceGrading.parse("B2"), st.provenance().grading());
      assertEquals("record:csv:cdr", st.provenance().method());
      assertTrue(st.provenance().recordId().matches("cdr\\.csv:[0-9]+"), st.provenance().recordId());
      assertTrue(st.provenance().contentHash().isPresent(), "the file's SHA-256 is in provenance");
    }
  }

  @Test
  void transfersWithABadAmount() {
    Fixtures.Read r = Fixtures.read(Fixtures.copy("transfers.csv", dir), RecordMapping.builtIn("transfers"));
    MappedRecord first = r.at(2);
    assertTrue(first.ok(), first.problems().toString());
    Entity from = first.entities().get(0);
    Entity to = first.entities().get(1);
    assertEquals(Map.of("accountNumber", List.of("FR7630006000011234567890189")), props(from));
    assertEquals(Map.of("accountNumber", List.of("DE89370400440532013000")), props(to));
    assertEquals(Map.of(
        "payer", List.of(from.id().value()),
        "beneficiary", List.of(to.id().value()),
        "amount", List.of("1500.5"),
        "currency", List.of("EUR"),
        "startTime", List.of("2026-02-01T09:00:00"),
        "date", List.of("2026-02-01"),
        "purpose", List.of("invoice 12")), props(first.links().get(0)));

    MappedRecord bad = r.at(3);
    assertEquals(1, bad.problems().size());
    assertEquals(3, bad.problems().get(0).line());
    assertTrue(bad.problems().get(0).reason().contains("amount"), bad.problems().get(0).reason());
    assertTrue(bad.ok(), "values, not rows: the transfer loads without its amount");
    assertTrue(bad.links().get(0).values("amount").isEmpty());
    assertTrue(bad.problems().get(0).reason().contains("12.5O"), bad.problems().get(0).reason());

    MappedRecord last = r.at(4);
    assertTrue(last.ok(), last.problems().toString());
    assertEquals(from.id(), last.entities().get(0).id(), "the same account, written without spaces");
    assertEquals(Map.of(
        "payer", List.of(from.id().value()),
        "beneficiary", List.of(last.entities().get(1).id().value()),
        "amount", List.of("250"),
        "currency", List.of("GBP"),
        "startTime", List.of("2026-02-02T12:30:00"),
        "date", List.of("2026-02-02"),
        "purpose", List.of("rent \"March\"")), props(last.links().get(0)));
    assertEquals(new RecordSummary("transfers.csv", 3, 3, 6, 3, 1, bad.problems(), true), r.summary());
  }

  @Test
  void noticeListWithNestedArraysAndAMissingField() {
    Fixtures.Read r = Fixtures.read(Fixtures.copy("notices.json", dir), RecordMapping.builtIn("notice"));
    assertEquals(3, r.records().size());

    MappedRecord petrov = r.records().get(0);
    assertTrue(petrov.ok(), petrov.problems().toString());
    assertEquals("notices.json#/_embedded/notices/0", petrov.recordId());
    assertEquals(6, petrov.line());
    Entity person = petrov.entities().get(0);
    assertEquals(new java.util.TreeMap<>(Map.ofEntries(
        Map.entry("noticeId", List.of("20264411")),
        Map.entry("name", List.of("IVAN PETROV")),
        Map.entry("firstName", List.of("IVAN")),
        Map.entry("lastName", List.of("PETROV")),
        Map.entry("birthDate", List.of("1975-03-14")),
        Map.entry("nationality", List.of("ru", "ua")),
        Map.entry("gender", List.of("male")),
        Map.entry("birthPlace", List.of("Saint Petersburg")),
        Map.entry("birthCountry", List.of("ru")),
        Map.entry("language", List.of("English", "Russian")),
        Map.entry("distinguishingMarks", List.of("Scar on the left cheek")),
        Map.entry("weight", List.of("82")),
        Map.entry("sourceUrl", List.of("https://notices.example.org/notices/v1/red/2026-4411")))), props(person));
    List<Entity> warrants = petrov.entities().subList(1, petrov.entities().size());
    assertEquals(2, warrants.size());
    assertEquals(Map.of("charge", List.of("Fraud; money laundering"), "issuingCountry", List.of("fr"),
        "subject", List.of(person.id().value())), props(warrants.get(0)));
    assertEquals(Map.of("charge", List.of("Participation in a criminal organisation"),
        "issuingCountry", List.of("de"), "subject", List.of(person.id().value())), props(warrants.get(1)));
    assertFalse(warrants.get(0).id().equals(warrants.get(1).id()));

    // no date of birth, place or marks: simply absent, not a problem
    MappedRecord silva = r.records().get(1);
    assertTrue(silva.ok(), silva.problems().toString());
    assertEquals(Map.of("noticeId", List.of("20265120"), "name", List.of("ANA SILVA"), "firstName", List.of("ANA"),
        "lastName", List.of("SILVA"), "nationality", List.of("br"), "gender", List.of("female"),
        "language", List.of("Portuguese")), props(silva.entities().get(0)));
    assertEquals(2, silva.entities().size());

    // 30 February: the date is left out and reported with the line of the notice's opening brace; the notice loads
    MappedRecord bauer = r.records().get(2);
    assertTrue(bauer.ok(), bauer.problems().toString());
    assertTrue(bauer.entities().get(0).values("birthDate").isEmpty());
    assertFalse(bauer.entities().get(0).values("name").isEmpty(), "the other values are kept");
    assertEquals(1, bauer.problems().size());
    RowProblem p = bauer.problems().get(0);
    assertEquals(35, p.line());
    assertEquals("1968/02/30", p.value());
    assertTrue(p.reason().contains("birthDate") && p.reason().contains("1968/02/30"), p.reason());
    assertEquals(3, r.summary().loaded());
  }

  @Test
  void aSingleNoticeObjectIsOneRecordWithTheSameIds() {
    Fixtures.Read list = Fixtures.read(Fixtures.copy("notices.json", dir), RecordMapping.builtIn("notice"));
    Fixtures.Read single = Fixtures.read(Fixtures.copy("notice-single.json", dir), RecordMapping.builtIn("notice"));
    assertEquals(1, single.records().size());
    MappedRecord r = single.records().get(0);
    assertTrue(r.ok(), r.problems().toString());
    assertEquals("notice-single.json#", r.recordId());
    assertEquals(list.records().get(0).entities().get(0).id(), r.entities().get(0).id(),
        "the notice's entity_id identifies the person in any file of the dataset");
    assertEquals(List.of("Fraud"), r.entities().get(1).values("charge"));
  }

  @Test
  void personsTsvWithSplitsLookupsAndRepeatedIds() {
    Fixtures.Read r = Fixtures.read(Fixtures.copy("persons.tsv", dir), RecordMapping.builtIn("persons"));
    MappedRecord ivan = r.at(2);
    assertTrue(ivan.ok(), ivan.problems().toString());
    Entity p = ivan.entities().get(0);
    assertEquals(new java.util.TreeMap<>(Map.ofEntries(
        Map.entry("name", List.of("Ivan PETROV")),
        Map.entry("firstName", List.of("Ivan")),
        Map.entry("lastName", List.of("PETROV")),
        Map.entry("birthDate", List.of("1975-03-14")),
        Map.entry("nationality", List.of("ru", "ua")),
        Map.entry("passportNumber", List.of("724410981")),
        Map.entry("phone", List.of("+33612345678", "+74951234567")),
        Map.entry("email", List.of("ivan.petrov@example.org")),
        Map.entry("address", List.of("12 Rue de la Paix, Paris")),
        Map.entry("gender", List.of("male")))), props(p));

    assertEquals(Map.of("name", List.of("Maria GARCIA LOPEZ"), "birthDate", List.of("1980"),
        "nationality", List.of("es"), "gender", List.of("female")), props(r.at(4).entities().get(0)));

    MappedRecord smith = r.at(5);
    assertTrue(smith.ok(), "values, not rows: Smith loads without his date and e-mail");
    assertEquals(2, smith.problems().size());
    assertTrue(smith.problems().stream().anyMatch(x -> x.reason().contains("31.02.1979")), smith.problems().toString());
    assertTrue(smith.problems().stream().anyMatch(x -> x.reason().contains("john@example")), smith.problems().toString());

    MappedRecord again = r.at(6);
    assertEquals(p.id(), again.entities().get(0).id(), "the id column identifies the person across rows");
    assertEquals(new RecordSummary("persons.tsv", 4, 4, 4, 0, 2, smith.problems(), true), r.summary());
  }

  @Test
  void builtInNamesAndResolve() {
    assertEquals(List.of("cdr", "notice", "persons", "transfers"), RecordMapping.builtInNames());
    for (String name : RecordMapping.builtInNames()) {
      assertEquals(name, RecordMapping.resolve(name, Schema.defaults()).name());
    }
    RecordMappingException e = org.junit.jupiter.api.Assertions.assertThrows(RecordMappingException.class,
        () -> RecordMapping.builtIn("cdrs"));
    assertTrue(e.getMessage().contains("did you mean 'cdr'"), e.getMessage());
  }
}
