package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.insight.core.Entity;
import org.insight.policy.Label;
import org.insight.policy.LabelSyntaxException;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, finding 6: a subject labelled {@code (A0|B0)&…&(A7|B7)} matching a watch-list entry labelled
 * {@code (C0|D0)&…&(C3|D3)} made {@code add} throw "more than 511 alternative terms" after the subject was stored
 * and audited, and no flag was raised. Now the flag is raised under a stricter label and says so.
 */
class ComplexFlagLabelTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;

  @TempDir Path dir;

  static String factors(String a, String b, int n) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      parts.add("(" + a + i + "|" + b + i + ")");
    }
    return String.join("&", parts);
  }

  static List<String> tokens(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  @Test
  void anExactMatchUnderLabelsWhoseConjunctionIsTooComplexIsFlaggedUnderAStricterLabel() {
    Label subjectLabel = Label.of(factors("A", "B", 8));
    Label entryLabel = Label.of(factors("C", "D", 4));
    assertThrows(LabelSyntaxException.class, () -> subjectLabel.and(entryLabel), "the finding's precondition");
    List<String> all = new ArrayList<>();
    all.addAll(tokens("A", 8));
    all.addAll(tokens("B", 8));
    all.addAll(tokens("C", 4));
    all.addAll(tokens("D", 4));
    Principal everything = Principal.of("desk", all);
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).watchLists("notices").open()) {
      Session desk = ws.session(everything, CI);
      Entity entry = Fixtures.dataset("notices", entryLabel).entity("Person", "N-1").add("name", "Viktor Sorokin")
          .add("birthDate", "1970-03-04").add("passportNumber", "P1234567").build();
      Entity subject = Fixtures.dataset("records", subjectLabel).entity("Person", "R-1").add("name", "Viktor Sorokin")
          .add("birthDate", "1970-03-04").add("passportNumber", "P1234567").build();
      desk.add(entry);
      desk.add(subject); // threw "more than 511 alternative terms" after storing the subject
      List<Flag> flags = desk.flags(null, 0, 10).items();
      assertEquals(1, flags.size(), flags.toString());
      Flag flag = flags.get(0);
      assertEquals(subject.id().value(), flag.subjectId());
      assertTrue(flag.labelNote().orElseThrow().contains("too complex"), flag.labelNote().toString());
      assertEquals(subjectLabel.stricterAnd(entryLabel), flag.label());
      // at least as strict as both sides: a reader holding one token per factor of each side does not see it
      List<String> oneEach = new ArrayList<>(tokens("A", 8));
      oneEach.addAll(tokens("C", 4));
      assertEquals(0, ws.session(Principal.of("one-each", oneEach), CI).flags(null, 0, 10).total());
      assertEquals(0, ws.session(Principal.of("entry-side", all.subList(16, 24)), CI).flags(null, 0, 10).total());
    }
  }
}
