package org.insight.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.insight.search.Index;
import org.insight.search.Query;
import org.insight.search.SearchResult;
import org.insight.search.Visibility;

/**
 * Does a query's latency reveal invisible data (issue 14, finding 10)? Each probe is a pair of queries with the same
 * visible answer — ten visible records each — one of which also matches {@code INVISIBLE} records the reader cannot
 * see, the other none: a prefix ({@code zetawarden*} vs {@code quillmarch*}), a fuzzy word, a five-term OR and a
 * single term. The two run alternately, in random order within each pair, {@code RUNS} times on one index snapshot,
 * through {@link Index#search} with an OPEN reader's visibility (the session adds the same audit write to both);
 * prints p50 and p90 of each and their ratio, next to the ratio of the control query against itself (the noise
 * floor), and peak heap.
 *
 * <p>Data: {@code BACKGROUND} visible person records (name and notes), the twenty probe records, and
 * {@code INVISIBLE} SECRET person records named {@code <given> Zetawarden<two letters>} (a hundred surnames under the
 * prefix, each two edits from {@code zetawarden}), their notes holding {@code kestrel} and one of the five OR terms.
 *
 * <pre>./run-bench timing [INVISIBLE] [BACKGROUND] [RUNS] [KEEP_DIR]</pre>
 */
public final class TimingBench {
  private static final String[] GIVEN = {"Ivan", "Amina", "Marco", "Lucia", "Jean", "Karim", "Dieter", "Olga"};
  private static final String[] FAMILY = {"Petrov", "Khoury", "Rossi", "Fernandez", "Moreau", "Benali", "Klein"};
  private static final String[] OR_TERMS = {"osprey", "merlin", "hobby", "lanner", "saker"};
  private static final String[] OR_CONTROL = {"avocet", "dunlin", "godwit", "plover", "curlew"};
  private static final Visibility OPEN = Visibility.of(Set.of("OPEN"));
  private static final int BATCH = 10_000;

  private TimingBench() {}

  /** One probe: a query with invisible matches and its control, with none; the same visible answer. */
  private record Probe(String name, String withInvisible, String control) {}

  public static void main(String[] args) throws Exception {
    int invisible = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int background = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    Path keep = args.length > 3 ? Path.of(args[3]).toAbsolutePath() : null;
    Path root = keep != null ? keep : Files.createTempDirectory("insight-timing-bench");
    Path dir = root.resolve("index-" + invisible + "-" + background);
    List<Probe> probes = List.of(
        new Probe("prefix", "zetawarden*", "quillmarch*"),
        new Probe("fuzzy (2 edits)", "zetawarden~2", "quillmarch~2"),
        new Probe("five-term OR", String.join(" OR ", OR_TERMS), String.join(" OR ", OR_CONTROL)),
        new Probe("single term", "kestrel", "sparrow"));
    try (PeakHeap heap = PeakHeap.start()) {
      if (!Files.exists(dir.resolve("filled"))) {
        FoundationBench.delete(dir);
        long t0 = System.nanoTime();
        fill(dir, invisible, background);
        Files.writeString(dir.resolve("filled"), "ok");
        System.out.printf(Locale.ROOT, "TimingBench: %,d invisible and %,d visible records written in %.0f s%n",
            invisible, background + 20, (System.nanoTime() - t0) / 1e9);
      } else {
        System.out.printf(Locale.ROOT, "TimingBench: reusing %s%n", dir);
      }
      System.out.printf(Locale.ROOT, "%d alternating runs per pair, Index.search with an OPEN reader's visibility%n",
          runs);
      try (Index index = Index.openReadOnly(dir, Schema.defaults())) {
        Random random = new Random(42);
        heap.reset();
        for (Probe p : probes) {
          Query q = Query.parse(p.withInvisible()).limit(10);
          Query c = Query.parse(p.control()).limit(10);
          SearchResult a = index.search(q, OPEN);
          SearchResult b = index.search(c, OPEN);
          if (a.total() != b.total()) {
            throw new IllegalStateException(p.name() + ": the visible answers differ, " + a.total() + " vs "
                + b.total());
          }
          for (int i = 0; i < 50; i++) { // warm-up
            index.search(q, OPEN);
            index.search(c, OPEN);
          }
          long[][] t = alternate(index, q, c, runs, random);
          long[][] noise = alternate(index, c, c, runs, random);
          System.out.printf(Locale.ROOT, "%-16s %-32s p50 %6.3f ms vs %6.3f ms (%.3fx), p90 %6.3f vs %6.3f ms "
                  + "(%.3fx); control vs itself p50 %.3fx, p90 %.3fx; %d visible hits%n",
              p.name(), p.withInvisible() + " vs " + p.control(), ms(pct(t[0], 50)), ms(pct(t[1], 50)),
              ratio(t, 50), ms(pct(t[0], 90)), ms(pct(t[1], 90)), ratio(t, 90), ratio(noise, 50),
              ratio(noise, 90), a.total());
          // thread CPU time: the search runs on this thread, and CPU time leaves out waiting for a core on a
          // loaded machine, which wall time does not
          long[][] cpu = {t[2], t[3]};
          long[][] cpuNoise = {noise[2], noise[3]};
          System.out.printf(Locale.ROOT, "%-16s %-32s CPU p50 %6.3f ms vs %6.3f ms (%.3fx), p90 %6.3f vs %6.3f ms "
                  + "(%.3fx); control vs itself p50 %.3fx, p90 %.3fx%n",
              "", "", ms(pct(cpu[0], 50)), ms(pct(cpu[1], 50)), ratio(cpu, 50), ms(pct(cpu[0], 90)),
              ms(pct(cpu[1], 90)), ratio(cpu, 90), ratio(cpuNoise, 50), ratio(cpuNoise, 90));
        }
        System.out.printf(Locale.ROOT, "peak heap %,d MB%n", heap.peakBytes() >> 20);
      }
    } finally {
      if (keep == null) {
        FoundationBench.delete(root);
      }
    }
  }

