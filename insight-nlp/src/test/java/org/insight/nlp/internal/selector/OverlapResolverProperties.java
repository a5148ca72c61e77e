package org.insight.nlp.internal.selector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.nlp.Selector;
import org.insight.nlp.SelectorKind;
import org.insight.nlp.internal.selector.Candidates.Candidate;

/** Laws of overlap resolution: what is kept never overlaps, and what is dropped lost to a kept, better candidate. */
class OverlapResolverProperties {

  private static final String TEXT = "x".repeat(80);

  @Provide
  Arbitrary<List<Candidate>> candidates() {
    Arbitrary<Candidate> one = Combinators.combine(
        Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 12),
        Arbitraries.of(Rank.MRZ, Rank.IBAN, Rank.CARD, Rank.DATE, Rank.PHONE, Rank.DOMAIN),
        Arbitraries.of(0.5, 0.75, 0.9)).as((start, length, rank, confidence) -> new Candidate(
            new Selector(SelectorKind.DATE, start, start + length, TEXT.substring(start, start + length), "v",
                confidence, Map.of()), rank));
    return one.list().ofMaxSize(30);
  }

  @Property
  void keptCandidatesAreSortedAndDisjoint(@ForAll("candidates") List<Candidate> candidates) {
    List<Selector> kept = OverlapResolver.resolve(new ArrayList<>(candidates));
    for (int k = 1; k < kept.size(); k++) {
      assertTrue(kept.get(k - 1).end() <= kept.get(k).start(), () -> "overlap or disorder in " + kept);
    }
    kept.forEach(s -> assertTrue(s.end() > s.start(), () -> "an empty span was kept: " + s));
  }

  @Property
  void aDroppedCandidateOverlapsAKeptOneRankedAtLeastAsHigh(@ForAll("candidates") List<Candidate> candidates) {
    List<Selector> kept = OverlapResolver.resolve(new ArrayList<>(candidates));
    Map<Selector, Integer> rankOf = new java.util.IdentityHashMap<>();
    candidates.forEach(c -> rankOf.put(c.selector(), c.rank()));
    for (Candidate c : candidates) {
      Selector s = c.selector();
      if (s.end() <= s.start() || kept.stream().anyMatch(x -> x == s)) {
        continue;
      }
      boolean beaten = kept.stream().anyMatch(x -> x.start() < s.end() && s.start() < x.end()
          && (rankOf.get(x) > c.rank() || rankOf.get(x) == c.rank() && x.end() - x.start() >= s.end() - s.start()));
      assertTrue(beaten, () -> s + " (rank " + c.rank() + ") was dropped though no kept candidate beats it: " + kept);
    }
  }
}
