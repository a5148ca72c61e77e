package org.insight.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.insight.nlp.EntityRecognizer;
import org.insight.nlp.EntitySpan;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EntityRecognizer} promises: it names itself (a method for provenance) and its types, every span
 * it returns is the text at its offsets and of one of its types, in text order, and it is thread-safe and
 * deterministic. An implementation's test extends this and gives a recogniser and a text in which it finds something.
 */
public abstract class EntityRecognizerContract {
  protected EntityRecognizerContract() {}

  /** The recogniser under test. */
  protected abstract EntityRecognizer recognizer();

  /** A text of {@link EntityRecognizer#language()} in which the recogniser finds at least one entity. */
  protected abstract String textWithEntities();

  @Test
  void itNamesItsMethodAndTypes() {
    EntityRecognizer r = recognizer();
    assertFalse(r.method().isBlank(), "a method names the engine and model for provenance");
    assertEquals(r.method(), recognizer().method(), "the same model gives the same method");
    assertFalse(r.types().isEmpty());
  }

  @Test
  void everySpanIsTheTextAtItsOffsetsOfAKnownTypeInTextOrder() {
    EntityRecognizer r = recognizer();
    String text = textWithEntities();
    List<EntitySpan> spans = r.recognize(text, r.language());
    assertFalse(spans.isEmpty(), "the sample text has entities");
    int previous = -1;
    for (EntitySpan s : spans) {
      assertEquals(text.substring(s.start(), s.end()), s.text());
      assertTrue(r.types().contains(s.type()), s.type() + " is not among " + r.types());
      assertTrue(s.start() >= previous, "spans come in text order");
      previous = s.start();
    }
  }

  @Test
  void nothingIsFoundInNothing() {
    EntityRecognizer r = recognizer();
    assertTrue(r.recognize("", r.language()).isEmpty());
  }

  @Test
  void concurrentCallsGiveTheSameAnswer() throws Exception {
    EntityRecognizer r = recognizer();
    String text = textWithEntities();
    List<EntitySpan> expected = r.recognize(text, r.language());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<EntitySpan>>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(pool.submit(() -> r.recognize(text, r.language())));
      }
      for (Future<List<EntitySpan>> f : calls) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
