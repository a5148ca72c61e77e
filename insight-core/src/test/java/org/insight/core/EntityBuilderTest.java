package org.insight.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;

class EntityBuilderTest {
  final Dataset notices = Dataset.of("notices", Label.of("INTERPOL"), SourceGrading.parse("B2"));

  @Test
  void cleansValuesAndKeepsTheOriginal() {
    Entity e = notices.entity("Person", "2026/1").add("name", "  Ivan   PETROV ").add("birthDate", "14.03.1975")
        .add("nationality", "Russia").build();
    assertEquals(List.of("Ivan PETROV"), e.values("name"));
    assertEquals(List.of("1975-03-14"), e.values("birthDate"));
    assertEquals(List.of("ru"), e.values("nationality"));
    Statement dob = e.statements().stream().filter(s -> s.property().equals("birthDate")).findFirst().orElseThrow();
    assertEquals("14.03.1975", dob.original());
    assertEquals(Label.of("INTERPOL"), dob.label());
    assertEquals("notices", dob.provenance().dataset());
    assertEquals("2026/1", dob.provenance().recordId());
    assertEquals(SourceGrading.parse("B2"), dob.provenance().grading());
  }

  @Test
  void idsAreSourceDerivedAndStable() {
    Entity a = notices.entity("Person", "2026/1").add("name", "A").build();
    Entity b = notices.entity("Person", "2026/1").add("name", "A").build();
    Entity other = Dataset.of("other", Label.of("X"), null).entity("Person", "2026/1").add("name", "A").build();
    assertEquals(a.id(), b.id());
    assertEquals(a.statements().get(0).id(), b.statements().get(0).id());
    assertNotEquals(a.id(), other.id(), "the same record id in another dataset is another entity");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> notices.entity("Person", "1")
        .add("name", "Ok").add("birthDate", "1975-02-30").add("shoeSize", "44").add("email", "not-an-email").build());
    assertEquals(3, e.problems().size(), e.getMessage());
    assertTrue(e.problems().get(1).message().contains("Person has:"), "unknown property lists the known ones");
  }

  @Test
  void keepValidLeavesOutTheBadValuesAndKeepsTheRecord() {
    EntityBuilder b = notices.entity("Person", "1").keepValid().add("name", "Ivan Petrov")
        .add("birthDate", "1940-27-04").add("fristName", "Ivan").add("nationality", "Russia");
    Entity e = b.build();
    assertEquals(List.of("Ivan Petrov"), e.values("name"));
    assertEquals(List.of("ru"), e.values("nationality"));
    assertEquals(List.of(), e.values("birthDate"));
    assertEquals(2, b.problems().size(), b.problems()::toString);
    assertEquals("Person.birthDate", b.problems().get(0).where());
    assertTrue(b.problems().get(0).message().contains("month 27"), b.problems()::toString);
    assertTrue(b.problems().get(1).message().contains("did you mean 'firstName'?"), b.problems()::toString);
    InvalidDataException none = assertThrows(InvalidDataException.class,
        () -> notices.entity("Person", "2").keepValid().add("birthDate", "1940-27-04").build());
    assertTrue(none.getMessage().contains("month 27"), "with no value left the record is refused, saying why");
  }

  @Test
  void refusesTheSameValueUnderTwoLabels() {
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> notices.entity("Person", "1")
        .add("name", "Ivan").add("name", "Ivan", Label.of("INTERPOL&CT")).build());
    assertTrue(e.getMessage().contains("different labels"), e.getMessage());
    assertEquals(1, notices.entity("Person", "1").add("name", "Ivan").add("name", " Ivan ").build().statements().size(),
        "the same value twice under one label is one statement");
  }

  @Test
  void refusesAbstractTypesEmptyRecordsAndMissingIds() {
    assertThrows(SchemaException.class, () -> notices.entity("Thing", "1"));
    assertThrows(SchemaException.class, () -> notices.entity("Persn", "1"));
    assertThrows(InvalidDataException.class, () -> notices.entity("Person", "1").add("name", " ").build());
    assertThrows(InvalidDataException.class, () -> notices.entity("Person", ""));
  }

  @Test
  void linksAreEdgeEntities() {
    Entity call = notices.entity("Call", "c1").add("caller", "phone-1").add("callee", "phone-2")
        .add("startDate", "2026-04-02").build();
    Link link = Link.of(call, Schema.defaults()).orElseThrow();
    assertEquals(EntityId.of("phone-1"), link.source());
    assertEquals(EntityId.of("phone-2"), link.target());
    assertTrue(Link.of(notices.entity("Person", "1").add("name", "x").build(), Schema.defaults()).isEmpty());
  }
}
