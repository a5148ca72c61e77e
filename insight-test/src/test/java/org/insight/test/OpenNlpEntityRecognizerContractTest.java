package org.insight.test;

import java.util.ArrayList;
import java.util.List;
import org.insight.nlp.AnnotatedSentence;
import org.insight.nlp.EntityRecognizer;
import org.insight.nlp.NerTrainer;
import org.insight.nlp.OpenNlpEntityRecognizer;
import org.junit.jupiter.api.BeforeAll;

/** The OpenNLP recogniser, with a small model trained from templates (insight-nlp cannot depend on this module). */
class OpenNlpEntityRecognizerContractTest extends EntityRecognizerContract {
  private static OpenNlpEntityRecognizer model;

  @BeforeAll
  static void train() {
    List<String> lines = new ArrayList<>();
    List<String> given = PersonGenerator.GIVEN;
    List<String> family = PersonGenerator.FAMILY;
    String[] places = {"Lyon", "Madrid", "Berlin", "Lisbon", "Vienna", "Prague"};
    for (int i = 0; i < 240; i++) {
      lines.add("Yesterday <START:person> " + given.get(i % given.size()) + " " + family.get((i * 7) % family.size())
          + " <END> was seen in <START:location> " + places[i % places.length] + " <END> .");
    }
    model = NerTrainer.builder().language("en").iterations(40).build().train(AnnotatedSentence.parse(lines));
  }

  @Override
  protected EntityRecognizer recognizer() {
    return model;
  }

  @Override
  protected String textWithEntities() {
    return "Yesterday Omar Haddad was seen in Lyon .\n\nYesterday Anna Petrov was seen in Berlin .";
  }
}
