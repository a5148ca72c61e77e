package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.InsightException;
import org.junit.jupiter.api.Test;

class WritersTest {
  @Test
  void writersAreNamedByIdOrByAuthorizationPerDatasetOrForEvery() {
    Writers w = Writers.parse("""
        # who may write
        hr = alice, auth:HR_WRITE
        judgement = *
        * = admin
        """);
    assertTrue(w.decide(Principal.of("alice"), "hr").allowed());
    assertTrue(w.decide(Principal.of("bob", "HR_WRITE"), "hr").allowed());
    assertFalse(w.decide(Principal.of("bob", "HR"), "hr").allowed());
    assertTrue(w.decide(Principal.of("anyone"), "judgement").allowed());
    assertTrue(w.decide(Principal.of("admin"), "notices").allowed());
    Decision denied = w.decide(Principal.of("alice"), "notices");
    assertFalse(denied.allowed());
    assertTrue(denied.reason().contains("not a writer of dataset 'notices'"), denied.reason());
    assertFalse(denied.reason().contains("admin"), "a refusal does not list the writers");
  }

  @Test
  void anyoneIsTheDefaultAndAnEmptyConfigurationLetsNobodyWrite() {
    assertTrue(Writers.anyone().decide(Principal.of("x"), "any").allowed());
    assertFalse(Writers.parse("").decide(Principal.of("x", "A"), "any").allowed());
  }

  @Test
  void aBlankWriterIsRefusedWithTheDataset() {
    InsightException e = assertThrows(InsightException.class, () -> Writers.parse("hr = alice,,bob\n"));
    assertTrue(e.getMessage().contains("'hr'"), e.getMessage());
    assertThrows(InsightException.class, () -> Writers.parse("hr =\n"));
    assertThrows(InsightException.class, () -> Writers.parse("hr = auth:\n"));
  }

  @Property(tries = 200)
  void theTextFormReadsBackAsTheSameConfiguration(@ForAll("datasets") List<String> datasets,
      @ForAll("writers") List<Set<String>> writers) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(datasets.size(), writers.size()); i++) {
      text.append(datasets.get(i).replace(" ", "\\ ").replace(":", "\\:").replace("=", "\\="))
          .append(" = ").append(String.join(", ", writers.get(i))).append('\n');
    }
    Writers w = Writers.parse(text.toString());
    assertEquals(w, Writers.parse(w.text()));
    assertEquals(w.text(), Writers.parse(w.text()).text());
  }

  @Provide
  Arbitrary<List<String>> datasets() {
    return Arbitraries.of("hr", "*", "interpol notices", "a:b", "x=y", "fr-police").list().ofMaxSize(5).uniqueElements();
  }

  @Provide
  Arbitrary<List<Set<String>>> writers() {
    return Arbitraries.of("alice", "auth:HR", "*", "bob.smith", "auth:FR_POLICE").set().ofMinSize(1).ofMaxSize(3)
        .list().ofMaxSize(5);
  }
}
