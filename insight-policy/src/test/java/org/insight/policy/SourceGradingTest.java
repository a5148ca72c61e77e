package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.insight.InsightException;
import org.insight.policy.SourceGrading.Assessment;
import org.insight.policy.SourceGrading.Reliability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceGradingTest {

  @Test
  void parseAndPrint() {
    SourceGrading g = SourceGrading.parse("b2");
    assertEquals(Reliability.B, g.reliability());
    assertEquals(Assessment.KNOWN_TO_SOURCE, g.assessment());
    assertEquals("B2", g.toString());
    assertEquals(g, SourceGrading.parse(" B2 "));
    for (Reliability r : Reliability.values()) {
      for (Assessment a : Assessment.values()) {
        SourceGrading s = new SourceGrading(r, a);
        assertEquals(s, SourceGrading.parse(s.toString()));
      }
    }
  }

  @Test
  void ungraded() {
    assertEquals("X4", SourceGrading.UNGRADED.toString());
    assertEquals(SourceGrading.UNGRADED, SourceGrading.parse("x4"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "B", "B5", "E1", "B0", "2B", "B22", "AB", "B-2"})
  void invalid(String text) {
    InsightException e = assertThrows(InsightException.class, () -> SourceGrading.parse(text));
    assertTrue(e.getMessage().contains("e.g. \"B2\""), e.getMessage());
  }

  @Test
  void nullIsInvalid() {
    assertThrows(InsightException.class, () -> SourceGrading.parse(null));
    assertThrows(InsightException.class, () -> new SourceGrading(null, Assessment.CORROBORATED));
    assertThrows(InsightException.class, () -> Assessment.ofCode(5));
  }

  @Test
  void weakestPerAxis() {
    assertEquals("B3", SourceGrading.parse("B1").weakest(SourceGrading.parse("A3")).toString());
    assertEquals("X2", SourceGrading.parse("X1").weakest(SourceGrading.parse("D2")).toString());
    assertEquals("D4", SourceGrading.parse("A4").weakest(SourceGrading.parse("D1")).toString());
    assertEquals(SourceGrading.UNGRADED, SourceGrading.parse("A1").weakest(SourceGrading.UNGRADED));
    for (Reliability r1 : Reliability.values()) {
      for (Assessment a1 : Assessment.values()) {
        SourceGrading g = new SourceGrading(r1, a1);
        assertEquals(g, g.weakest(g));
        assertEquals(g, g.weakest(SourceGrading.parse("A1")));
        assertEquals(SourceGrading.UNGRADED, g.weakest(SourceGrading.UNGRADED));
      }
    }
  }

  @Test
  void descriptions() {
    assertEquals("completely reliable", Reliability.A.description());
    assertEquals("not reliable", Reliability.D.description());
    assertEquals(3, Assessment.CORROBORATED.code());
    assertEquals(Assessment.TRUE_WITHOUT_RESERVATION, Assessment.ofCode(1));
  }
}
