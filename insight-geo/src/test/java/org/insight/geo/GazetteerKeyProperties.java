package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The loop-based matching key equals the regex definition it replaced (which was too slow for 135k names). */
class GazetteerKeyProperties {

  static String reference(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\-‐–.'’]", " ").replaceAll("\\s+", " ").strip();
  }

  @Property(tries = 2000)
  void keyEqualsTheRegexDefinition(@ForAll("names") String name) {
    assertEquals(reference(name), Gazetteer.key(name));
  }

  @Provide
  Arbitrary<String> names() {
    // separators, whitespace the regex does not collapse, accents composed and combining, case and ligature oddities
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("-\u2010\u2013.'\u2019 \t\n\u000B\f\r\u00A0\u3000\u2003éÖßİΣςﬁ\u0301ǅAz1")
            .ofMaxLength(20),
        Arbitraries.strings().ofMaxLength(20));
  }
}
