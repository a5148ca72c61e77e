package org.insight.bench;

import static org.insight.test.PersonGenerator.COUNTRIES;
import static org.insight.test.PersonGenerator.GIVEN;
import static org.insight.test.PersonGenerator.madeUpName;
import static org.insight.test.PersonGenerator.typo;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * Watch-list screening: index build, query latency p50/p99 against NAMES synthetic watch-list persons, and the same
 * scorer run as a linear scan over every entry on a subset of the queries, side by side in one JVM: latency ratio
 * and recall@10 of the index against the scan. Also how often the true person is in the index's top 10.
 *
 * <pre>./run-bench screen [NAMES] [QUERIES] [SCAN_QUERIES]</pre>
 *
 * <p>Recall@10 against the scan counts the scan's top-10 hits with probability at least 1% (an analyst would look at
 * them); below that the scan's tail is near-ties of people who share only a birth year or a country, which no name
 * index is meant to retrieve. The raw figure over all ten is printed too.
 */
public final class ScreenBench {

  private final Random random;
  private final Transliterator toCyrillic = Transliterator.getInstance("Latin-Cyrillic");

  ScreenBench(long seed) {
    this.random = new Random(seed);
  }

  record Person(String given, String middle, String family, String dob, String country, String passport) {}

  Person person() {
    String family = madeUpName(random, 2 + (random.nextInt(3) == 0 ? 1 : 0));
    String middle = random.nextDouble() < 0.3 ? GIVEN.get(random.nextInt(GIVEN.size())) : null;
    String dob = String.format(Locale.ROOT, "%04d-%02d-%02d", 1940 + random.nextInt(66), 1 + random.nextInt(12),
        1 + random.nextInt(28));
    String passport = random.nextDouble() < 0.5 ? String.format(Locale.ROOT, "P%08d", random.nextInt(100_000_000)) : null;
    return new Person(GIVEN.get(random.nextInt(GIVEN.size())), middle, family, dob,
        COUNTRIES.get(random.nextInt(COUNTRIES.size())), passport);
  }

  static MatchRecord entry(String id, Person p) {
    Map<String, List<String>> v = new LinkedHashMap<>();
    v.put("name", List.of(p.given() + (p.middle() == null ? "" : " " + p.middle()) + " " + p.family().toUpperCase(Locale.ROOT)));
    v.put("birthDate", List.of(p.dob()));
    v.put("nationality", List.of(p.country()));
    if (p.passport() != null) {
      v.put("passportNumber", List.of(p.passport()));
    }
    return MatchRecord.of(id, "watch-list", v);
  }

  /** A corrupted sighting of a listed person: typos, swapped order, no middle name, Cyrillic, date errors. */
  ScreeningQuery corrupt(Person p) {
    String given = p.given();
    String family = p.family();
    if (random.nextDouble() < 0.3) {
      if (random.nextBoolean()) {
        given = typo(random, given);
      } else {
        family = typo(random, family);
      }
    }
    String name = random.nextDouble() < 0.5 || p.middle() == null ? given + " " + family
        : given + " " + p.middle() + " " + family;
    if (random.nextDouble() < 0.2) {
      name = family.toUpperCase(Locale.ROOT) + ", " + given;
    }
    if (random.nextDouble() < 0.12) {
      name = toCyrillic.transliterate(name);
    }
    ScreeningQuery q = ScreeningQuery.of(name);
    String date = p.dob();
    double d = random.nextDouble();
    if (d < 0.1) {
      date = (Integer.parseInt(date.substring(0, 4)) + (random.nextBoolean() ? 1 : -1)) + date.substring(4);
    } else if (d < 0.2) {
      date = date.substring(0, 4);
    } else if (d < 0.25 && Integer.parseInt(date.substring(8)) <= 12) {
      date = date.substring(0, 4) + "-" + date.substring(8) + "-" + date.substring(5, 7);
    } else if (d < 0.45) {
      date = null;
    }
    if (date != null) {
      q = q.withBirthDate(date);
    }
    if (random.nextDouble() < 0.5) {
      q = q.withCountry(p.country());
    }
    if (p.passport() != null && random.nextDouble() < 0.2) {
      q = q.withIdentifier(p.passport());
    }
    return q;
  }

