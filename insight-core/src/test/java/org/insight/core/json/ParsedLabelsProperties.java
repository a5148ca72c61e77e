package org.insight.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.policy.Label;
import org.insight.policy.LabelSyntaxException;

/** The stored form's memo of labels changes no answer, also past its bound, and never outgrows it. */
class ParsedLabelsProperties {
  private static final String[] TOKENS = {"A", "B", "NL", "DE", "SECRET", "OP-X", "r&d"};

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.randomValue(ParsedLabelsProperties::text);
  }

  /** A label text, valid or not: random tokens and operators, sometimes with a key part. */
  private static String text(Random r) {
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(r.nextInt(10) == 0 ? "&&" : r.nextBoolean() ? "&" : "|");
      }
      b.append(r.nextInt(8) == 0 ? "(" + TOKENS[r.nextInt(TOKENS.length)] + ")" : TOKENS[r.nextInt(TOKENS.length)]);
    }
    switch (r.nextInt(5)) {
      case 0 -> b.append(";purposes=investigation");
      case 1 -> b.append(";delete-after=2031-0").append(1 + r.nextInt(12)).append("-01");
      case 2 -> b.append(";originators=").append(TOKENS[r.nextInt(TOKENS.length)].toLowerCase());
      default -> { }
    }
    return b.toString();
  }

  @Property(tries = 300)
  void aRememberedLabelIsWhatAFreshParseMakes(@ForAll("texts") String text) {
    ParsedLabels memo = new ParsedLabels(64);
    String fresh = outcome(() -> Label.parse(text));
    assertEquals(fresh, outcome(() -> memo.parse(text)));
    assertEquals(fresh, outcome(() -> memo.parse(text)), "the second, remembered parse");
  }

  @Property(tries = 5)
  void pastItsBoundItStartsAgainAndStaysRight(@ForAll long seed) {
    Random r = new Random(seed);
    ParsedLabels memo = new ParsedLabels(16);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      texts.add("X" + r.nextInt(60) + "&" + TOKENS[r.nextInt(TOKENS.length)]);
    }
    for (String t : texts) {
      assertEquals(Label.parse(t).toString(), memo.parse(t).toString());
      assertTrue(memo.size() <= 16, "the memo outgrew its bound: " + memo.size());
    }
  }

  private static String outcome(java.util.function.Supplier<Label> parse) {
    try {
      Label l = parse.get();
      return "ok " + l + " " + l.purposes() + " " + l.deleteAfter() + " " + l.originators();
    } catch (LabelSyntaxException e) {
      return "error " + e.getMessage();
    }
  }
}
