package org.insight.nlp;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Precision, recall and F1 of a recogniser on annotated sentences. An entity counts as found only when its start,
 * end and type all match (exact match, as CoNLL scores it).
 *
 * @param sentences how many sentences were scored
 * @param truePositives entities found with the right span and type
 * @param falsePositives entities reported that are not in the annotation
 * @param falseNegatives annotated entities not reported
 */
public record NerEvaluation(int sentences, int truePositives, int falsePositives, int falseNegatives) {

  /** Scores a recogniser on annotated sentences, each sentence on its own (as one document). */
  public static NerEvaluation evaluate(EntityRecognizer recognizer, List<AnnotatedSentence> gold) {
    Objects.requireNonNull(recognizer, "recognizer");
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (AnnotatedSentence a : gold) {
      Set<String> expected = new HashSet<>();
      for (EntitySpan e : a.entities()) {
        expected.add(e.start() + ":" + e.end() + ":" + e.type());
      }
      Set<String> found = new HashSet<>();
      for (EntitySpan e : recognizer.recognize(List.of(a.sentence()))) {
        found.add(e.start() + ":" + e.end() + ":" + e.type());
      }
      for (String f : found) {
        if (expected.contains(f)) {
          tp++;
        } else {
          fp++;
        }
      }
      for (String e : expected) {
        if (!found.contains(e)) {
          fn++;
        }
      }
    }
    return new NerEvaluation(gold.size(), tp, fp, fn);
  }

  /** TP / (TP + FP); 0 when nothing was reported. */
  public double precision() {
    return truePositives + falsePositives == 0 ? 0 : truePositives / (double) (truePositives + falsePositives);
  }

  /** TP / (TP + FN); 0 when nothing was annotated. */
  public double recall() {
    return truePositives + falseNegatives == 0 ? 0 : truePositives / (double) (truePositives + falseNegatives);
  }

  /** The harmonic mean of precision and recall. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