  /** Wall times of a, of b, then thread CPU times of a, of b. */
  private static long[][] alternate(Index index, Query a, Query b, int runs, Random random) {
    long[][] out = new long[4][runs];
    for (int i = 0; i < runs; i++) {
      boolean aFirst = random.nextBoolean();
      if (aFirst) {
        time(index, a, out[0], out[2], i);
        time(index, b, out[1], out[3], i);
      } else {
        time(index, b, out[1], out[3], i);
        time(index, a, out[0], out[2], i);
      }
    }
    return out;
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static void time(Index index, Query q, long[] wall, long[] cpu, int i) {
    long c = THREADS.getCurrentThreadCpuTime();
    long t = System.nanoTime();
    index.search(q, OPEN);
    wall[i] = System.nanoTime() - t;
    cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
  }

  private static double pct(long[] times, int p) {
    long[] s = times.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
  }

  private static double ratio(long[][] t, int p) {
    return pct(t[0], p) / pct(t[1], p);
  }

  private static double ms(double nanos) {
    return nanos / 1e6;
  }

  private static void fill(Path dir, int invisible, int background) throws Exception {
    Random random = new Random(7);
    try (Index index = Index.open(dir, Schema.defaults())) {
      List<Statement> batch = new ArrayList<>();
      for (int i = 0; i < 10; i++) { // the probes' visible answers: ten records each, the same shapes
        String suffix = "" + (char) ('a' + i) + (char) ('a' + i);
        record(batch, "z" + i, GIVEN[i % GIVEN.length] + " Zetawarden" + suffix, "kestrel " + OR_TERMS[i % 5], "OPEN");
        record(batch, "q" + i, GIVEN[i % GIVEN.length] + " Quillmarch" + suffix, "sparrow " + OR_CONTROL[i % 5],
            "OPEN");
      }
      // invisible and background records interleaved at random, as data arrives
      int secret = 0;
      int seen = 0;
      while (secret < invisible || seen < background) {
        if (seen >= background || (secret < invisible && random.nextInt(invisible + background) < invisible)) {
          String suffix = "" + (char) ('a' + secret % 10) + (char) ('k' + (secret / 10) % 10);
          record(batch, "s" + secret, GIVEN[secret % GIVEN.length] + " Zetawarden" + suffix,
              "kestrel " + OR_TERMS[secret % 5], "SECRET");
          secret++;
        } else {
          record(batch, "v" + seen, GIVEN[random.nextInt(GIVEN.length)] + " "
              + FAMILY[random.nextInt(FAMILY.length)], "seen at the border crossing " + random.nextInt(1000), "OPEN");
          seen++;
        }
        if (batch.size() >= BATCH) {
          index.write(batch, List.of());
          batch.clear();
        }
      }
      index.write(batch, List.of());
    }
  }

  private static void record(List<Statement> out, String id, String name, String notes, String label) {
    Provenance p = Provenance.of("timing", id, "record:api", SourceGrading.UNGRADED);
    out.add(Statement.of(EntityId.of(id), "Person", "name", name, null, Label.of(label), p));
    out.add(Statement.of(EntityId.of(id), "Person", "notes", notes, null, Label.of(label), p));
  }
}
