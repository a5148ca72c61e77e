package org.insight.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.insight.test.PersonGenerator;

class LinkerTest {

  static final long SEED = Long.getLong("insight.seed", 20261125L);
  static PersonGenerator.Data<MatchRecord> data;
  static LinkResult result;
  static Linker linker = Linker.builder().build();

  @BeforeAll
  static void run() {
    data = Persons.generator(SEED).generate(2000, 0.3);
    long t0 = System.nanoTime();
    result = linker.dedupe(data.records());
    System.out.printf("dedupe of %d records: %d ms; %s%n", data.records().size(),
        (System.nanoTime() - t0) / 1_000_000, result.blocking());
    ModelParameters p = result.parameters();
    System.out.printf("EM: %d iterations, converged=%s, lambda=%.4f, logLik first=%.1f last=%.1f%n", p.iterations(),
        p.converged(), p.lambda(), p.logLikelihood().get(0), p.logLikelihood().get(p.logLikelihood().size() - 1));
    for (ModelParameters.ComparisonParameters c : p.comparisons()) {
      StringBuilder sb = new StringBuilder(c.comparison() + ":");
      for (ModelParameters.LevelParameters l : c.levels()) {
        sb.append(String.format(" %s m=%.3f u=%.4f w=%.2f;", l.level(), l.m(), l.u(), l.weight()));
      }
      System.out.println(sb);
    }
  }

