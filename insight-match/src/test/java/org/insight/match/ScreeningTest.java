package org.insight.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.insight.test.PersonGenerator;

class ScreeningTest {

  static final long SEED = Long.getLong("insight.seed", 20261126L);
  static final int LIST = 20_000;
  static PersonGenerator<MatchRecord> generator;
  static List<PersonGenerator.Person> people = new ArrayList<>();
  static Screening screening;

  @BeforeAll
  static void build() {
    generator = Persons.generator(SEED);
    List<MatchRecord> entries = new ArrayList<>();
    for (int i = 0; i < LIST; i++) {
      PersonGenerator.Person p = generator.person(i);
      people.add(p);
      entries.add(generator.clean("w" + i, p));
    }
    entries.addAll(handMade());
    long t0 = System.nanoTime();
    screening = Screening.of(entries);
    System.out.printf("screening index of %d entries: %d ms%n", entries.size(), (System.nanoTime() - t0) / 1_000_000);
  }

  static List<MatchRecord> handMade() {
    return List.of(
        entry("x-haddad", "Mohammed Abdullah HADDAD", "1980-05-17", "lb", null),
        entry("x-petrov", "Ivan Sergeyevich PETROV", "1975-03-04", "ru", "724410981"),
        entry("x-okafor", "Chukwuemeka OKAFOR", "1969-11-02", "ng", "A01234567"),
        entry("x-dubois", "Marie-Claire DUBOIS", "1988", "fr", null));
  }

  static MatchRecord entry(String id, String name, String date, String country, String passport) {
    Map<String, List<String>> v = new LinkedHashMap<>();
    v.put("name", List.of(name));
    v.put("birthDate", List.of(date));
    v.put("nationality", List.of(country));
    if (passport != null) {
      v.put("passportNumber", List.of(passport));
    }
    return MatchRecord.of(id, "watch", v);
  }

  static List<String> ids(List<ScreeningHit> hits) {
    return hits.stream().map(ScreeningHit::id).toList();
  }

  static void assertFirst(String expected, ScreeningQuery q) {
    List<ScreeningHit> hits = screening.candidates(q, 10);
    assertFalse(hits.isEmpty(), "no hit for " + q);
    assertEquals(expected, hits.get(0).id(), "best hit for " + q + ": " + hits.get(0).explanation());
  }

  @Test
  void findsTheListedPersonDespiteCorruption() {
    assertFirst("x-haddad", ScreeningQuery.of("محمد حداد").withBirthDate("1980"));
    assertFirst("x-haddad", ScreeningQuery.of("HADDAD, Mohamed").withBirthDate("1980-05-17"));
    assertFirst("x-petrov", ScreeningQuery.of("Петров Иван").withBirthDate("1975-04-03")); // day/month swapped
    assertFirst("x-petrov", ScreeningQuery.of("Ivan Petorv").withBirthDate("1976-03-04")); // typo, year off by one
    assertFirst("x-petrov", ScreeningQuery.of("I. Petrof").withIdentifier("72 4410981")); // passport, other format
    assertFirst("x-okafor", ScreeningQuery.of("Chukwuemeka Okafor")); // missing nothing but the date
    assertFirst("x-okafor", ScreeningQuery.of("Okafor Chukwuemka").withBirthDate("1969-11-03").withCountry("Nigeria"));
    assertFirst("x-dubois", ScreeningQuery.of("Marie Dubois").withBirthDate("1988-06-01")); // missing middle name
  }

  @Test
  void explainsEachComparison() {
    ScreeningHit hit = screening.candidates(ScreeningQuery.of("Ivan Petrov").withIdentifier("724410981"), 1).get(0);
    assertEquals("x-petrov", hit.id());
    Map<String, String> levels = new LinkedHashMap<>();
    double sum = 0;
    for (ComparisonOutcome o : hit.explanation().comparisons()) {
      levels.put(o.comparison(), o.level());
      sum += o.weight();
    }
    assertEquals("exact", levels.get("passportNumber"));
    assertEquals("null", levels.get("birthDate"));
    assertTrue(levels.get("name").startsWith("jw") || levels.get("name").equals("exact"), levels.toString());
    assertEquals(sum, hit.weight(), 1e-9);
    assertTrue(hit.probability() > 0.99, "a passport agreeing is strong: " + hit.probability());
  }

  @Test
  void findsCorruptedQueriesOfTheSyntheticList() {
    Random random = new Random(SEED);
    int found = 0;
    int top1 = 0;
    int n = 400;
    for (int i = 0; i < n; i++) {
      int pid = random.nextInt(LIST);
      MatchRecord c = generator.corrupt("q" + i, people.get(pid));
      ScreeningQuery q = ScreeningQuery.of(MatchRecord.of("query", "query",
          pick(c, "name", "birthDate", "nationality")));
      List<String> ids = ids(screening.candidates(q, 10));
      found += ids.contains("w" + pid) ? 1 : 0;
      top1 += !ids.isEmpty() && ids.get(0).equals("w" + pid) ? 1 : 0;
    }
    System.out.printf("corrupted queries: true entry in top-10 %d/%d, first %d/%d%n", found, n, top1, n);
    assertTrue(found >= 0.95 * n, "true entry in the top 10 for " + found + " of " + n);
  }

  static Map<String, List<String>> pick(MatchRecord r, String... properties) {
    Map<String, List<String>> v = new LinkedHashMap<>();
    for (String p : properties) {
      if (!r.get(p).isEmpty()) {
        v.put(p, r.get(p));
      }
    }
    return v;
  }

  @Test
  void recallAtTenAgainstALinearScanWithTheSameScorer() {
    Random random = new Random(SEED + 1);
    int n = 60;
    long relevant = 0;
    long retrieved = 0;
    long scanNanos = 0;
    long indexNanos = 0;
    for (int i = 0; i < n; i++) {
      int pid = random.nextInt(LIST);
      MatchRecord c = generator.corrupt("q" + i, people.get(pid));
      ScreeningQuery q = ScreeningQuery.of(MatchRecord.of("query", "query", pick(c, "name", "birthDate", "nationality",
          "passportNumber")));
      long t0 = System.nanoTime();
      List<ScreeningHit> scanHits = screening.scan(q, 10);
      List<String> scan = ids(scanHits);
      long t1 = System.nanoTime();
      Set<String> index = new HashSet<>(ids(screening.candidates(q, 10)));
      long t2 = System.nanoTime();
      scanNanos += t1 - t0;
      indexNanos += t2 - t1;
      for (ScreeningHit h : scanHits) {
        if (h.explanation().probability() >= 0.01) { // the model's probability: the index's contract
          relevant++;
          retrieved += index.contains(h.id()) ? 1 : 0;
        }
      }
      for (ScreeningHit h : scanHits) {
        if (!index.contains(h.id()) && h.explanation().probability() >= 0.01) {
          System.out.printf("missed %s w=%.2f p=%.4f %s for %s%n", h.id(), h.weight(), h.probability(),
              h.explanation().comparisons().stream().filter(o -> !o.level().equals("null"))
                  .map(o -> o.comparison() + ":" + o.level()).toList(), q.record().values());
        }
      }
    }
    double recall = retrieved / (double) relevant;
    System.out.printf("recall@10 vs scan %.4f; scan %.1f ms/query, index %.2f ms/query%n", recall,
        scanNanos / 1e6 / n, indexNanos / 1e6 / n);
    assertTrue(recall >= 0.99, "recall@10 against the scan " + recall);
  }
}
