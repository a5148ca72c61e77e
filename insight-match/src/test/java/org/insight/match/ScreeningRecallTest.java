package org.insight.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kinds of scan hit the candidate index used to miss on a million names, rebuilt at 20,000: a background list in
 * which each given name is held by about 1% of the entries (as at a million), a crowd of a few hundred that share the
 * query's common given name (what ranked the true hit out of the old index's candidates), and the hit the scan
 * finds among them. Each test asserts that the index returns the scan's top 10 (hits with model p >= 0.01), same weights.
 */
class ScreeningRecallTest {

  static final String[] FAMILY = {"Karostein", "Vidorman", "Tinsenko", "Marberg", "Lanovski", "Hadarel", "Nosenti",
      "Gantoria", "Berlimo", "Shadaro", "Ozuvani", "Ritamol", "Delgano", "Fikoran", "Pemiloz"};
  static final String[] SYLLABLES = {"ka", "ro", "vi", "mar", "tin", "sen", "dor", "la", "mi", "no", "ber", "gan",
      "ha", "sha", "dar", "el", "an", "ov", "ski", "ton", "son", "man", "berg", "stein", "ez", "es", "ria", "lo"};
  static final String[] COUNTRIES = {"fr", "de", "gb", "ru", "us", "es", "it", "pl", "tr", "eg", "ng", "lb"};
  static final int BACKGROUND = 20_000;
  static final Screening SCREENING = build();

  static Screening build() {
    Random r = new Random(7);
    List<MatchRecord> entries = new ArrayList<>();
    for (int i = 0; i < BACKGROUND; i++) {
      StringBuilder family = new StringBuilder();
      for (int k = 0; k < 2 + r.nextInt(2); k++) {
        family.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
      }
      entries.add(entry("b" + i, "Given" + (char) ('a' + r.nextInt(26)) + (char) ('a' + r.nextInt(4)) + " "
          + family, date(r), COUNTRIES[r.nextInt(COUNTRIES.length)]));
    }
    entries.addAll(crowd("Mohammed", 350, 1));
    entries.addAll(crowd("Ivan", 350, 2));
    entries.addAll(crowd("Anna", 350, 3));
    entries.addAll(crowd("Paul", 350, 4));
    entries.add(entry("swapped", "Piotr Wolanski", "1975-03-11", "fr"));
    entries.add(entry("same-date", "Zhou Lin", "1981-07-21", "cn"));
    entries.add(entry("short-typo", "Anna TINLA", "1966-02-09", "pl"));
    entries.add(entry("cyrillic", "Paul SHAEL", "1970-04-18", "de"));
    return Screening.of(entries);
  }

  static String date(Random r) {
    return String.format(Locale.ROOT, "%04d-%02d-%02d", 1940 + r.nextInt(60), 1 + r.nextInt(12), 1 + r.nextInt(28));
  }

  static MatchRecord entry(String id, String name, String date, String country) {
    Map<String, List<String>> v = new LinkedHashMap<>();
    v.put("name", List.of(name));
    if (date != null) {
      v.put("birthDate", List.of(date));
    }
    v.put("nationality", List.of(country));
    return MatchRecord.of(id, "watch", v);
  }

  /** {@code n} entries named "{given} {family}" with random dates and countries: a common given name. */
  static List<MatchRecord> crowd(String given, int n, long seed) {
    Random r = new Random(seed);
    List<MatchRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String family = FAMILY[r.nextInt(FAMILY.length)] + (char) ('a' + r.nextInt(26)) + (char) ('a' + r.nextInt(26));
      out.add(entry(given.toLowerCase(Locale.ROOT) + i, given + " " + family, date(r),
          COUNTRIES[r.nextInt(COUNTRIES.length)]));
    }
    return out;
  }

  static void assertScanTopTen(ScreeningQuery q, String mustFind) {
    Screening s = SCREENING;
    List<ScreeningHit> scanHits = s.scan(q, 10);
    List<ScreeningHit> indexHits = s.candidates(q, 10);
    List<String> scan = scanHits.stream().filter(h -> h.explanation().probability() >= 0.01).map(ScreeningHit::id).toList();
    List<String> index = indexHits.stream().map(ScreeningHit::id).toList();
    assertTrue(scan.contains(mustFind), "the scan should rank " + mustFind + " in its top 10: " + scan);
    for (String id : scan) {
      assertTrue(index.contains(id), id + " (scan top 10 " + scan + ") missing from the index's " + index);
    }
    assertEquals(scanHits.stream().map(ScreeningHit::weight).toList().subList(0, scan.size()),
        indexHits.stream().map(ScreeningHit::weight).toList().subList(0, scan.size()));
  }

  @Test
  void anUnrelatedNameWithTheBirthDateDayAndMonthSwappedAndTheCountry() {
    // name else, date day/month swap, country exact: p ~ 0.02, above every Mohammed of the crowd
    assertScanTopTen(ScreeningQuery.of("Mohammed Qarastin").withBirthDate("1975-11-03").withCountry("fr"), "swapped");
  }

  @Test
  void anUnrelatedNameWithTheExactBirthDate() {
    assertScanTopTen(ScreeningQuery.of("Ivan Marbelgo").withBirthDate("1981-07-21"), "same-date");
  }

  @Test
  void aTypoInAShortFamilyNameLeavesNoSharedSpellingKeyButOneEdit() {
    // "tinla" and "tila": different metaphone (TNL/TL), skeleton (tnl/tl), no four-letter affix: only one deletion
    assertScanTopTen(ScreeningQuery.of("Anna Tila").withBirthDate("1966"), "short-typo");
  }

  @Test
  void aCyrillicSpellingThatSharesOnlyTheGivenNameStillRanksAboveEntriesThatShareNothing() {
    // "Схаел" transliterates to "skhayel": no key in common with "shael", yet the model rates the names >= 0.85
    assertScanTopTen(ScreeningQuery.of("Паул Схаел").withCountry("de"), "cyrillic");
  }
}
