package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.insight.InsightException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelTest {
  private static final LocalDate D2029 = LocalDate.of(2029, 6, 30);
  private static final LocalDate D2030 = LocalDate.of(2030, 1, 1);

  @Test
  void defaults() {
    Label l = Label.of("B|A");
    assertEquals("A|B", l.toString());
    assertEquals(Set.of(Purpose.ANY), l.purposes());
    assertEquals(Optional.empty(), l.reviewBy());
    assertEquals(Optional.empty(), l.deleteAfter());
    assertTrue(l.originators().isEmpty());
    assertTrue(l.caveats().isEmpty());
  }

  @Test
  void fullTextForm() {
    Label l = Label.builder("INTERPOL&(FR|DE)")
        .purposes(Purpose.CRIMINAL_INVESTIGATION, Purpose.BORDER_CONTROL)
        .deleteAfter(D2030)
        .originator("FR-NCB")
        .build();
    String text = "(DE&INTERPOL)|(FR&INTERPOL);purposes=border-control,criminal-investigation;"
        + "delete-after=2030-01-01;originators=FR-NCB";
    assertEquals(text, l.toString());
    assertEquals(l, Label.parse(text));
    assertEquals(l, Label.parse("INTERPOL&(FR|DE);originators=FR-NCB;delete-after=2030-01-01;"
        + "purposes=criminal-investigation,border-control"));
    assertEquals(l.hashCode(), Label.parse(text).hashCode());
  }

  @Test
  void everyPartInFixedOrder() {
    Label l = Label.builder(LabelExpression.token("x;y"))
        .purposes(List.of(Purpose.MISSING_PERSONS))
        .reviewBy(D2029).deleteAfter(D2030)
        .originator("NL-KLPD").originator("BE-FGP").originator("NL-KLPD")
        .caveat("REL-EU").caveat("NOFORN")
        .build();
    assertEquals("\"x;y\";purposes=missing-persons;review-by=2029-06-30;delete-after=2030-01-01;"
        + "originators=BE-FGP,NL-KLPD;caveats=NOFORN,REL-EU", l.toString());
    assertEquals(l, Label.parse(l.toString()));
    assertEquals(Set.of("x;y"), Label.parse(l.toString()).expression().tokens());
  }

  @Test
  void noPurposeAllowedRoundTrips() {
    Label none = Label.builder("A").purposes().build();
    assertEquals("A;purposes=", none.toString());
    assertEquals(Set.of(), Label.parse("A;purposes=").purposes());
    assertNotEquals(Label.of("A"), none);
  }

  @Test
  void anyAbsorbsOtherPurposes() {
    assertEquals(Label.of("A"), Label.builder("A").purposes(Purpose.ANY, Purpose.BORDER_CONTROL).build());
    assertEquals(Label.of("A"), Label.parse("A;purposes=any"));
  }

  @Test
  void allOfNeedsAtLeastOneLabelAndNoNull() {
    assertThrows(IllegalArgumentException.class, () -> Label.allOf(java.util.List.of()));
    java.util.List<Label> withNull = java.util.Arrays.asList(Label.of("A"), null);
    assertThrows(NullPointerException.class, () -> Label.allOf(withNull));
    assertEquals(Label.of("A&B"), Label.allOf(java.util.List.of(Label.of("A"), Label.of("B"))));
  }

  @Test
  void builderRefusesSettingTwiceNamingOldValue() {
    Label.Builder b = Label.builder("A").reviewBy(D2029).deleteAfter(D2030).purposes(Purpose.BORDER_CONTROL);
    assertTrue(assertThrows(IllegalStateException.class, () -> b.reviewBy(D2030)).getMessage()
        .contains("already set to 2029-06-30"));
    assertTrue(assertThrows(IllegalStateException.class, () -> b.deleteAfter(D2029)).getMessage()
        .contains("already set to 2030-01-01"));
    assertTrue(assertThrows(IllegalStateException.class, () -> b.purposes(Purpose.ANY)).getMessage()
        .contains("already set to [border-control]"));
  }

  @Test
  void reviewMustNotFollowDeletion() {
    InsightException e = assertThrows(InsightException.class,
        () -> Label.builder("A").reviewBy(D2030).deleteAfter(D2029).build());
    assertTrue(e.getMessage().contains("2030-01-01") && e.getMessage().contains("2029-06-30"), e.getMessage());
    Label.builder("A").reviewBy(D2030).deleteAfter(D2030).build(); // equal is fine
  }

  @Test
  void originatorAndCaveatValuesAreRestricted() {
    for (String bad : new String[] {"", "A,B", "A;B", "A=B", "A B", "é", null}) {
      assertThrows(InsightException.class, () -> Label.builder("A").originator(bad), String.valueOf(bad));
      assertThrows(InsightException.class, () -> Label.builder("A").caveat(bad), String.valueOf(bad));
    }
    Label.builder("A").originator("a.b:c/d_e-F9").caveat("REL-EU").build();
  }

  @Test
  void conjunctionForDerivedData() {
    Label a = Label.builder("A").purposes(Purpose.CRIMINAL_INVESTIGATION, Purpose.BORDER_CONTROL)
        .reviewBy(D2029).originator("FR-NCB").caveat("ORCON").build();
    Label b = Label.builder("B|C").purposes(Purpose.BORDER_CONTROL).deleteAfter(D2030)
        .originator("DE-BKA").caveat("NOFORN").build();
    Label c = a.and(b);
    assertEquals(LabelExpression.parse("A&(B|C)"), c.expression());
    assertEquals(Set.of(Purpose.BORDER_CONTROL), c.purposes());
    assertEquals(Optional.of(D2029), c.reviewBy());
    assertEquals(Optional.of(D2030), c.deleteAfter());
    assertEquals(List.of("DE-BKA", "FR-NCB"), List.copyOf(c.originators()));
    assertEquals(List.of("NOFORN", "ORCON"), List.copyOf(c.caveats()));
    assertEquals(c, b.and(a));
  }

  @Test
  void conjunctionOfDisjointPurposesAllowsNone() {
    Label a = Label.builder("A").purposes(Purpose.COUNTER_TERRORISM).build();
    Label b = Label.builder("A").purposes(Purpose.MISSING_PERSONS).build();
    assertEquals(Set.of(), a.and(b).purposes());
    assertEquals(Set.of(Purpose.COUNTER_TERRORISM), a.and(Label.of("A")).purposes());
  }

  @Test
  void conjunctionClampsReviewToDeletion() {
    Label a = Label.builder("A").reviewBy(D2030).build();
    Label b = Label.builder("B").deleteAfter(D2029).build();
    Label c = a.and(b);
    assertEquals(Optional.of(D2029), c.reviewBy());
    assertEquals(c, Label.parse(c.toString()));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {
      "A; 2",
      "A;; 2",
      "A;colour=red 2",
      "A;purposes 2",
      "A;review-by=2030-02-30 12",
      "A;review-by=tomorrow 12",
      "A;originators=X,,Y 16",
      "A;originators= 14",
      "'A;caveats=NO FORN' 10",
      "A;purposes=Border!Control 11",
      "A;purposes=a;purposes=b 13",
      "A&|B;purposes=a 2",
      "'\"a;b' 0",
  })
  void textErrorsCarryPositions(String text, int position) {
    LabelSyntaxException e = assertThrows(LabelSyntaxException.class, () -> Label.parse(text));
    assertEquals(position, e.position(), e.getMessage());
    assertEquals(text, e.expression());
  }

  @Test
  void textWithReviewAfterDeletionIsRefused() {
    LabelSyntaxException e = assertThrows(LabelSyntaxException.class,
        () -> Label.parse("A;review-by=2031-01-01;delete-after=2030-01-01"));
    assertTrue(e.getMessage().contains("after its deletion date"), e.getMessage());
  }

  @Test
  void emptyTextIsRefused() {
    assertTrue(assertThrows(LabelSyntaxException.class, () -> Label.parse("")).getMessage()
        .contains("visible to everyone"));
    assertThrows(LabelSyntaxException.class, () -> Label.parse(null));
    assertThrows(LabelSyntaxException.class, () -> Label.parse(";purposes=any"));
  }
}
