package org.insight.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.insight.nlp.LanguagePair;
import org.insight.nlp.Translation;
import org.insight.nlp.Translator;
import org.insight.nlp.UnsupportedLanguagePairException;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Translator} promises: it names itself, serves the pairs it lists, says which languages a
 * translation went through, and refuses a pair it does not serve with an {@link UnsupportedLanguagePairException}
 * that lists what it serves. An implementation's test extends this (and may skip it, with an assumption, when its
 * engine is not running).
 */
public abstract class TranslatorContract {
  protected TranslatorContract() {}

  /** The translator under test. */
  protected abstract Translator translator();

  /** A pair the translator serves, as ISO 639-3 codes. */
  protected abstract LanguagePair servedPair();

  /** A short text in the pair's source language. */
  protected abstract String sampleText();

  /** A pair it does not serve. */
  protected LanguagePair unservedPair() {
    return LanguagePair.of("tlh", "qya"); // Klingon to Quenya: nobody serves it
  }

  @Test
  void itServesThePairsItLists() {
    Translator t = translator();
    assertFalse(t.name().isBlank());
    Set<LanguagePair> pairs = t.pairs();
    assertTrue(pairs.contains(servedPair()), servedPair() + " is not among " + pairs);
    for (LanguagePair p : pairs) {
      assertTrue(t.supports(p.from(), p.to()), p + " is listed but not supported");
    }
  }

  @Test
  void aTranslationSaysWhatItWentThrough() {
    LanguagePair p = servedPair();
    Translation tr = translator().translate(sampleText(), p.from(), p.to());
    assertFalse(tr.text().isBlank());
    assertEquals(LanguagePair.of(p.from(), p.to()), LanguagePair.of(tr.from(), tr.to()));
    assertTrue(tr.path().size() >= 2, "the path names at least the source and target: " + tr.path());
    assertFalse(tr.method().isBlank());
  }

  @Test
  void anUnservedPairIsRefusedListingWhatIsServed() {
    Translator t = translator();
    LanguagePair p = unservedPair();
    assertFalse(t.supports(p.from(), p.to()));
    UnsupportedLanguagePairException e = assertThrows(UnsupportedLanguagePairException.class,
        () -> t.translate(sampleText(), p.from(), p.to()));
    assertTrue(e.getMessage().contains(servedPair().toString()), e.getMessage());
  }
}
