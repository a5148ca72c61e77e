package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.insight.InsightException;
import org.junit.jupiter.api.Test;

class PolicyTest {
  private static final Policy POLICY = Policy.standard();
  private static final Principal ANALYST = Principal.of("analyst-7", "INTERPOL", "FR");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static Decision decide(Purpose purpose, Label label, Instant at) {
    return POLICY.decide(ANALYST, purpose, label, at);
  }

  @Test
  void allows() {
    Decision d = decide(Purpose.CRIMINAL_INVESTIGATION, Label.of("INTERPOL&(FR|DE)"), NOW);
    assertTrue(d.allowed());
    assertEquals("allowed for criminal-investigation", d.reason());
  }

  @Test
  void deniesMissingAuthorizationsWithoutNamingTokens() {
    Decision d = decide(Purpose.CRIMINAL_INVESTIGATION, Label.of("INTERPOL&SECRET-COMPARTMENT"), NOW);
    assertFalse(d.allowed());
    assertTrue(d.reason().contains("lacks the authorizations"), d.reason());
    assertFalse(d.reason().contains("SECRET-COMPARTMENT"), d.reason());
  }

  @Test
  void deniesPurposeNotAllowed() {
    Label l = Label.builder("INTERPOL").purposes(Purpose.COUNTER_TERRORISM).build();
    Decision d = decide(Purpose.BORDER_CONTROL, l, NOW);
    assertFalse(d.allowed());
    assertTrue(d.reason().contains("border-control is not allowed"), d.reason());
    assertTrue(decide(Purpose.COUNTER_TERRORISM, l, NOW).allowed());
  }

  @Test
  void deniesWhenNoPurposeIsAllowed() {
    Label l = Label.builder("INTERPOL").purposes().build();
    Decision d = decide(Purpose.CRIMINAL_INVESTIGATION, l, NOW);
    assertFalse(d.allowed());
    assertTrue(d.reason().contains("allows no purpose"), d.reason());
  }

  @Test
  void refusesSessionPurposeAny() {
    Decision d = decide(Purpose.ANY, Label.of("INTERPOL"), NOW);
    assertFalse(d.allowed());
    assertTrue(d.reason().contains("specific purpose"), d.reason());
  }

  @Test
  void deleteAfterIsInclusiveUtcDate() {
    Label l = Label.builder("INTERPOL").deleteAfter(LocalDate.of(2026, 3, 1)).build();
    assertTrue(decide(Purpose.MISSING_PERSONS, l, Instant.parse("2026-03-01T23:59:59.999999999Z")).allowed());
    Decision d = decide(Purpose.MISSING_PERSONS, l, Instant.parse("2026-03-02T00:00:00Z"));
    assertFalse(d.allowed());
    assertTrue(d.reason().contains("retention expired") && d.reason().contains("2026-03-01"), d.reason());
    // 2026-03-02T00:30 in Paris is still 2026-03-01 in UTC... and the other way round:
    assertTrue(decide(Purpose.MISSING_PERSONS, l, Instant.parse("2026-03-01T23:30:00-01:00").minusSeconds(3600))
        .allowed());
    assertFalse(decide(Purpose.MISSING_PERSONS, l, Instant.parse("2026-03-01T23:30:00-01:00")).allowed());
  }

  @Test
  void reviewOverdueIsStillAllowed() {
    Label l = Label.builder("INTERPOL").reviewBy(LocalDate.of(2026, 1, 31)).build();
    Decision d = decide(Purpose.CRIMINAL_INVESTIGATION, l, NOW);
    assertTrue(d.allowed());
    assertTrue(d.reason().contains("review is overdue since 2026-01-31"), d.reason());
    Decision onTheDay = decide(Purpose.CRIMINAL_INVESTIGATION, l, Instant.parse("2026-01-31T23:00:00Z"));
    assertEquals("allowed for criminal-investigation", onTheDay.reason());
  }

  @Test
  void checkOrder() {
    Label l = Label.builder("SECRET").purposes(Purpose.COUNTER_TERRORISM).deleteAfter(LocalDate.of(2020, 1, 1))
        .build();
    assertTrue(decide(Purpose.ANY, l, NOW).reason().contains("specific purpose"));
    assertTrue(decide(Purpose.BORDER_CONTROL, l, NOW).reason().contains("lacks"));
    Label visible = Label.builder("INTERPOL").purposes(Purpose.COUNTER_TERRORISM)
        .deleteAfter(LocalDate.of(2020, 1, 1)).build();
    assertTrue(decide(Purpose.BORDER_CONTROL, visible, NOW).reason().contains("not allowed"));
    assertTrue(decide(Purpose.COUNTER_TERRORISM, visible, NOW).reason().contains("retention expired"));
  }

  @Test
  void decisionNeedsReason() {
    assertThrows(InsightException.class, () -> Decision.allow(" "));
    assertThrows(InsightException.class, () -> Decision.deny(null));
    assertEquals(new Decision(false, "x"), Decision.deny("x"));
  }
}
