package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The fallback for a derived label too complex to build (issue 14, finding 6): {@link Label#andOrStricter} never
 * fails for complexity, is exactly {@link Label#and} when that exists, and is never looser than either input —
 * every principal satisfying it satisfies both.
 */
class StricterAndProperties {

  /** {@code (p0|q0)&(p1|q1)&…} with {@code factors} factors over tokens named from the prefixes. */
  static String factors(Random r, String p, String q, int factors) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < factors; i++) {
      // sometimes a factor of three alternatives, sometimes one shared with the other side
      String extra = r.nextInt(4) == 0 ? "|S" + r.nextInt(3) : "";
      parts.add("(" + p + i + "|" + q + i + extra + ")");
    }
    return String.join("&", parts);
  }

  static Label label(Random r, String p, String q) {
    while (true) {
      try {
        return tryLabel(r, p, q);
      } catch (LabelSyntaxException e) {
        // an input itself too complex: draw another (inputs are valid labels by definition)
      }
    }
  }

  static Label tryLabel(Random r, String p, String q) {
    String expression = r.nextInt(3) == 0 ? ExpressionGen.expression(r, 6, 3) : factors(r, p, q, 1 + r.nextInt(10));
    Label.Builder b = Label.builder(expression);
    if (r.nextBoolean()) {
      b.purposes(r.nextBoolean() ? Purpose.CRIMINAL_INVESTIGATION : Purpose.COUNTER_TERRORISM);
    }
    return b.build();
  }

  @Property(tries = 150)
  void theFallbackIsNeverLooserThanEitherInput(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int readers) {
    Random r = new Random(seed);
    Label a = label(r, "A", "B");
    Label b = label(r, "C", "D");
    Label derived = a.andOrStricter(b);
    boolean exact;
    try {
      assertEquals(a.and(b), derived, "when the conjunction exists it is the answer");
      exact = true;
    } catch (LabelSyntaxException e) {
      exact = false;
      assertEquals(a.stricterAnd(b), derived);
    }
    Set<String> universe = new HashSet<>(a.expression().tokens());
    universe.addAll(b.expression().tokens());
    List<String> tokens = new ArrayList<>(universe);
    // random readers, biased towards holding most tokens (where looseness would show), plus everyone
    for (int k = 0; k <= readers; k++) {
      Set<String> auths = new HashSet<>();
      int keep = k == 0 ? 100 : 50 + r.nextInt(51);
      for (String t : tokens) {
        if (r.nextInt(100) < keep) {
          auths.add(t);
        }
      }
      if (derived.expression().visibleTo(auths)) {
        assertTrue(a.expression().visibleTo(auths) && b.expression().visibleTo(auths),
            "a reader holding " + auths + " satisfies " + derived + " but not both of " + a + " and " + b);
      }
      if (exact) {
        assertEquals(a.expression().visibleTo(auths) && b.expression().visibleTo(auths),
            derived.expression().visibleTo(auths));
      }
    }
    assertTrue(derived.expression().visibleTo(universe), "whoever holds every token still sees it");
    assertTrue(derived.expression().implies(a.expression()) && derived.expression().implies(b.expression()),
        "exactly, over every authorization set: " + derived + " implies both " + a + " and " + b);
    for (Purpose p : List.of(Purpose.CRIMINAL_INVESTIGATION, Purpose.COUNTER_TERRORISM)) {
      if (derived.purposes().contains(p) || derived.purposes().contains(Purpose.ANY)) {
        assertTrue((a.purposes().contains(p) || a.purposes().contains(Purpose.ANY))
            && (b.purposes().contains(p) || b.purposes().contains(Purpose.ANY)), "purposes are never widened");
      }
    }
  }
}