  public static void main(String[] args) {
    int names = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 1_000;
    int scanQueries = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : 20;
    long seed = Long.getLong("insight.seed", 20261125L);
    System.out.printf(Locale.ROOT, "ScreenBench: %,d watch-list names, %,d corrupted queries, linear scan on %,d of them (seed %d)%n",
        names, queries, scanQueries, seed);
    PeakHeap heap = PeakHeap.start();
    ScreenBench gen = new ScreenBench(seed);
    List<Person> people = new ArrayList<>(names);
    Screening screening = Screening.builder().build();
    long t0 = System.nanoTime();
    long indexNanos = 0;
    List<MatchRecord> batch = new ArrayList<>();
    for (int i = 0; i < names; i++) {
      Person p = gen.person();
      people.add(p);
      batch.add(entry("w" + i, p));
      if (batch.size() == 10_000 || i == names - 1) {
        long a = System.nanoTime();
        screening.addAll(batch);
        indexNanos += System.nanoTime() - a;
        batch.clear();
      }
    }
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    System.gc();
    long retained = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    System.out.printf(Locale.ROOT, "index build: %.1f s in Screening.addAll (%,.0f entries/s), %.1f s with generation; heap after GC %,d MB%n",
        indexNanos / 1e9, names / (indexNanos / 1e9), buildSeconds, retained >> 20);

    List<ScreeningQuery> qs = new ArrayList<>();
    int[] truth = new int[queries];
    for (int i = 0; i < queries; i++) {
      truth[i] = gen.random.nextInt(names);
      qs.add(gen.corrupt(people.get(truth[i])));
    }
    for (int i = 0; i < Math.min(200, queries); i++) { // warm-up
      screening.candidates(gen.corrupt(people.get(gen.random.nextInt(names))), 10);
    }
    long[] nanos = new long[queries];
    long[] cpu = new long[queries];
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    int found = 0;
    int first = 0;
    List<List<ScreeningHit>> results = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      List<ScreeningHit> hits = screening.candidates(qs.get(i), 10);
      nanos[i] = System.nanoTime() - s;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
      results.add(hits);
      String want = "w" + truth[i];
      found += hits.stream().anyMatch(h -> h.id().equals(want)) ? 1 : 0;
      first += !hits.isEmpty() && hits.get(0).id().equals(want) ? 1 : 0;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    if (Boolean.getBoolean("insight.screen.slowest")) {
      long cut = sorted[Math.max(0, sorted.length - 10)];
      for (int i = 0; i < queries; i++) {
        if (nanos[i] >= cut) {
          System.out.printf(Locale.ROOT, "SLOW %.1f ms q%d %s ids=%s%n", nanos[i] / 1e6, i, qs.get(i).record().values(),
              qs.get(i).identifiers());
        }
      }
    }
    double p50 = sorted[sorted.length / 2] / 1e6;
    double p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
    double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
    long[] cpuSorted = cpu.clone();
    Arrays.sort(cpuSorted);

    // the first TIMED scans run one at a time (the latency ratio); the rest only for recall, two at a time
    int scanned = Math.min(scanQueries, queries);
    int timed = Math.min(scanned, Integer.getInteger("insight.screen.timedScans", 10));
    List<List<ScreeningHit>> scans = new ArrayList<>();
    double scanMs = 0;
    double indexMsOnScanned = 0;
    for (int i = 0; i < timed; i++) {
      long s = System.nanoTime();
      scans.add(screening.scan(qs.get(i), 10));
      scanMs += (System.nanoTime() - s) / 1e6;
      indexMsOnScanned += nanos[i] / 1e6;
    }
    List<List<ScreeningHit>> rest = java.util.stream.IntStream.range(timed, scanned).parallel()
        .mapToObj(i -> screening.scan(qs.get(i), 10)).toList();
    scans.addAll(rest);
    long relevant = 0;
    long retrieved = 0;
    long relevantAll = 0;
    long retrievedAll = 0;
    boolean showMisses = Boolean.getBoolean("insight.screen.misses");
    for (int i = 0; i < scanned; i++) {
      List<ScreeningHit> scan = scans.get(i);
      Set<String> index = new HashSet<>();
      results.get(i).forEach(h -> index.add(h.id()));
      for (ScreeningHit h : scan) {
        relevantAll++;
        retrievedAll += index.contains(h.id()) ? 1 : 0;
        if (h.explanation().probability() >= 0.01) { // the model's probability: the index's contract
          relevant++;
          retrieved += index.contains(h.id()) ? 1 : 0;
          if (showMisses && !index.contains(h.id())) {
            double last = results.get(i).isEmpty() ? Double.NaN : results.get(i).get(results.get(i).size() - 1).weight();
            System.out.printf(Locale.ROOT, "MISS q%d %s | truth w%d | %s p=%.3f w=%.2f (index 10th w=%.2f) %s | %s%n", i,
                qs.get(i).record().values() + " ids=" + qs.get(i).identifiers(), truth[i], h.id(), h.probability(),
                h.weight(), last, h.entry().values(), levels(h));
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "%-46s %-16s %-16s %s%n", "query latency (ms)", "index", "linear scan", "ratio");
    System.out.printf(Locale.ROOT, "%-46s %-16.3f%n", "  p50 (all queries)", p50);
    System.out.printf(Locale.ROOT, "%-46s %-16.3f%n", "  p99 (all queries)", p99);
    System.out.printf(Locale.ROOT, "%-46s %-16.3f%n", "  mean (all queries)", mean);
    // CPU time of the querying thread: what the wall time would be on an idle machine (no waiting for a core)
    System.out.printf(Locale.ROOT, "%-46s %-16.3f%n", "  p50 CPU time of the query thread",
        cpuSorted[cpuSorted.length / 2] / 1e6);
    System.out.printf(Locale.ROOT, "%-46s %-16.3f%n", "  p99 CPU time of the query thread",
        cpuSorted[Math.min(cpuSorted.length - 1, (int) Math.ceil(cpuSorted.length * 0.99) - 1)] / 1e6);
    if (timed > 0) {
      System.out.printf(Locale.ROOT, "%-46s %-16.3f %-16.1f %.0fx faster%n", "  mean over the " + timed + " timed scanned queries",
          indexMsOnScanned / timed, scanMs / timed, scanMs / indexMsOnScanned);
    }
    if (scanned > 0) {
      System.out.printf(Locale.ROOT, "recall@10 vs the scan on %d queries (scan hits with p >= 0.01): %.4f (%d of %d)%n", scanned,
          relevant == 0 ? 1.0 : retrieved / (double) relevant, retrieved, relevant);
      System.out.printf(Locale.ROOT, "recall@10 vs the scan on %d queries (all ten, ties included):   %.4f (%d of %d)%n", scanned,
          retrievedAll / (double) relevantAll, retrievedAll, relevantAll);
    }
    System.out.printf(Locale.ROOT, "true person in the index's top 10: %.4f, first: %.4f (%d queries)%n", found / (double) queries,
        first / (double) queries, queries);
    System.out.printf(Locale.ROOT, "peak heap (largest single sample of used heap, every 20 ms): %,d MB (max %,d MB)%n",
        heap.peakBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    heap.close();
  }

  static String levels(ScreeningHit h) {
    StringBuilder b = new StringBuilder();
    h.explanation().comparisons().forEach(o -> {
      if (!o.level().equals("null")) {
        b.append(o.comparison()).append('=').append(o.level()).append(String.format(Locale.ROOT, "(%.1f) ", o.weight()));
      }
    });
    return b.toString().trim();
  }
}
