package org.insight.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.insight.test.PersonGenerator;

class ScreeningProperties {

  static List<MatchRecord> list(long seed, int n) {
    PersonGenerator<MatchRecord> g = Persons.generator(seed);
    List<MatchRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PersonGenerator.Person p = g.person(i);
      out.add(i % 3 == 0 ? g.corrupt("e" + i, p) : g.clean("e" + i, p));
    }
    return out;
  }

  static ScreeningQuery query(long seed, List<MatchRecord> entries) {
    Random r = new Random(seed);
    MatchRecord e = entries.get(r.nextInt(entries.size()));
    ScreeningQuery q = ScreeningQuery.of(e.get("name").get(0) + (r.nextBoolean() ? "" : "x"));
    return e.get("birthDate").isEmpty() ? q : q.withBirthDate(e.get("birthDate").get(0).substring(0, 4));
  }

  static List<String> summary(List<ScreeningHit> hits) {
    return hits.stream().map(h -> h.id() + "=" + h.weight()).toList();
  }

  /** Results depend on the entries held, not on the order they were added in. */
  @Property(tries = 15)
  void orderDoesNotMatter(@ForAll long seed) {
    List<MatchRecord> entries = list(seed, 300);
    List<MatchRecord> shuffled = new ArrayList<>(entries);
    Collections.shuffle(shuffled, new Random(seed));
    Screening a = Screening.of(entries);
    Screening b = Screening.of(shuffled);
    for (int i = 0; i < 5; i++) {
      ScreeningQuery q = query(seed + i, entries);
      assertEquals(summary(a.candidates(q, 10)), summary(b.candidates(q, 10)));
    }
  }

  /** Removing entries gives exactly the index that never held them (slots are reused, nothing lingers). */
  @Property(tries = 15)
  void removeIsNeverAdded(@ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int removed) {
    List<MatchRecord> entries = list(seed, 300);
    Screening all = Screening.of(entries);
    List<MatchRecord> kept = new ArrayList<>(entries);
    Random r = new Random(seed);
    for (int i = 0; i < removed; i++) {
      MatchRecord gone = kept.remove(r.nextInt(kept.size()));
      all.remove(gone.id());
    }
    all.add(entries.get(0)); // re-adding (replacing) an entry changes nothing either
    if (!kept.contains(entries.get(0))) {
      kept.add(entries.get(0));
    }
    Screening fresh = Screening.of(kept);
    assertEquals(kept.size(), all.size());
    for (int i = 0; i < 5; i++) {
      ScreeningQuery q = query(seed + i, entries);
      assertEquals(summary(fresh.candidates(q, 10)), summary(all.candidates(q, 10)));
    }
  }

  /**
   * Screening a against a list holding b weighs as screening b against a list holding a (the model's probability
   * too; the calibrated one where a and b carry the same evidence).
   */
  @Property(tries = 100)
  void symmetric(@ForAll long seed) {
    List<MatchRecord> two = list(seed, 2);
    MatchRecord a = two.get(0);
    MatchRecord b = two.get(1);
    List<ScreeningHit> ab = Screening.of(List.of(b)).scan(ScreeningQuery.of(a), 1);
    List<ScreeningHit> ba = Screening.of(List.of(a)).scan(ScreeningQuery.of(b), 1);
    assertEquals(ab.get(0).weight(), ba.get(0).weight(), 0.0);
    assertEquals(ab.get(0).explanation().probability(), ba.get(0).explanation().probability(), 0.0);
    // the calibrated probability is for what the query carries: the same when both carry the same kinds of value
    if (ab.get(0).evidence().equals(ba.get(0).evidence())) {
      assertEquals(ab.get(0).probability(), ba.get(0).probability(), 0.0);
    }
  }

  /** The index and the scan give the same score to every candidate the index returns (one scorer). */
  @Property(tries = 15)
  void indexAndScanAgreeOnScores(@ForAll long seed) {
    List<MatchRecord> entries = list(seed, 200);
    Screening s = Screening.of(entries);
    ScreeningQuery q = query(seed, entries);
    java.util.Map<String, Double> scan = new java.util.HashMap<>();
    s.scan(q, 200).forEach(h -> scan.put(h.id(), h.weight()));
    for (ScreeningHit h : s.candidates(q, 10)) {
      assertEquals(scan.get(h.id()), h.weight(), 0.0);
    }
  }
}
