package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the label algebra, round trips and robustness, checked with jqwik (seeds are reported on failure). */
class LabelProperties {
  private static final List<Purpose> REAL = List.of(Purpose.CRIMINAL_INVESTIGATION, Purpose.COUNTER_TERRORISM,
      Purpose.MISSING_PERSONS, Purpose.BORDER_CONTROL);
  private static final LocalDate DAY0 = LocalDate.of(2026, 1, 1);

  @Provide
  Arbitrary<String> expressions() {
    return Arbitraries.randomValue(r -> ExpressionGen.expression(r, 6, 1 + r.nextInt(3)));
  }

  /** Small alphabets (2 to 6 tokens) so that equivalent pairs occur often. */
  @Provide
  Arbitrary<String> small() {
    return Arbitraries.randomValue(r -> ExpressionGen.expression(r, 2 + r.nextInt(2) * (1 + r.nextInt(4)),
        1 + r.nextInt(3)));
  }

  @Provide
  Arbitrary<Set<String>> authorizations() {
    return Arbitraries.randomValue(r -> ExpressionGen.authorizations(r, 6));
  }

  @Provide
  Arbitrary<Label> labels() {
    return Arbitraries.randomValue(LabelProperties::label);
  }

  @Provide
  Arbitrary<Purpose> sessionPurposes() {
    return Arbitraries.of(Purpose.CRIMINAL_INVESTIGATION, Purpose.COUNTER_TERRORISM, Purpose.MISSING_PERSONS,
        Purpose.BORDER_CONTROL, Purpose.ANY);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(0, 12L * 86_400 - 1)
        .map(s -> DAY0.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(s));
  }

  @Provide
  Arbitrary<String> grammarish() {
    return Arbitraries.strings().withChars("&|()\"\\ Ab.é五;=,-:\u0000\uD83D\uDE00").ofMaxLength(24);
  }

  static Label label(Random r) {
    Label.Builder b = Label.builder(ExpressionGen.expression(r, 6, 1 + r.nextInt(3)));
    int kind = r.nextInt(4);
    if (kind == 1) {
      List<Purpose> p = new ArrayList<>();
      for (Purpose x : REAL) {
        if (r.nextBoolean()) {
          p.add(x);
        }
      }
      b.purposes(p);
    } else if (kind == 2) {
      b.purposes(Purpose.ANY);
    }
    LocalDate delete = null;
    if (r.nextBoolean()) {
      delete = DAY0.plusDays(r.nextInt(10));
      b.deleteAfter(delete);
    }
    if (r.nextBoolean()) {
      b.reviewBy(delete == null ? DAY0.plusDays(r.nextInt(10)) : delete.minusDays(r.nextInt(3)));
    }
    String[] agencies = {"FR-NCB", "DE-BKA", "NL/KLPD", "x.y:z_1"};
    for (String a : agencies) {
      if (r.nextInt(3) == 0) {
        b.originator(a);
      }
    }
    for (String c : new String[] {"NOFORN", "REL-EU", "ORCON"}) {
      if (r.nextInt(3) == 0) {
        b.caveat(c);
      }
    }
    return b.build();
  }

  private static final List<Set<String>> ALL_SUBSETS = ExpressionGen.subsets(ExpressionGen.TOKENS);

  private static boolean sameTruthTable(LabelExpression a, LabelExpression b) {
    for (Set<String> s : ALL_SUBSETS) {
      if (a.visibleTo(s) != b.visibleTo(s)) {
        return false;
      }
    }
    return true;
  }

  @Property
  void expressionRoundTrip(@ForAll("expressions") String s) {
    LabelExpression e = LabelExpression.parse(s);
    LabelExpression again = LabelExpression.parse(e.canonical());
    assertEquals(e, again);
    assertEquals(e.canonical(), again.canonical());
    assertTrue(sameTruthTable(e, again));
  }

  /** allOf is the left fold of and, whatever the order and however often a label repeats. */
  @Property
  void allOfIsTheConjunctionInAnyOrderWithRepeats(@ForAll("labels") Label a, @ForAll("labels") Label b,
      @ForAll("labels") Label c) {
    Label fold = a.and(b).and(c);
    assertEquals(fold, Label.allOf(List.of(a, b, c)));
    assertEquals(fold, Label.allOf(List.of(c, a, b, a, c)));
    assertEquals(a, Label.allOf(List.of(a, a)));
  }

  @Property
  void labelTextRoundTrip(@ForAll("labels") Label l) {
    Label again = Label.parse(l.toString());
    assertEquals(l, again);
    assertEquals(l.toString(), again.toString());
    assertEquals(l.purposes(), again.purposes());
    assertEquals(l.reviewBy(), again.reviewBy());
    assertEquals(l.deleteAfter(), again.deleteAfter());
    assertEquals(l.originators(), again.originators());
    assertEquals(l.caveats(), again.caveats());
  }

