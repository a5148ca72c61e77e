package org.insight.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Assertions;

class LinkerProperties {

  static final Linker LINKER = Linker.builder().uSampleSize(5_000).build();
  static final MatchModel MODEL = LINKER.dedupe(new PersonGenerator(7L).generate(400, 0.3).records()).model();

  static List<Record> records(long seed, int n) {
    return new PersonGenerator(seed).generate(n, 0.3).records();
  }

  @Property(tries = 60)
  void scoresAndLevelsAreSymmetric(@ForAll long seed) {
    List<Record> recs = records(seed, 12);
    for (Record a : recs) {
      for (Record b : recs) {
        Explanation ab = MODEL.explain(a, b);
        Explanation ba = MODEL.explain(b, a);
        Assertions.assertEquals(Double.doubleToLongBits(ab.weight()), Double.doubleToLongBits(ba.weight()));
        Assertions.assertEquals(Double.doubleToLongBits(ab.probability()), Double.doubleToLongBits(ba.probability()));
        Assertions.assertTrue(ab.probability() >= 0 && ab.probability() <= 1);
        for (Comparison c : MODEL.comparisons()) {
          Assertions.assertEquals(c.level(a, b), c.level(b, a), c.toString());
        }
        for (int k = 0; k < ab.comparisons().size(); k++) {
          Assertions.assertEquals(ab.comparisons().get(k).level(), ba.comparisons().get(k).level());
        }
      }
    }
  }

  @Property(tries = 40)
  void differentIsNeverViolatedAndSameIsHonoured(@ForAll long seed) {
    List<Record> recs = records(seed, 40);
    Random random = new Random(seed);
    List<Judgement> judgements = new ArrayList<>();
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int k = 0; k < 15; k++) {
      Record a = recs.get(random.nextInt(recs.size()));
      Record b = recs.get(random.nextInt(recs.size()));
      if (!a.id().equals(b.id())) {
        Judgement.Verdict v = Judgement.Verdict.values()[random.nextInt(3)];
        judgements.add(new Judgement(a.id(), b.id(), v, "p", t.plusSeconds(k)));
      }
    }
    LinkResult r = LINKER.withModel(MODEL).dedupe(recs, judgements);
    Set<String> seen = new HashSet<>();
    for (Cluster c : r.clusters()) {
      for (String id : c.recordIds()) {
        Assertions.assertTrue(seen.add(id), "record in two clusters: " + id);
      }
    }
    Assertions.assertEquals(recs.size(), seen.size());
    // the latest judgement per pair is the one in force
    List<Judgement> latest = new ArrayList<>();
    for (Judgement j : judgements) {
      latest.removeIf(x -> x.concerns(j.leftId(), j.rightId()));
      latest.add(j);
    }
    for (Judgement j : latest) {
      boolean together = r.clusters().stream().anyMatch(c -> c.recordIds().contains(j.leftId())
          && c.recordIds().contains(j.rightId()));
      if (j.verdict() == Judgement.Verdict.DIFFERENT) {
        Assertions.assertFalse(together, "DIFFERENT violated: " + j);
      } else if (j.verdict() == Judgement.Verdict.SAME && !r.conflicts().contains(j)) {
        Assertions.assertTrue(together, "SAME not honoured: " + j);
      }
    }
    for (MatchPair p : r.pairs()) {
      Assertions.assertTrue(p.probability() >= 0 && p.probability() <= 1);
    }
  }
}
