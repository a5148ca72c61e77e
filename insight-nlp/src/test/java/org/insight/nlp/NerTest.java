package org.insight.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.insight.InsightException;
import org.insight.core.InvalidDataException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerTest {
  private static final long SEED = Long.getLong("insight.seed", 20261125L);
  private static OpenNlpEntityRecognizer model;

  @BeforeAll
  static void train() {
    System.out.println("NerTest seed " + SEED + " (-Dinsight.seed=... to repeat)");
    List<String> lines = NerCorpus.sentences(new Random(SEED), 400, false);
    model = NerTrainer.builder().language("en").iterations(80).build().train(AnnotatedSentence.parse(lines));
  }

  @Test
  void findsNamesItNeverSawInHeldOutSentences() {
    List<AnnotatedSentence> heldOut = AnnotatedSentence.parse(NerCorpus.sentences(new Random(SEED + 1), 200, true));
    NerEvaluation eval = NerEvaluation.evaluate(model, heldOut);
    System.out.printf("held-out (unseen names): P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)%n", eval.precision(),
        eval.recall(), eval.f1(), eval.truePositives(), eval.falsePositives(), eval.falseNegatives());
    assertTrue(eval.f1() >= 0.75, "F1 on unseen names " + eval);
    assertTrue(eval.precision() >= 0.75, "precision " + eval);
    assertTrue(eval.recall() >= 0.70, "recall " + eval);
  }

  @Test
  void recognisesAnUnseenPersonInFreeTextWithOffsets() {
    String text = "Police in Hamburg arrested Viktor Kuznetsov on Friday. Witnesses described Greta Keller as nervous.";
    List<EntitySpan> found = model.recognize(text, "en");
    assertTrue(found.stream().anyMatch(e -> e.type().equals("Person") && e.text().equals("Viktor Kuznetsov")), found::toString);
    assertTrue(found.stream().anyMatch(e -> e.type().equals("Person") && e.text().equals("Greta Keller")), found::toString);
    for (EntitySpan e : found) {
      assertEquals(e.text(), text.substring(e.start(), e.end()));
      assertTrue(e.confidence() > 0 && e.confidence() <= 1);
    }
    assertEquals(Set.of("Person", "Location", "Organization"), model.types());
  }

  @Test
  void modelRoundTripsThroughAFileWithTheSameMethodAndAnswers(@TempDir Path dir) {
    Path file = dir.resolve("ner.bin");
    model.save(file);
    OpenNlpEntityRecognizer loaded = OpenNlpEntityRecognizer.load(file);
    assertEquals(model.method(), loaded.method());
    assertTrue(loaded.method().matches("ner:opennlp@[0-9a-f]{12}"), loaded.method());
    String text = "Phone records link Samir Nasser to Orion Imports.";
    assertEquals(model.recognize(text, "en"), loaded.recognize(text, "en"));
    assertEquals("en", loaded.language());
  }

  @Test
  void trainingOnlyOneTagGivesAModelOfThatType() {
    List<String> lines = NerCorpus.sentences(new Random(SEED + 2), 150, false);
    OpenNlpEntityRecognizer persons = NerTrainer.builder().tags(Set.of("person")).iterations(40).build()
        .train(AnnotatedSentence.parse(lines));
    assertEquals(Set.of("Person"), persons.types());
    assertNotEquals(model.method(), persons.method());
  }

  @Test
  void malformedAnnotationsAreReportedByLine() {
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> AnnotatedSentence.parse(List.of(
        "<START:person> Ivan Petrov <END> left .", "# a comment", "<START:person> Ivan Petrov left .",
        "x <END> y")));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertEquals("line 3", e.problems().get(0).where());
    assertEquals("line 4", e.problems().get(1).where());
  }

  @Test
  void trainingWithoutAnyEntityIsRefused() {
    assertThrows(InsightException.class, () -> NerTrainer.builder().build()
        .train(AnnotatedSentence.parse(List.of("Nothing here .", "Nor here ."))));
  }

  @Test
  void notAModelFileIsAClearError(@TempDir Path dir) throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.bin"), "not a model");
    InsightException e = assertThrows(InsightException.class, () -> OpenNlpEntityRecognizer.load(junk));
    assertTrue(e.getMessage().contains("train-ner"), e.getMessage());
  }

  @Test
  void evaluationCountsExactSpanAndType() {
    EntityRecognizer fixed = new EntityRecognizer() {
      @Override public String method() { return "ner:fixed@1"; }
      @Override public Set<String> types() { return Set.of("Person"); }
      @Override public String language() { return ""; }
      @Override public List<EntitySpan> recognize(List<Sentence> sentences) {
        // "Ivan" alone (wrong span) and "Lyon" as a Person (wrong type)
        return List.of(new EntitySpan(0, 4, "Ivan", "Person", 1), new EntitySpan(19, 23, "Lyon", "Person", 1));
      }
    };
    NerEvaluation e = NerEvaluation.evaluate(fixed,
        AnnotatedSentence.parse(List.of("<START:person> Ivan Petrov <END> in <START:location> Lyon <END> .")));
    assertEquals(0, e.truePositives());
    assertEquals(2, e.falsePositives());
    assertEquals(2, e.falseNegatives());
    assertEquals(0, e.f1());
  }
}
