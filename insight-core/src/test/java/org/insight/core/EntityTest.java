package org.insight.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;

class EntityTest {
  private static final Schema SCHEMA = Schema.defaults();
  private static final EntityId ID = EntityId.of("e1");

  private static Statement statement(String type, String property, String value) {
    return Statement.of(ID, type, property, value, value, Label.of("A"),
        Provenance.of("ds", "r1", "record:api", SourceGrading.UNGRADED));
  }

  @Test
  void theMostSpecificTypeWinsAndUnrelatedTypesDoNotDependOnOrder() {
    List<Statement> statements = new ArrayList<>(List.of(statement("LegalEntity", "name", "Acme"),
        statement("Person", "notes", "x"), statement("Organization", "sector", "y")));
    for (int i = 0; i < 6; i++) {
      Collections.rotate(statements, 1);
      if (i == 3) {
        Collections.reverse(statements);
      }
      // Person and Organization both specialise LegalEntity; neither the other: the first by name
      assertEquals("Organization", Entity.of(ID, statements, SCHEMA).schema(), statements.toString());
    }
    assertEquals("Person", Entity.of(ID, List.of(statement("LegalEntity", "name", "Acme"),
        statement("Person", "notes", "x")), SCHEMA).schema());
    assertEquals("Person", Entity.of(ID, List.of(statement("Person", "notes", "x"),
        statement("LegalEntity", "name", "Acme")), SCHEMA).schema());
  }
}
