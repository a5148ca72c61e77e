package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.accumulo.access.AccessEvaluator;
import org.apache.accumulo.access.AccessExpression;
import org.apache.accumulo.access.Authorizations;
import org.apache.accumulo.access.IllegalAccessExpressionException;
import org.insight.policy.internal.Text;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance with Apache Accumulo Access: its published test vectors (src/test/resources/accumulo-access-vectors.txt)
 * and a seeded differential run against its evaluator and validator. A larger run lives in
 * {@link AccumuloDifferentialSoakTest}.
 */
class AccumuloConformanceTest {

  record Vector(String group, List<Set<String>> auths, String expected, String expression, int line) {}

  static List<Vector> vectors() throws IOException {
    List<Vector> out = new ArrayList<>();
    try (InputStream in = AccumuloConformanceTest.class.getResourceAsStream("/accumulo-access-vectors.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String group = null;
      List<Set<String>> auths = new ArrayList<>();
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "group" -> {
            group = f[1];
            auths = new ArrayList<>();
          }
          case "auths" -> {
            Set<String> set = new LinkedHashSet<>();
            for (int i = 1; i < f.length; i++) {
              set.add(decode(f[i]));
            }
            auths.add(set);
          }
          case "ACCESSIBLE", "INACCESSIBLE", "ERROR" -> out.add(new Vector(group, List.copyOf(auths), f[0],
              decode(f[1]), n));
          default -> throw new IllegalStateException("bad vector line " + n + ": " + line);
        }
      }
    }
    return out;
  }

  static String decode(String field) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '%') {
        sb.append((char) Integer.parseInt(field.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  @Test
  void vectorFileIsCompleteTranscription() throws IOException {
    List<Vector> v = vectors();
    assertEquals(242, v.size(), "expressions in the transcribed testdata.json");
    assertEquals(11, v.stream().map(Vector::group).distinct().count() + 1, "groups (two share a description)");
  }

  @TestFactory
  Stream<DynamicTest> publishedVectors() throws IOException {
    return vectors().stream().map(v -> DynamicTest.dynamicTest(
        "line " + v.line() + ": " + v.expected() + " " + v.expression(), () -> check(v)));
  }

  private static void check(Vector v) {
    // the transcription itself must agree with the library it came from
    boolean accumuloValid = accumuloValid(v.expression());
    assertEquals(!v.expected().equals("ERROR"), accumuloValid, "accumulo-access disagrees with the vector");

    if (v.expression().isBlank()) { // our one deliberate difference: empty labels are refused
      LabelSyntaxException e = assertThrows(LabelSyntaxException.class, () -> LabelExpression.parse(v.expression()));
      assertTrue(e.getMessage().contains("visible to everyone"), e.getMessage());
      return;
    }
    if (v.expected().equals("ERROR")) {
      LabelSyntaxException e = assertThrows(LabelSyntaxException.class, () -> LabelExpression.parse(v.expression()));
      assertTrue(e.position() >= 0 && e.position() <= v.expression().length(), "positional: " + e.getMessage());
      return;
    }
    LabelExpression ours = LabelExpression.parse(v.expression());
    boolean expected = v.expected().equals("ACCESSIBLE");
    boolean all = true;
    for (Set<String> auths : v.auths()) {
      all &= ours.visibleTo(auths);
      // canonical form evaluates identically, by Accumulo and after re-parsing
      assertEquals(AccessEvaluator.of(Authorizations.of(auths)).canAccess(v.expression()),
          AccessEvaluator.of(Authorizations.of(auths)).canAccess(ours.canonical()));
      assertEquals(ours, LabelExpression.parse(ours.canonical()));
    }
    assertEquals(expected, all, "canonical " + ours.canonical());
  }

  static boolean accumuloValid(String s) {
    try {
      AccessExpression.validate(s);
      return true;
    } catch (IllegalAccessExpressionException e) {
      return false;
    }
  }

  /** Runs {@code tries} random expressions and mutations against Accumulo; shared with the soak test. */
  static void differential(Random r, int tries) {
    for (int i = 0; i < tries; i++) {
      String s = ExpressionGen.expression(r, 6, 1 + r.nextInt(4));
      LabelExpression ours = LabelExpression.parse(s);
      for (int k = 0; k < 4; k++) {
        Set<String> auths = ExpressionGen.authorizations(r, 6);
        boolean theirs = AccessEvaluator.of(Authorizations.of(auths)).canAccess(s);
        if (ours.visibleTo(auths) != theirs
            || LabelExpression.parse(ours.canonical()).visibleTo(auths) != theirs) {
          fail("evaluation differs for " + s + " (canonical " + ours.canonical() + ") with " + auths);
        }
      }
      String m = ExpressionGen.mutate(r, s);
      if (m.isEmpty()) {
        continue; // Accumulo accepts the empty expression; we refuse it by design (see LabelExpressionTest)
      }
      boolean accepted;
      try {
        LabelExpression.parse(m);
        accepted = true;
      } catch (LabelSyntaxException e) {
        accepted = false;
      }
      if (!Text.wellFormed(m)) {
        assertFalse(accepted, "unpaired surrogate accepted: " + m);
        continue; // Accumulo turns unpaired surrogates into '?', we refuse them
      }
      if (accepted != accumuloValid(m)) {
        fail("validity differs for " + m + ": ours " + accepted);
      }
    }
  }

  @Test
  void differentialAgainstAccumulo() {
    differential(TestRandom.create("differentialAgainstAccumulo"), 3_000);
  }
}
