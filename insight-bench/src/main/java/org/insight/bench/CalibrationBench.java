package org.insight.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.insight.match.MatchRecord;
import org.insight.match.Screening;
import org.insight.match.ScreeningCalibration;
import org.insight.match.ScreeningHit;
import org.insight.match.ScreeningQuery;
import org.insight.test.Reliability;
import org.insight.test.ScreeningWorld;

/**
 * Screening calibration: fits the per-evidence curves ({@link ScreeningCalibration#fit}) on generated screening
 * ({@link ScreeningWorld}: lists of several sizes, half the queries of listed people, each query's top 10 hits
 * labelled) with one seed, and prints the reliability curve (ten bins of predicted probability, Brier score, expected
 * calibration error) on a held-out seed for the model's own probability, the shipped defaults and the fresh fit;
 * overall and for name-only queries. The fitted curves are printed as Java to paste into
 * {@link ScreeningCalibration#defaults()}.
 *
 * <pre>./run-bench calibration [QUERIES_PER_LIST] [SEED] [HELD_OUT_SEED]</pre>
 */
public final class CalibrationBench {

  private CalibrationBench() {}

  static final int[] SIZES = {2_000, 10_000, 50_000};

  /** One labelled hit. */
  record Row(String evidence, double weight, int listSize, boolean match, double model, double shipped) {}

  static List<Row> rows(long seed, int queriesPerList) {
    List<Row> rows = new ArrayList<>();
    for (int size : SIZES) {
      ScreeningWorld world = new ScreeningWorld(seed * 31 + size, size);
      List<MatchRecord> records = new ArrayList<>();
      for (ScreeningWorld.Entry e : world.entries()) {
        records.add(MatchRecord.of(e.id(), "watch-list", e.values()));
      }
      Screening screening = Screening.builder().build();
      screening.addAll(records);
      for (ScreeningWorld.Query q : world.queries(queriesPerList, 0.5)) {
        ScreeningQuery query = ScreeningQuery.of(MatchRecord.of("query", "query", q.values()));
        for (String id : q.identifiers()) {
          query = query.withIdentifier(id);
        }
        for (ScreeningHit h : screening.candidates(query, 10)) {
          rows.add(new Row(h.evidence(), h.weight(), h.listSize(), h.id().equals(q.truth()),
              h.explanation().probability(), h.probability()));
        }
      }
    }
    return rows;
  }

  static Reliability curve(List<Row> rows, java.util.function.ToDoubleFunction<Row> p,
      java.util.function.Predicate<Row> filter) {
    List<Row> kept = rows.stream().filter(filter).toList();
    double[] ps = new double[kept.size()];
    boolean[] ys = new boolean[kept.size()];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = p.applyAsDouble(kept.get(i));
      ys[i] = kept.get(i).match();
    }
    return Reliability.of(ps, ys);
  }

  public static void main(String[] args) {
    int queries = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_500;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 16L;
    long heldOut = args.length > 2 ? Long.parseLong(args[2]) : 1616L;
    System.out.printf(Locale.ROOT, "CalibrationBench: lists of %s entries, %,d queries each (half of listed people),"
        + " top 10 hits labelled; fit on seed %d, curves on seed %d%n", java.util.Arrays.toString(SIZES), queries,
        seed, heldOut);
    long t0 = System.nanoTime();
    List<Row> train = rows(seed, queries);
    List<Row> test = rows(heldOut, queries);
    ScreeningCalibration fitted = ScreeningCalibration.fit(train.stream()
        .map(r -> new ScreeningCalibration.Sample(r.evidence(), r.weight(), r.listSize(), r.match())).toList());
    System.out.printf(Locale.ROOT, "generated and screened in %.1f s; %,d training hits, %,d held-out hits%n",
        (System.nanoTime() - t0) / 1e9, train.size(), test.size());
    System.out.println("fitted curves (paste into ScreeningCalibration.defaults()):");
    for (ScreeningCalibration.Curve c : fitted.curves()) {
      System.out.printf(Locale.ROOT, "      new Curve(\"%s\", %.4f, %.4f, %.4f, %d, %d),%n", c.evidence(), c.a(), c.b(),
          c.c(), c.samples(), c.matches());
    }
    Map<String, java.util.function.ToDoubleFunction<Row>> ways = new java.util.LinkedHashMap<>();
    ways.put("model probability (before)", Row::model);
    ways.put("shipped defaults", Row::shipped);
    ways.put("fitted on seed " + seed, r -> fitted.probability(r.evidence(), r.weight(), r.listSize(), r.model()));
    for (Map.Entry<String, java.util.function.ToDoubleFunction<Row>> w : ways.entrySet()) {
      System.out.printf(Locale.ROOT, "%n== %s, all held-out hits%n%s", w.getKey(), curve(test, w.getValue(), r -> true).table());
      System.out.printf(Locale.ROOT, "== %s, name-only queries%n%s", w.getKey(),
          curve(test, w.getValue(), r -> r.evidence().equals("name")).table());
    }
    System.out.printf(Locale.ROOT, "%nper evidence profile, held-out (ECE model -> shipped):%n");
    for (String e : test.stream().map(Row::evidence).distinct().sorted().toList()) {
      Reliability m = curve(test, Row::model, r -> r.evidence().equals(e));
      Reliability s = curve(test, Row::shipped, r -> r.evidence().equals(e));
      System.out.printf(Locale.ROOT, "  %-32s %6d hits  ECE %.4f -> %.4f  Brier %.4f -> %.4f%n", e, m.n(), m.ece(),
          s.ece(), m.brier(), s.brier());
    }
    List<Row> correctNameOnly = test.stream().filter(r -> r.match() && r.evidence().equals("name")).toList();
    double[] before = correctNameOnly.stream().mapToDouble(Row::model).sorted().toArray();
    double[] after = correctNameOnly.stream().mapToDouble(Row::shipped).sorted().toArray();
    if (before.length > 0) {
      System.out.printf(Locale.ROOT, "correct name-only hits: median p %.4f before, %.4f after (%d hits)%n",
          before[before.length / 2], after[after.length / 2], before.length);
    }
  }
}
