package org.insight.nlp.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** ISO 639-3 (and 639-2/T) codes to ISO 639-1, including the individual languages OpenNLP's model names. */
public final class Iso639 {
  private static final Map<String, String> TO_1 = new HashMap<>();

  static {
    for (String two : Locale.getISOLanguages()) {
      try {
        String three = Locale.forLanguageTag(two).getISO3Language();
        if (three.length() == 3) {
          TO_1.put(three, two);
        }
      } catch (java.util.MissingResourceException ignored) {
        // no three-letter code known for it: nothing to map
      }
    }
    // individual languages of a macrolanguage, as the language-detection model reports them
    TO_1.put("cmn", "zh");
    TO_1.put("pes", "fa");
    TO_1.put("lvs", "lv");
    TO_1.put("ekk", "et");
    TO_1.put("swh", "sw");
    TO_1.put("zsm", "ms");
    TO_1.put("azj", "az");
    TO_1.put("uzn", "uz");
    TO_1.put("khk", "mn");
    TO_1.put("arb", "ar");
    TO_1.put("pnb", "pa"); // Western Panjabi: closest two-letter code
    TO_1.put("plt", "mg");
    TO_1.put("nob", "nb");
    TO_1.put("nno", "nn");
    // ISO 639-2/B forms Java may not list
    TO_1.put("fre", "fr");
    TO_1.put("ger", "de");
    TO_1.put("chi", "zh");
    TO_1.put("per", "fa");
  }

  private Iso639() {}

  /** The two-letter code of a three-letter one, or the three-letter code itself when there is none. */
  public static String toTwoLetter(String code) {
    String c = code.toLowerCase(Locale.ROOT);
    return TO_1.getOrDefault(c, c);
  }
}
