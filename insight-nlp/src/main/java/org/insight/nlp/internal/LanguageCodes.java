package org.insight.nlp.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** ISO 639-1 (two-letter) to ISO 639-3 (three-letter) codes, as translation engines such as Apertium name languages. */
public final class LanguageCodes {
  private static final Pattern ALPHA3 = Pattern.compile("[a-z]{3}(_[A-Za-z]{2,8})?");

  // the languages an analyst is likely to meet, plus every language Apertium has a released pair for
  private static final Map<String, String> ALPHA2_TO_3 = Map.ofEntries(
      Map.entry("af", "afr"), Map.entry("an", "arg"), Map.entry("ar", "ara"),
      Map.entry("az", "aze"), Map.entry("be", "bel"), Map.entry("bg", "bul"), Map.entry("bn", "ben"),
      Map.entry("br", "bre"), Map.entry("bs", "bos"), Map.entry("ca", "cat"), Map.entry("cs", "ces"),
      Map.entry("cy", "cym"), Map.entry("da", "dan"), Map.entry("de", "deu"), Map.entry("el", "ell"),
      Map.entry("en", "eng"), Map.entry("eo", "epo"), Map.entry("es", "spa"), Map.entry("et", "est"),
      Map.entry("eu", "eus"), Map.entry("fa", "fas"), Map.entry("fi", "fin"), Map.entry("fr", "fra"),
      Map.entry("ga", "gle"), Map.entry("gl", "glg"), Map.entry("he", "heb"), Map.entry("hi", "hin"),
      Map.entry("hr", "hrv"), Map.entry("hu", "hun"), Map.entry("hy", "hye"), Map.entry("id", "ind"),
      Map.entry("is", "isl"), Map.entry("it", "ita"), Map.entry("ja", "jpn"), Map.entry("ka", "kat"),
      Map.entry("kk", "kaz"), Map.entry("ko", "kor"), Map.entry("ku", "kur"), Map.entry("ky", "kir"),
      Map.entry("lt", "lit"), Map.entry("lv", "lav"), Map.entry("mk", "mkd"), Map.entry("ms", "msa"),
      Map.entry("mt", "mlt"), Map.entry("nb", "nob"), Map.entry("nl", "nld"), Map.entry("nn", "nno"),
      Map.entry("no", "nor"), Map.entry("oc", "oci"), Map.entry("pl", "pol"), Map.entry("ps", "pus"),
      Map.entry("pt", "por"), Map.entry("ro", "ron"), Map.entry("ru", "rus"), Map.entry("sk", "slk"),
      Map.entry("sl", "slv"), Map.entry("so", "som"), Map.entry("sq", "sqi"), Map.entry("sr", "srp"),
      Map.entry("sv", "swe"), Map.entry("sw", "swa"), Map.entry("ta", "tam"), Map.entry("th", "tha"),
      Map.entry("tk", "tuk"), Map.entry("tr", "tur"), Map.entry("tt", "tat"), Map.entry("uk", "ukr"),
      Map.entry("ur", "urd"), Map.entry("uz", "uzb"), Map.entry("vi", "vie"), Map.entry("zh", "zho"));

  private LanguageCodes() {}

  /**
   * The ISO 639-3 code of a language given as ISO 639-1 or 639-3 ({@code fr}, {@code FR}, {@code fra} →
   * {@code fra}); an engine variant suffix is kept ({@code eng_US}).
   *
   * @throws IllegalArgumentException for anything else, naming the value
   */
  public static String toAlpha3(String code) {
    Objects.requireNonNull(code, "language code");
    String c = code.trim();
    String lower = c.toLowerCase(Locale.ROOT);
    String mapped = ALPHA2_TO_3.get(lower);
    if (mapped != null) {
      return mapped;
    }
    if (lower.length() == 3 && ALPHA3.matcher(lower).matches()) {
      return lower;
    }
    if (ALPHA3.matcher(c).matches()) {
      return c;
    }
    throw new IllegalArgumentException("'" + code + "' is not a language code this library knows: give an ISO 639-1"
        + " code (fr, en, es, ...) or an ISO 639-3 code (fra, eng, spa, ...)");
  }
}
