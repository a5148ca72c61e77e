package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelExpressionTest {

  private static String canon(String s) {
    return LabelExpression.parse(s).canonical();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ' ', value = {
      "A A",
      "(A) A",
      "((A)) A",
      "B&A A&B",
      "B|A A|B",
      "A&A A",
      "A|A A",
      "INTERPOL&(FR|DE) (DE&INTERPOL)|(FR&INTERPOL)",
      "A|(A&B) A",
      "A&(A|B) A",
      "(A&B)|(B&A)|C (A&B)|C",
      "A&(B|C) (A&B)|(A&C)",
      "(A|B)&(C|D) (A&C)|(A&D)|(B&C)|(B&D)",
      "(A&B&C)|(A&B) A&B",
      "C|(A&B) (A&B)|C",
      "\"A\" A",
      "\"b.c\"|\"a:d/e_f-g\" a:d/e_f-g|b.c",
  })
  void canonicalForm(String input, String expected) {
    assertEquals(expected, canon(input));
    assertEquals(expected, LabelExpression.parse(input).toString());
  }

  @Test
  void absorptionAndDistributionGiveEqualExpressions() {
    assertEquals(LabelExpression.parse("A"), LabelExpression.parse("A|(A&B)"));
    assertEquals(LabelExpression.parse("(A&B)|(A&C)"), LabelExpression.parse("A&(B|C)"));
    assertEquals(LabelExpression.parse("A|(B&C)"), LabelExpression.parse("(A|B)&(A|C)"));
    assertEquals(LabelExpression.parse("A|(B&C)").hashCode(), LabelExpression.parse("(A|B)&(A|C)").hashCode());
    assertNotEquals(LabelExpression.parse("A&B"), LabelExpression.parse("A|B"));
    assertEquals(0, LabelExpression.parse("B&A").compareTo(LabelExpression.parse("A&B")));
    assertTrue(LabelExpression.parse("A").compareTo(LabelExpression.parse("B")) < 0);
  }

  @Test
  void quotingOnlyWhenNeeded() {
    assertEquals("\"x y\"", LabelExpression.token("x y").canonical());
    assertEquals("\"a\\\"b\"", LabelExpression.token("a\"b").canonical());
    assertEquals("\"a\\\\b\"", LabelExpression.token("a\\b").canonical());
    assertEquals("\"五\"", LabelExpression.token("五").canonical());
    assertEquals("REL-EU", LabelExpression.token("REL-EU").canonical());
    assertEquals(Set.of("a\"b", "x y"), LabelExpression.parse("\"a\\\"b\"&\"x y\"").tokens());
    assertEquals(LabelExpression.token("a\\b"), LabelExpression.parse("\"a\\\\b\""));
    assertEquals(LabelExpression.parse("\"A\"|B"), LabelExpression.parse("A|\"B\""));
  }

  @Test
  void tokensAreUnquotedAndSorted() {
    assertEquals(java.util.List.of("A", "B", "x y"),
        java.util.List.copyOf(LabelExpression.parse("(\"x y\"|B)&A").tokens()));
  }

  @Test
  void visibility() {
    LabelExpression e = LabelExpression.parse("INTERPOL&(FR|DE)");
    assertTrue(e.visibleTo(Set.of("INTERPOL", "FR")));
    assertTrue(e.visibleTo(Set.of("INTERPOL", "DE", "XX")));
    assertFalse(e.visibleTo(Set.of("INTERPOL")));
    assertFalse(e.visibleTo(Set.of("FR", "DE")));
    assertFalse(e.visibleTo(Set.of()));
    assertTrue(LabelExpression.token("x y").visibleTo(Set.of("x y")));
  }

  @Test
  void malformedAuthorizationsNeverMatch() {
    // Accumulo would encode the unpaired surrogate as '?' and match the token "?"
    LabelExpression q = LabelExpression.token("?");
    assertFalse(q.visibleTo(Set.of("\uD800")));
    assertTrue(q.visibleTo(Set.of("?")));
    assertFalse(q.visibleTo(Set.of("")));
  }

  @Test
  void andOr() {
    LabelExpression a = LabelExpression.parse("A|B");
    LabelExpression c = LabelExpression.parse("C");
    assertEquals("(A&C)|(B&C)", a.and(c).canonical());
    assertEquals("A|B|C", a.or(c).canonical());
    assertEquals(a, a.and(a));
    assertEquals(a, a.or(LabelExpression.parse("A&B")));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {
      "A&|B 2",
      "A|B&C 3",
      "A&B|C 3",
      "(A 2",
      "A) 1",
      "A& 2",
      "&A 0",
      "() 1",
      "A$B 1",
      "one(five) 3",
      "\"ab 0",
      "\"a\\b\" 2",
      "\"\" 0",
      "A|(B&) 5",
      "é 0",
      "'A B' 1",
  })
  void errorsCarryPositions(String input, int position) {
    LabelSyntaxException e = assertThrows(LabelSyntaxException.class, () -> LabelExpression.parse(input));
    assertEquals(position, e.position(), e.getMessage());
    assertEquals(input, e.expression());
    assertTrue(e.getMessage().startsWith("Invalid label \"" + input + "\" at position " + position + ": "),
        e.getMessage());
  }

  @Test
  void messagesSayWhatWasExpected() {
    assertEquals("Invalid label \"A&|B\" at position 2: expected an authorization token or '(' but found '|'",
        assertThrows(LabelSyntaxException.class, () -> LabelExpression.parse("A&|B")).getMessage());
    assertTrue(assertThrows(LabelSyntaxException.class, () -> LabelExpression.parse("A|B&C")).getMessage()
        .contains("add parentheses"));
    assertTrue(assertThrows(LabelSyntaxException.class, () -> LabelExpression.parse("A&B C")).getMessage()
        .contains("must be written in double quotes"));
    assertTrue(assertThrows(LabelSyntaxException.class, () -> LabelExpression.parse("(A&B")).getMessage()
        .contains("expected ')' to close the '(' at position 0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n", "   "})
  void emptyOrBlankIsRefused(String input) {
    LabelSyntaxException e = assertThrows(LabelSyntaxException.class, () -> LabelExpression.parse(input));
    assertEquals(-1, e.position());
    assertTrue(e.getMessage().contains("visible to everyone"), e.getMessage());
    assertTrue(e.getMessage().contains("explicit default label"), e.getMessage());
  }

  @Test
  void nullIsRefused() {
    LabelSyntaxException e = assertThrows(LabelSyntaxException.class, () -> LabelExpression.parse(null));
    assertTrue(e.getMessage().contains("visible to everyone"));
    assertEquals("", e.expression());
    assertThrows(LabelSyntaxException.class, () -> LabelExpression.token(null));
    assertThrows(LabelSyntaxException.class, () -> LabelExpression.token(""));
    assertThrows(LabelSyntaxException.class, () -> LabelExpression.token("a\uDC00"));
  }

  @Test
  void unpairedSurrogatesAreRefused() {
    LabelSyntaxException e = assertThrows(LabelSyntaxException.class, () -> LabelExpression.parse("\"a\uD800\""));
    assertEquals(2, e.position());
    assertEquals("\"\uD83D\uDE00\"", LabelExpression.parse("\"\uD83D\uDE00\"").canonical());
  }

  @Test
  void tooComplexIsRefusedWithAdvice() {
    // 8 binary factors expand to 256 terms: fine; 9 give 512: refused
    StringBuilder eight = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      eight.append(i == 0 ? "" : "&").append("(A").append(i).append("|B").append(i).append(')');
    }
    assertEquals(256, LabelExpression.parse(eight.toString()).canonical().split("\\|").length);
    String nine = eight + "&(A9|B9)";
    LabelSyntaxException e = assertThrows(LabelSyntaxException.class, () -> LabelExpression.parse(nine));
    assertTrue(e.getMessage().contains("too complex"), e.getMessage());
    assertTrue(e.getMessage().contains("Simplify"), e.getMessage());
    LabelExpression big = LabelExpression.parse(eight.toString());
    assertThrows(LabelSyntaxException.class, () -> big.and(LabelExpression.parse("C|D")));
  }

  @Test
  void deepNestingIsRefusedNotStackOverflow() {
    String deep = "(".repeat(5_000) + "A" + ")".repeat(5_000);
    LabelSyntaxException e = assertThrows(LabelSyntaxException.class, () -> LabelExpression.parse(deep));
    assertTrue(e.getMessage().contains("nested"), e.getMessage());
    assertEquals("A", canon("(".repeat(64) + "A" + ")".repeat(64)));
  }

  @Test
  void longChainsAreFine() {
    StringBuilder sb = new StringBuilder("T0");
    for (int i = 1; i < 1000; i++) {
      sb.append("&T").append(i);
    }
    assertEquals(1000, LabelExpression.parse(sb.toString()).tokens().size());
    assertThrows(LabelSyntaxException.class, () -> LabelExpression.parse("A|".repeat(10_000) + "A"));
  }
}
