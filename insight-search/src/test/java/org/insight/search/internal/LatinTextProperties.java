package org.insight.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.lucene.analysis.Analyzer;

/**
 * The generic text field's cheaper analysis ({@link Analysis#indexAnalyzer}: the standard tokenizer for a text that
 * {@link LatinText#segmentsAsIcu}) gives exactly the ICU analysis's tokens — terms, positions, offsets, end state — so
 * documents indexed either way hold the same terms and answer the same queries; on the texts it refuses, the two do
 * differ (the refusal is needed, not just cautious).
 */
class LatinTextProperties {
  /** Characters the check accepts, and a few it must refuse (colon, underscore, ©, ®, ‿, Cyrillic, Chinese, ‼, a soft hyphen). */
  private static final String SAFE = "abcxyzABCXYZ0159 .,;!?'\"-/@#$%&*()+=<>[]{}|~^`\n\téèàçüßñÉøæœŒŁłŚś–—…«»“”’‘°€£§";
  private static final String RISKY = ":_©®‿Жж中‼\u00ad";

  @Property(tries = 2000)
  void theCheapAnalysisGivesIcusTokensOnTheTextsItTakes(@ForAll("texts") String text) {
    Analyzer chosen = Analysis.indexAnalyzer(Analysis.TEXT, text);
    Statistics.collect(LatinText.segmentsAsIcu(text) ? "standard tokenizer" : "ICU");
    assertEquals(icu(text), StreamTokens.of(chosen.tokenStream(Analysis.TEXT, text)), text);
  }

  @Example
  void everyRefusedCharacterIsOneTheTokenizersSplitDifferently() {
    for (String text : List.of("a:b", "a __ b", "a © b", "a ® b", "a ‿‿ b", "a " + "x".repeat(300) + " b")) {
      assertFalse(LatinText.segmentsAsIcu(text), text);
      Analyzer standard = standard();
      assertNotEquals(icu(text), StreamTokens.of(standard.tokenStream(Analysis.TEXT, text)), text);
    }
    String plain = "Le témoin a vu la camionnette bleue à 04:30, près du quai (rapport n° 12).";
    assertTrue(LatinText.segmentsAsIcu(plain));
    assertNotEquals(Analysis.indexAnalyzer(Analysis.TEXT, "a:b"), Analysis.indexAnalyzer(Analysis.TEXT, plain));
  }

  private static List<StreamTokens.Token> icu(String text) {
    return StreamTokens.of(Analysis.perFieldText().tokenStream(Analysis.TEXT, text));
  }

  /** The standard tokenizer whatever the text, for showing where it differs. */
  private static Analyzer standard() {
    return Analysis.indexAnalyzer(Analysis.TEXT, "plain");
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<Character> safe = Arbitraries.of(SAFE.chars().mapToObj(c -> (char) c).toList());
    Arbitrary<Character> any = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(40, safe), net.jqwik.api.Tuple.of(1, Arbitraries.of(RISKY.chars().mapToObj(c -> (char) c).toList())));
    return any.list().ofMaxSize(60).map(cs -> {
      StringBuilder sb = new StringBuilder();
      cs.forEach(sb::append);
      return sb.toString();
    });
  }
}