  /** Parsing a caller's text remembers nothing: every parse makes a new label (the stored form's memo is ModelJson's). */
  @Property(tries = 50)
  void parsingACallersTextRemembersNothing(@ForAll("labels") Label l) {
    String text = l.toString();
    Label first = Label.parse(text);
    Label second = Label.parse(text);
    assertEquals(first, second);
    assertNotSame(first, second);
  }

  @Property
  void equalCanonicalFormIffEqualTruthTable(@ForAll("small") String a, @ForAll("small") String b) {
    LabelExpression x = LabelExpression.parse(a);
    LabelExpression y = LabelExpression.parse(b);
    assertEquals(sameTruthTable(x, y), x.equals(y), String.format("%s vs %s", x, y));
  }

  @Property
  void equivalentRewritesHaveTheSameCanonicalForm(@ForAll("small") String a, @ForAll("small") String b,
      @ForAll("small") String c) {
    String x = "(" + a + ")";
    String y = "(" + b + ")";
    String z = "(" + c + ")";
    LabelExpression e = LabelExpression.parse(a);
    assertEquals(e, LabelExpression.parse(x + "|(" + x + "&" + y + ")"));
    assertEquals(e, LabelExpression.parse(x + "&(" + x + "|" + y + ")"));
    assertEquals(LabelExpression.parse("(" + x + "&" + y + ")|(" + x + "&" + z + ")"),
        LabelExpression.parse(x + "&(" + y + "|" + z + ")"));
    assertEquals(LabelExpression.parse("(" + x + "|" + y + ")&(" + x + "|" + z + ")"),
        LabelExpression.parse(x + "|(" + y + "&" + z + ")"));
  }

  @Property
  void conjunctionVisibleIffBothVisible(@ForAll("expressions") String a, @ForAll("expressions") String b,
      @ForAll("authorizations") Set<String> auths) {
    LabelExpression x = LabelExpression.parse(a);
    LabelExpression y = LabelExpression.parse(b);
    assertEquals(x.visibleTo(auths) && y.visibleTo(auths), x.and(y).visibleTo(auths));
    assertEquals(x.visibleTo(auths) || y.visibleTo(auths), x.or(y).visibleTo(auths));
    assertEquals(LabelExpression.parse("(" + a + ")&(" + b + ")"), x.and(y));
  }

  @Property
  void policyOnConjunctionAllowsIffBothAllow(@ForAll("labels") Label a, @ForAll("labels") Label b,
      @ForAll("authorizations") Set<String> auths, @ForAll("sessionPurposes") Purpose purpose,
      @ForAll("instants") Instant at) {
    Principal p = Principal.of("p", auths);
    Policy policy = Policy.standard();
    boolean both = policy.decide(p, purpose, a, at).allowed() && policy.decide(p, purpose, b, at).allowed();
    assertEquals(both, policy.decide(p, purpose, a.and(b), at).allowed());
    assertEquals(b.and(a), a.and(b));
    assertEquals(a.and(b), Label.parse(a.and(b).toString()));
  }

  @Property
  void algebraLaws(@ForAll("expressions") String a, @ForAll("expressions") String b,
      @ForAll("expressions") String c) {
    LabelExpression x = LabelExpression.parse(a);
    LabelExpression y = LabelExpression.parse(b);
    LabelExpression z = LabelExpression.parse(c);
    assertEquals(y.and(x), x.and(y));
    assertEquals(y.or(x), x.or(y));
    assertEquals(x.and(y.and(z)), x.and(y).and(z));
    assertEquals(x.or(y.or(z)), x.or(y).or(z));
    assertEquals(x, x.and(x));
    assertEquals(x, x.or(x));
    assertEquals(x, x.or(x.and(y)));
    assertEquals(x, x.and(x.or(y)));
  }

  @Property
  void anyStringOnlyEverThrowsLabelSyntaxException(@ForAll String s) {
    onlySyntaxErrors(s);
  }

  @Property
  void grammarLikeGarbageOnlyEverThrowsLabelSyntaxException(@ForAll("grammarish") String s) {
    onlySyntaxErrors(s);
  }

  @Property
  void mutatedLabelTextOnlyEverThrowsLabelSyntaxException(@ForAll("labels") Label l, @ForAll long seed) {
    onlySyntaxErrors(ExpressionGen.mutate(new Random(seed), l.toString()));
  }

  private static void onlySyntaxErrors(String s) {
    try {
      LabelExpression e = LabelExpression.parse(s);
      assertEquals(e, LabelExpression.parse(e.canonical()));
    } catch (LabelSyntaxException expected) {
      assertTrue(expected.position() >= -1 && expected.position() <= s.length());
    }
    try {
      Label l = Label.parse(s);
      assertEquals(l, Label.parse(l.toString()));
    } catch (LabelSyntaxException expected) {
      assertTrue(expected.position() >= -1 && expected.position() <= s.length());
    }
  }
}