  static Set<String> clusterPairs(List<Cluster> clusters) {
    Set<String> out = new HashSet<>();
    for (Cluster c : clusters) {
      List<String> ids = c.recordIds();
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          out.add(PersonGenerator.key(ids.get(i), ids.get(j)));
        }
      }
    }
    return out;
  }

  static double[] prf(Set<String> predicted, Set<String> truth) {
    long tp = predicted.stream().filter(truth::contains).count();
    double p = predicted.isEmpty() ? 1 : tp / (double) predicted.size();
    double r = truth.isEmpty() ? 1 : tp / (double) truth.size();
    return new double[] {p, r, 2 * p * r / (p + r)};
  }

  @Test
  void precisionRecallF1OfClustersAndPairs() {
    Set<String> truth = data.truePairs();
    double[] c = prf(clusterPairs(result.clusters()), truth);
    Set<String> pairs = new HashSet<>();
    result.pairs().forEach(p -> pairs.add(PersonGenerator.key(p.leftId(), p.rightId())));
    double[] q = prf(pairs, truth);
    System.out.printf("clusters: precision=%.4f recall=%.4f F1=%.4f (true pairs %d)%n", c[0], c[1], c[2],
        truth.size());
    System.out.printf("pairs >= threshold: precision=%.4f recall=%.4f F1=%.4f%n", q[0], q[1], q[2]);
    assertTrue(c[0] >= 0.97, "cluster precision " + c[0]);
    assertTrue(c[1] >= 0.93, "cluster recall " + c[1]);
    assertTrue(c[2] >= 0.95, "cluster F1 " + c[2]);
  }

  @Test
  void evaluationCountsWhatTheBlockingAndTheRunDidOnTheLabelledPairs() {
    List<MatchRecord> records = data.records();
    Map<String, MatchRecord> byId = new HashMap<>();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      byId.put(records.get(i).id(), records.get(i));
      index.put(records.get(i).id(), i);
    }
    // every true pair, and as many non-matches: the run's wrong pairs plus random pairs
    List<LabelledPair> truth = new java.util.ArrayList<>();
    Set<String> matches = data.truePairs();
    matches.forEach(k -> truth.add(new LabelledPair(byId.get(k.split("\\|")[0]), byId.get(k.split("\\|")[1]), true)));
    Set<String> nonMatches = new HashSet<>();
    result.pairs().stream().map(p -> PersonGenerator.key(p.leftId(), p.rightId())).filter(k -> !matches.contains(k))
        .forEach(nonMatches::add);
    java.util.Random random = new java.util.Random(SEED);
    while (nonMatches.size() < matches.size()) {
      String a = records.get(random.nextInt(records.size())).id();
      String b = records.get(random.nextInt(records.size())).id();
      if (!a.equals(b) && !matches.contains(PersonGenerator.key(a, b))) {
        nonMatches.add(PersonGenerator.key(a, b));
      }
    }
    nonMatches.forEach(k -> truth.add(new LabelledPair(byId.get(k.split("\\|")[0]), byId.get(k.split("\\|")[1]), false)));

    LinkEvaluation e = linker.evaluate(records, result, truth);

    var blocked = org.insight.match.internal.Blocker.block(records, linker.comparisons(), 500, -1);
    Set<Long> candidates = new HashSet<>();
    for (long p : blocked.pairs()) {
      candidates.add(p);
    }
    long n = records.size();
    long blockedMatches = matches.stream().filter(k -> {
      int i = index.get(k.split("\\|")[0]);
      int j = index.get(k.split("\\|")[1]);
      return candidates.contains(Math.min(i, j) * n + Math.max(i, j));
    }).count();
    Set<String> pairs = new HashSet<>();
    result.pairs().forEach(p -> pairs.add(PersonGenerator.key(p.leftId(), p.rightId())));
    Set<String> clustered = clusterPairs(result.clusters());
    assertEquals(matches.size(), e.matches());
    assertEquals(nonMatches.size(), e.nonMatches());
    assertEquals(blockedMatches, e.blockedMatches());
    assertEquals(pairs.stream().filter(matches::contains).count(), e.pairedMatches());
    assertEquals(pairs.stream().filter(nonMatches::contains).count(), e.pairedNonMatches());
    assertEquals(clustered.stream().filter(matches::contains).count(), e.clusteredMatches());
    assertEquals(clustered.stream().filter(nonMatches::contains).count(), e.clusteredNonMatches());
    assertEquals(prf(pairs, matches)[1], e.recall(), 1e-12);
    assertTrue(e.blockingRecall() >= e.recall(), "no threshold recalls a pair blocking never compared");
    System.out.printf("evaluation: blocking recall %.4f, pairs P %.4f R %.4f F1 %.4f, clusters P %.4f R %.4f%n",
        e.blockingRecall(), e.precision(), e.recall(), e.f1(), e.clusterPrecision(), e.clusterRecall());

    MatchRecord stranger = Persons.record("nobody", "Zed Quux", "1900", null, null, null, null, null, null);
    IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> linker.evaluate(records, result, List.of(new LabelledPair(records.get(0), stranger, true))));
    assertTrue(error.getMessage().contains("nobody") && error.getMessage().contains("not among"), error.getMessage());
  }

  @Test
  void evaluationOfALinkRunRefusesAPairWithinOneSide() {
    List<MatchRecord> left = data.records().subList(0, 10);
    List<MatchRecord> right = data.records().subList(10, 20);
    LinkResult linked = linker.link(left, right);
    LinkEvaluation e = linker.evaluate(left, right, linked, List.of(new LabelledPair(left.get(0), right.get(0), true)));
    assertEquals(1, e.matches());
    IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> linker.evaluate(left, right, linked, List.of(new LabelledPair(left.get(0), left.get(1), false))));
    assertTrue(error.getMessage().contains("one side"), error.getMessage());
  }

  @Test
  void blockingIsNearLinearAndKeepsTheTruePairs() {
    Map<String, Integer> index = new HashMap<>();
    List<MatchRecord> records = data.records();
    for (int i = 0; i < records.size(); i++) {
      index.put(records.get(i).id(), i);
    }
    var blocked = org.insight.match.internal.Blocker.block(records, linker.comparisons(), 500, -1);
    Set<Long> candidates = new HashSet<>();
    for (long p : blocked.pairs()) {
      candidates.add(p);
    }
    Set<String> truth = data.truePairs();
    long n = records.size();
    long found = truth.stream().filter(k -> {
      String[] ab = k.split("\\|");
      int i = index.get(ab[0]);
      int j = index.get(ab[1]);
      return candidates.contains(Math.min(i, j) * n + Math.max(i, j));
    }).count();
    double recall = found / (double) truth.size();
    long all = n * (n - 1) / 2;
    System.out.printf("blocking recall=%.4f candidate pairs=%d (%.2f%% of %d)%n", recall,
        blocked.stats().candidatePairs(), 100.0 * blocked.stats().candidatePairs() / all, all);
    assertTrue(recall >= 0.97, "blocking recall " + recall);
    assertTrue(blocked.stats().candidatePairs() < all / 20, "candidate pairs " + blocked.stats().candidatePairs());
    assertEquals(result.blocking().candidatePairs(), blocked.stats().candidatePairs());
  }

  @Test
  void explanationsSumToTheTotalWeight() {
    assertTrue(!result.pairs().isEmpty());
    for (MatchPair p : result.pairs()) {
      double sum = 0;
      for (ComparisonOutcome o : p.explanation().comparisons()) {
        sum += o.weight();
      }
      assertEquals(p.weight(), sum, 1e-9);
      assertEquals(linker.comparisons().size(), p.explanation().comparisons().size());
      assertTrue(p.probability() >= 0.9 && p.probability() <= 1);
    }
  }

  @Test
  void commonNamesWeighLessThanRareNames() {
    MatchModel model = result.model();
    MatchRecord a = Persons.record("x1", "John Smith", null, null, null, null, null, null, null);
    MatchRecord b = Persons.record("x2", "John Smith", null, null, null, null, null, null, null);
    MatchRecord c = Persons.record("x3", "Hugo Nakamura", null, null, null, null, null, null, null);
    MatchRecord d = Persons.record("x4", "Hugo Nakamura", null, null, null, null, null, null, null);
    assertTrue(model.weight(a, b) < model.weight(c, d), model.weight(a, b) + " vs " + model.weight(c, d));
  }

  @Test
  void differentJudgementIsNeverMergedSameMerges() {
    // the strongest model pair, judged DIFFERENT; a clear non-pair judged SAME
    MatchPair top = result.pairs().get(0);
    MatchRecord far1 = data.records().get(0);
    MatchRecord far2 = data.records().stream().filter(r -> !data.truth().get(r.id()).equals(data.truth().get(far1.id())))
        .filter(r -> result.model().weight(far1, r) < 0).findFirst().orElseThrow();
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    List<Judgement> judgements = List.of(
        new Judgement(top.leftId(), top.rightId(), Judgement.Verdict.DIFFERENT, "analyst", now),
        new Judgement(far1.id(), far2.id(), Judgement.Verdict.SAME, "analyst", now));
    LinkResult judged = linker.dedupe(data.records(), judgements);
    for (Cluster c : judged.clusters()) {
      assertTrue(!(c.recordIds().contains(top.leftId()) && c.recordIds().contains(top.rightId())));
    }
    assertTrue(judged.clusters().stream().anyMatch(c -> c.recordIds().contains(far1.id())
        && c.recordIds().contains(far2.id())));
    assertTrue(judged.pairs().stream().noneMatch(p -> p.leftId().equals(top.leftId())
        && p.rightId().equals(top.rightId())));
    MatchPair forced = judged.pairs().stream().filter(p -> Set.of(p.leftId(), p.rightId())
        .equals(Set.of(far1.id(), far2.id()))).findFirst().orElseThrow();
    assertEquals(1.0, forced.probability());
    assertTrue(forced.explanation().judgement().isPresent());
  }

  @Test
  void sameIsTransitiveAndConflictsAreReported() {
    List<MatchRecord> recs = List.of(
        Persons.record("a", "Hugo Moreau", "1970-01-01", null, null, null, null, null, null),
        Persons.record("b", "Ingrid Weber", "1980-02-02", null, null, null, null, null, null),
        Persons.record("c", "Tomasz Nowak", "1990-03-03", null, null, null, null, null, null));
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    LinkResult r = linker.withModel(result.model()).dedupe(recs, List.of(
        new Judgement("a", "b", Judgement.Verdict.SAME, "x", t),
        new Judgement("b", "c", Judgement.Verdict.SAME, "x", t.plusSeconds(1))));
    assertEquals(List.of("a", "b", "c"), r.clusters().stream().filter(c -> c.recordIds().size() == 3)
        .findFirst().orElseThrow().recordIds());
    LinkResult conflict = linker.withModel(result.model()).dedupe(recs, List.of(
        new Judgement("a", "b", Judgement.Verdict.SAME, "x", t),
        new Judgement("a", "c", Judgement.Verdict.DIFFERENT, "x", t),
        new Judgement("b", "c", Judgement.Verdict.SAME, "x", t.plusSeconds(1))));
    assertEquals(1, conflict.conflicts().size());
    assertTrue(conflict.clusters().stream().noneMatch(c -> c.recordIds().containsAll(List.of("a", "c"))));
  }

  @Test
  void chainingDoesNotMergeClashingRecords() {
    // B is sparse and matches both A (name and phone) and C (name and e-mail); A and C clash on birth date and
    // passport. (A name, country and gender alone no longer pass 0.9: the prior is that of two random records.)
    MatchRecord a = Persons.record("A", "Hugo Nakamura", "1961-04-12", "P11111111", null, "fr", "+441632960001",
        null, "m");
    MatchRecord b = Persons.record("B", "Hugo Nakamura", null, null, null, "fr", "+441632960001", "hugo@example.org",
        "m");
    MatchRecord c = Persons.record("C", "Hugo Nakamura", "1988-11-30", "P22222222", null, "fr", null,
        "hugo@example.org", "m");
    MatchModel model = result.model();
    List<MatchRecord> recs = new java.util.ArrayList<>(data.records());
    recs.addAll(List.of(a, b, c));
    LinkResult r = linker.withModel(model).dedupe(recs);
    System.out.printf("chain: w(A,B)=%.2f w(B,C)=%.2f w(A,C)=%.2f%n", model.weight(a, b), model.weight(b, c),
        model.weight(a, c));
    assertTrue(r.pairs().stream().anyMatch(p -> Set.of(p.leftId(), p.rightId()).equals(Set.of("A", "B"))));
    assertTrue(r.pairs().stream().anyMatch(p -> Set.of(p.leftId(), p.rightId()).equals(Set.of("B", "C"))));
    assertTrue(r.clusters().stream().noneMatch(cl -> cl.recordIds().containsAll(List.of("A", "C"))));
  }

  @Test
  void clusterIdsAreStableAcrossRuns() {
    List<MatchRecord> reversed = new java.util.ArrayList<>(data.records());
    java.util.Collections.reverse(reversed);
    LinkResult again = linker.dedupe(reversed);
    assertTrue(Set.copyOf(result.clusters()).equals(Set.copyOf(again.clusters())), "clusters differ across runs");
  }

  @Test
  void labelsOfPairsAreTheConjunction() {
    org.insight.policy.Label x = org.insight.policy.Label.of("INTERPOL");
    org.insight.policy.Label y = org.insight.policy.Label.of("FR");
    MatchRecord a = Persons.record("la", "Hugo Nakamura", "1961-04-12", "P11111111", null, null, null, null, null)
        .withLabel(x);
    MatchRecord b = Persons.record("lb", "Hugo Nakamura", "1961-04-12", "P11111111", null, null, null, null, null)
        .withLabel(y);
    LinkResult r = linker.withModel(result.model()).dedupe(List.of(a, b));
    assertEquals(1, r.pairs().size());
    assertEquals(x.and(y), r.pairs().get(0).label());
  }

  @Test
  void trainingFromLabelledPairsSetsParameters() {
    List<MatchRecord> recs = data.records();
    List<LabelledPair> labelled = new java.util.ArrayList<>();
    Map<Integer, MatchRecord> firstOf = new HashMap<>();
    for (MatchRecord r : recs) {
      MatchRecord prev = firstOf.putIfAbsent(data.truth().get(r.id()), r);
      if (prev != null) {
        labelled.add(new LabelledPair(prev, r, true));
      }
    }
    for (int i = 0; i + 1 < recs.size(); i += 2) {
      if (!data.truth().get(recs.get(i).id()).equals(data.truth().get(recs.get(i + 1).id()))) {
        labelled.add(new LabelledPair(recs.get(i), recs.get(i + 1), false));
      }
    }
    Linker trained = linker.train(labelled);
    LinkResult r = trained.dedupe(recs);
    double[] c = prf(clusterPairs(r.clusters()), data.truePairs());
    System.out.printf("trained: precision=%.4f recall=%.4f F1=%.4f%n", c[0], c[1], c[2]);
    assertEquals(0, r.parameters().iterations());
    assertTrue(c[2] >= 0.85, "trained F1 " + c[2]);
  }

  @Test
  void theGeneratorReallyCorrupts() {
    int cyrillic = 0;
    int arabic = 0;
    int commaOrUpperFirst = 0;
    int nickname = 0;
    int initial = 0;
    int noDate = 0;
    int yearOnly = 0;
    java.util.Set<String> nick = new HashSet<>();
    PersonGenerator.NICKNAMES.values().forEach(nick::addAll);
    for (MatchRecord r : data.records()) {
      String name = r.get("name").get(0);
      org.insight.names.Names.Script script = org.insight.names.Names.script(name);
      cyrillic += script == org.insight.names.Names.Script.CYRILLIC ? 1 : 0;
      arabic += script == org.insight.names.Names.Script.ARABIC ? 1 : 0;
      commaOrUpperFirst += name.contains(",") || name.split(" ")[0].length() > 1
          && name.split(" ")[0].equals(name.split(" ")[0].toUpperCase(java.util.Locale.ROOT)) ? 1 : 0;
      nickname += java.util.Arrays.stream(name.split("[ ,]+")).anyMatch(nick::contains) ? 1 : 0;
      initial += name.matches(".*\\b\\p{Lu}\\..*") ? 1 : 0;
      noDate += r.get("birthDate").isEmpty() ? 1 : 0;
      yearOnly += r.get("birthDate").stream().anyMatch(d -> d.length() == 4) ? 1 : 0;
    }
    System.out.printf("corruption: cyrillic=%d arabic=%d swapped=%d nickname=%d initial=%d noDate=%d yearOnly=%d%n",
        cyrillic, arabic, commaOrUpperFirst, nickname, initial, noDate, yearOnly);
    for (int count : new int[] {cyrillic, arabic, commaOrUpperFirst, nickname, initial, noDate, yearOnly}) {
      assertTrue(count >= 5, "every kind of corruption occurs: " + count);
    }
  }

  @Test
  void nicknamesAndVariantsReachAGoodNameLevel() {
    Comparison names = Comparison.names("name");
    for (String[] p : new String[][] {{"William Smith", "Bill Smith"}, {"Aleksandr Volkov", "Sasha Volkov"},
        {"Mohammed Haddad", "Muhammad Haddad"}, {"Robert Jones", "BOB JONES"},
        {"Natalia Popov", "Natasha Popov"}, {"Иван Петров", "Vanya Petrov"}}) {
      MatchRecord a = Persons.record("a", p[0], null, null, null, null, null, null, null);
      MatchRecord b = Persons.record("b", p[1], null, null, null, null, null, null, null);
      int level = names.level(a, b);
      assertTrue(level <= 2, p[0] + " / " + p[1] + " reached " + names.levels().get(level));
      assertEquals(level, names.level(b, a));
      assertTrue(org.insight.match.internal.Blocker.keys(a, linker.comparisons()).stream()
          .anyMatch(k -> org.insight.match.internal.Blocker.keys(b, linker.comparisons()).contains(k)), "blocked together");
    }
    MatchRecord latin = Persons.record("a", "Mohammed Haddad", null, null, null, null, null, null, null);
    MatchRecord arabic = Persons.record("b", "محمد حداد", null, null, null, null, null, null, null);
    assertTrue(names.level(latin, arabic) <= 3, "across scripts, without short vowels: "
        + names.levels().get(names.level(latin, arabic)));
    MatchRecord ivan = Persons.record("a", "Ivan Petrov", null, null, null, null, null, null, null);
    MatchRecord john = Persons.record("b", "John Petrov", null, null, null, null, null, null, null);
    assertTrue(names.level(ivan, john) >= 3, "a different name in another language is not a nickname");
  }

  @Test
  void probabilitiesAreRoughlyCalibratedOverTheCandidatePairs() {
    List<MatchRecord> records = data.records();
    var blocked = org.insight.match.internal.Blocker.block(records, linker.comparisons(), 500, -1);
    long n = records.size();
    double brier = 0;
    double[] predicted = new double[4];
    double[] observed = new double[4];
    int[] count = new int[4];
    for (long p : blocked.pairs()) {
      MatchRecord a = records.get((int) (p / n));
      MatchRecord b = records.get((int) (p % n));
      double prob = result.model().probability(result.model().weight(a, b));
      int truth = data.truth().get(a.id()).equals(data.truth().get(b.id())) ? 1 : 0;
      brier += (prob - truth) * (prob - truth);
      int bin = prob < 0.1 ? 0 : prob < 0.5 ? 1 : prob < 0.9 ? 2 : 3;
      predicted[bin] += prob;
      observed[bin] += truth;
      count[bin]++;
    }
    brier /= blocked.pairs().length;
    for (int k = 0; k < 4; k++) {
      System.out.printf("calibration bin %d: %d pairs, mean predicted %.3f, observed %.3f%n", k, count[k],
          count[k] == 0 ? 0 : predicted[k] / count[k], count[k] == 0 ? 0 : observed[k] / count[k]);
    }
    System.out.printf("Brier score over %d candidate pairs: %.4f%n", blocked.pairs().length, brier);
    assertTrue(brier < 0.05, "Brier " + brier);
    assertTrue(observed[3] / count[3] >= 0.9, "pairs predicted >= 0.9 are matches at least 90% of the time");
    assertTrue(observed[0] / count[0] <= 0.1, "pairs predicted < 0.1 are matches at most 10% of the time");
  }
}
