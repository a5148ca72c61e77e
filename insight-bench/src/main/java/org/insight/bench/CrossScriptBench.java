package org.insight.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.insight.match.MatchRecord;
import org.insight.match.Screening;
import org.insight.match.ScreeningHit;
import org.insight.match.ScreeningQuery;
import org.insight.test.CrossScriptNames;

/**
 * Cross-script screening: a Latin watch list of Russian and Arabic names, each romanised by one of several systems
 * ({@link CrossScriptNames}), screened with the names written in Cyrillic and in Arabic script, name only. Prints
 * recall@1 and recall@10 per script for a development seed and a held-out seed.
 *
 * <pre>./run-bench crossscript [ENTRIES] [QUERIES_PER_SCRIPT] [SEED] [HELD_OUT_SEED]</pre>
 */
public final class CrossScriptBench {

  private CrossScriptBench() {}

  /** Recall of one run. */
  record Recall(int queries, int first, int top10) {}

  static Map<CrossScriptNames.Script, Recall> run(int entries, int perScript, long seed, boolean verbose) {
    Random random = new Random(seed);
    CrossScriptNames names = new CrossScriptNames(random);
    List<CrossScriptNames.Name> list = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> latinSeen = new HashSet<>();
    while (list.size() < entries) {
      CrossScriptNames.Name n = names.name();
      // one entry per name: two entries for one person would make "first" a coin toss
      if (seen.add(n.key()) && latinSeen.add(n.latin().toLowerCase(Locale.ROOT))) {
        list.add(n);
      }
    }
    List<MatchRecord> records = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Map<String, List<String>> v = new LinkedHashMap<>();
      v.put("name", List.of(list.get(i).latin()));
      records.add(MatchRecord.of("w" + i, "watch-list", v));
    }
    Screening screening = Screening.of(records);
    Map<CrossScriptNames.Script, Recall> out = new LinkedHashMap<>();
    for (CrossScriptNames.Script script : CrossScriptNames.Script.values()) {
      List<Integer> of = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).script() == script) {
          of.add(i);
        }
      }
      int first = 0;
      int top10 = 0;
      for (int q = 0; q < perScript; q++) {
        int truth = of.get(random.nextInt(of.size()));
        List<ScreeningHit> hits = screening.candidates(ScreeningQuery.of(list.get(truth).nativeForm()), 10);
        String want = "w" + truth;
        boolean atFirst = !hits.isEmpty() && hits.get(0).id().equals(want);
        first += atFirst ? 1 : 0;
        top10 += hits.stream().anyMatch(h -> h.id().equals(want)) ? 1 : 0;
        if (verbose && !atFirst) {
          System.out.printf(Locale.ROOT, "MISS %s %s [%s] -> %s%n", list.get(truth).nativeForm(), list.get(truth).latin(),
              list.get(truth).system(), hits.isEmpty() ? "-" : hits.get(0).entry().get("name") + " w="
                  + String.format(Locale.ROOT, "%.2f", hits.get(0).weight()) + " truth at "
                  + hits.stream().map(ScreeningHit::id).toList().indexOf(want));
        }
      }
      out.put(script, new Recall(perScript, first, top10));
    }
    return out;
  }

  public static void main(String[] args) {
    int entries = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 2_000;
    int perScript = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 250;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 16L;
    long heldOut = args.length > 3 ? Long.parseLong(args[3]) : 1616L;
    boolean verbose = Boolean.getBoolean("insight.crossscript.misses");
    System.out.printf(Locale.ROOT, "CrossScriptBench: %,d Latin entries (Russian and Arabic names, romanised by"
        + " BGN/PCGN, ALA-LC, ICAO, French, German, English, Egyptian habits), %d name-only queries per script%n",
        entries, perScript);
    for (long s : new long[] {seed, heldOut}) {
      Map<CrossScriptNames.Script, Recall> r = run(entries, perScript, s, verbose);
      int n = 0;
      int first = 0;
      int top10 = 0;
      for (Map.Entry<CrossScriptNames.Script, Recall> e : r.entrySet()) {
        Recall x = e.getValue();
        System.out.printf(Locale.ROOT, "seed %-6d %-9s recall@1 %.3f  recall@10 %.3f  (%d queries)%n", s, e.getKey(),
            x.first() / (double) x.queries(), x.top10() / (double) x.queries(), x.queries());
        n += x.queries();
        first += x.first();
        top10 += x.top10();
      }
      System.out.printf(Locale.ROOT, "seed %-6d %-9s recall@1 %.3f  recall@10 %.3f  (%d queries)%s%n", s, "all",
          first / (double) n, top10 / (double) n, n, s == seed ? "  development" : "  held out");
    }
  }
}
