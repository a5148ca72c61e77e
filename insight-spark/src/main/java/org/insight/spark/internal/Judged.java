package org.insight.spark.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.insight.match.Judgement;
import org.insight.match.LinkKernel;
import org.insight.match.MatchRecord;

/**
 * The judgements that bear on one Spark link run, on the driver: the latest of each pair whose two records are in
 * the run ({@link LinkKernel#latest}), and those records (collected: analysts judge pairs one by one, so they are few).
 *
 * @param byPair the latest judgement per unordered pair ({@link #key})
 * @param byId the same judgements under each of their two record ids
 * @param same the SAME-judged pairs' records, the first in run order first
 * @param records the judged records, in run order (side, then id as Java compares strings)
 */
public record Judged(Map<List<String>, Judgement> byPair, Map<String, List<Judgement>> byId, List<MatchRecord[]> same,
    List<MatchRecord> records) {

  /**
   * The judgements of {@code judgements} that bear on a run; {@code fetch} gives the run's records among the ids it is
   * given (a Spark job, run only when there are judgements).
   */
  public static Judged of(Collection<Judgement> judgements, Function<Set<String>, List<LinkRecord>> fetch) {
    List<Judgement> latest = LinkKernel.latest(judgements);
    if (latest.isEmpty()) {
      return new Judged(Map.of(), Map.of(), List.of(), List.of());
    }
    Set<String> ids = new TreeSet<>();
    latest.forEach(j -> {
      ids.add(j.leftId());
      ids.add(j.rightId());
    });
    Map<String, MatchRecord> records = new HashMap<>();
    Map<String, Integer> sides = new HashMap<>();
    for (LinkRecord r : fetch.apply(ids)) {
      records.put(r.id(), r.record());
      sides.put(r.id(), r.side());
    }
    Comparator<MatchRecord> runOrder = Comparator.comparingInt((MatchRecord r) -> sides.get(r.id()))
        .thenComparing(MatchRecord::id);
    Map<List<String>, Judgement> byPair = new LinkedHashMap<>();
    Map<String, List<Judgement>> byId = new HashMap<>();
    List<MatchRecord[]> same = new ArrayList<>();
    for (Judgement j : latest) {
      MatchRecord a = records.get(j.leftId());
      MatchRecord b = records.get(j.rightId());
      if (a == null || b == null) {
        continue; // names a record of another run
      }
      byPair.put(key(a.id(), b.id()), j);
      byId.computeIfAbsent(a.id(), x -> new ArrayList<>()).add(j);
      byId.computeIfAbsent(b.id(), x -> new ArrayList<>()).add(j);
      if (j.verdict() == Judgement.Verdict.SAME) {
        same.add(runOrder.compare(a, b) < 0 ? new MatchRecord[] {a, b} : new MatchRecord[] {b, a});
      }
    }
    List<MatchRecord> judged = new ArrayList<>(records.values());
    judged.sort(runOrder);
    return new Judged(byPair, byId, same, judged);
  }

  /** The key of an unordered pair of ids. */
  public static List<String> key(String a, String b) {
    return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
  }
}
