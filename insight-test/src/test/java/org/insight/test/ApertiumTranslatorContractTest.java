package org.insight.test;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import org.insight.nlp.ApertiumTranslator;
import org.insight.nlp.LanguagePair;
import org.insight.nlp.Translator;
import org.junit.jupiter.api.BeforeEach;

/** Against a real Apertium APY ({@code INSIGHT_APY_URL}, set by ./run-tests); skipped without one. */
class ApertiumTranslatorContractTest extends TranslatorContract {
  private Translator translator;

  @BeforeEach
  void connect() {
    String url = System.getenv("INSIGHT_APY_URL");
    assumeTrue(url != null && !url.isBlank(), "INSIGHT_APY_URL is not set: start APY with scripts/apy start");
    translator = ApertiumTranslator.builder(URI.create(url)).build();
  }

  @Override
  protected Translator translator() {
    return translator;
  }

  @Override
  protected LanguagePair servedPair() {
    return LanguagePair.of("fr", "en");
  }

  @Override
  protected String sampleText() {
    return "La maison est grande.";
  }
}
