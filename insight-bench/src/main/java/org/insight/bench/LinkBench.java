package org.insight.bench;

import static org.insight.test.PersonGenerator.COUNTRIES;
import static org.insight.test.PersonGenerator.CYRILLIC;
import static org.insight.test.PersonGenerator.FAMILY;
import static org.insight.test.PersonGenerator.GIVEN;
import static org.insight.test.PersonGenerator.NICKNAMES;
import static org.insight.test.PersonGenerator.madeUpName;
import static org.insight.test.PersonGenerator.typo;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.insight.match.Cluster;
import org.insight.match.LinkResult;
import org.insight.match.Linker;
import org.insight.match.MatchModel;
import org.insight.match.MatchPair;
import org.insight.match.MatchRecord;
import org.insight.match.internal.RecordTable;
import org.insight.match.internal.Workers;

/**
 * Record linkage at scale: link N left vs N right synthetic person records (each right record a corrupted copy of a
 * left one, or a new person) with blocking, EM and clustering; report wall and CPU time, comparisons, comparisons/s,
 * peak heap ({@link PeakHeap}) and precision/recall/F1 against the known truth. In the same run, a naive all-pairs
 * baseline on a SAMPLE × SAMPLE slice (every left × right pair scored by the same model and the linker's own scorer,
 * on as many threads) gives the recall blocking must keep (≥ 0.99 of it) and the comparisons it must save (≤ 1% of
 * them). Threads: {@code -Dinsight.threads} (default: the available processors).
 *
 * <pre>{@code ./run-bench link [N] [SAMPLE]}</pre>
 *
 * <p>{@code ./run-bench link messy [N]} runs {@link MessyLinkBench} instead: messy benchmark-style files through
 * {@code insight match link}.
 */
public final class LinkBench {

  private LinkBench() {}

  /** Left and right records and the true (left id, right id) pairs. */
  record Data(List<MatchRecord> left, List<MatchRecord> right, Set<String> truth) {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("messy")) {
      MessyLinkBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
    int sample = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 2_000;
    long seed = Long.getLong("insight.seed", 20261125L);
    int threads = Integer.getInteger("insight.threads", Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "LinkBench: %,d left x %,d right synthetic persons (half the right side are"
        + " corrupted copies), all-pairs sample %,d x %,d, seed %d, %d threads on %d cores, max heap %,d MB%n", n, n,
        sample, sample, seed, threads, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    PeakHeap heap = PeakHeap.start();

    long g0 = System.nanoTime();
    Data data = generate(n, 0.5, new Random(seed));
    System.gc();
    long dataBytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(Locale.ROOT, "generated in %.1f s; heap in use with the input records: %,d MB%n",
        (System.nanoTime() - g0) / 1e9, dataBytes >> 20);

    // the full run
    Linker linker = Linker.builder().threads(threads).build();
    heap.reset();
    long c0 = processCpuNanos();
    long t0 = System.nanoTime();
    LinkResult full = linker.link(data.left(), data.right());
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (processCpuNanos() - c0) / 1e9;
    long peakFull = heap.peakBytes();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long comparisons = full.blocking().candidatePairs();
    double[] prf = prf(clusterPairs(full.clusters(), data), data.truth());
    double[] pairPrf = prf(pairs(full.pairs()), data.truth());
    System.out.printf(Locale.ROOT, "blocked link: %.1f s wall, %.1f s CPU (process, GC included; %.2f cores busy),"
        + " %,d comparisons (%.5f%% of %,d pairs), %,.0f comparisons/s, %,.0f comparisons per CPU-second, %,.0f"
        + " records/s%n", seconds, cpuSeconds, cpuSeconds / seconds, comparisons, 100.0 * comparisons / ((double) n * n),
        (long) n * n, comparisons / seconds, comparisons / cpuSeconds, 2.0 * n / seconds);
    System.out.printf(Locale.ROOT, "  peak heap during the run: %,d MB (single-sample maximum, the input records'"
        + " %,d MB included); load average %.1f on %d cores after it%n", peakFull >> 20, dataBytes >> 20, load,
        Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "  clusters: precision %.4f recall %.4f F1 %.4f (true pairs %,d)%n", prf[0], prf[1],
        prf[2], data.truth().size());
    System.out.printf(Locale.ROOT, "  pairs >= 0.9: precision %.4f recall %.4f F1 %.4f%n", pairPrf[0], pairPrf[1],
        pairPrf[2]);
    System.out.printf(Locale.ROOT, "  EM: %d iterations, lambda %.3g; blocking %s%n", full.parameters().iterations(),
        full.parameters().lambda(), full.blocking());

    // the baseline: all pairs of a sample, same model, same scorer, same threads
    Data slice = slice(data, sample);
    MatchModel fitted = full.model();
    full = null;
    long b0 = System.nanoTime();
    LinkResult blocked = linker.withModel(fitted).link(slice.left(), slice.right());
    double blockedSeconds = (System.nanoTime() - b0) / 1e9;
    MatchModel model = blocked.model();
    List<MatchRecord> both = new ArrayList<>(slice.left());
    both.addAll(slice.right());
    int leftSize = slice.left().size();
    heap.reset();
    long a0 = System.nanoTime();
    long ac0 = processCpuNanos();
    Set<String> allPairs = new HashSet<>();
    long scored;
    try (Workers workers = new Workers(threads)) {
      RecordTable table = RecordTable.build(both, model.comparisons(), workers);
      RecordTable.Weights weights = RecordTable.Weights.of(model);
      List<List<String>> found = workers.run(leftSize, ArrayList::new, (acc, i) -> {
        for (int j = leftSize; j < both.size(); j++) {
          if (model.probability(table.weight(i, j, weights)) >= 0.9) {
            acc.add(both.get(i).id() + "|" + both.get(j).id());
          }
        }
      });
      found.forEach(allPairs::addAll);
      scored = (long) leftSize * slice.right().size();
    }
    double allSeconds = (System.nanoTime() - a0) / 1e9;
    double allCpu = (processCpuNanos() - ac0) / 1e9;
    double recallAll = prf(allPairs, slice.truth())[1];
    double recallBlocked = prf(pairs(blocked.pairs()), slice.truth())[1];
    long blockedComparisons = blocked.blocking().candidatePairs();
    System.out.printf(Locale.ROOT, "all-pairs baseline on %,d x %,d (%,d true pairs), %d threads, the same model and"
        + " scorer: %,d comparisons in %.1f s wall, %.1f s CPU (%,.0f comparisons/s); blocked link of the same sample:"
        + " %.2f s%n", sample, sample, slice.truth().size(), threads, scored, allSeconds, allCpu, scored / allSeconds,
        blockedSeconds);
    System.out.printf(Locale.ROOT, "  pair recall at p >= 0.9: all pairs %.4f, blocked %.4f -> blocking keeps %.4f of"
        + " it (floor 0.99) with %,d comparisons = %.3f%% of all pairs (ceiling 1%%)%n", recallAll, recallBlocked,
        recallBlocked / recallAll, blockedComparisons, 100.0 * blockedComparisons / scored);
    System.out.printf(Locale.ROOT, "  throughput ratio (records linked per second, blocked full run of %,d x %,d /"
        + " all-pairs sample): %.1fx%n", n, n, (2.0 * n / seconds) / (2.0 * sample / allSeconds));
    System.out.printf(Locale.ROOT, "peak heap: %,d MB in the full run, %,d MB in the all-pairs baseline (max %,d MB);"
        + " load average %.1f at the end%n", peakFull >> 20, heap.peakBytes() >> 20,
        Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    heap.close();
  }

  @SuppressForbidden(reason = "the process's CPU time: the JDK's own MXBean extension, in every JDK this bench runs on")
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }


  static Data generate(int n, double dupShare, Random random) {
    List<MatchRecord> left = new ArrayList<>(n);
    List<Person> people = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Person p = person(random);
      people.add(p);
      left.add(p.record("L" + i, "left", random, false));
    }
    List<MatchRecord> right = new ArrayList<>(n);
    Set<String> truth = new HashSet<>();
    for (int j = 0; j < n; j++) {
      if (random.nextDouble() < dupShare) {
        int i = random.nextInt(n);
        right.add(people.get(i).record("R" + j, "right", random, true));
        truth.add("L" + i + "|R" + j);
      } else {
        right.add(person(random).record("R" + j, "right", random, false));
      }
    }
    return new Data(left, right, truth);
  }

  /**
   * A {@code sample} × {@code sample} slice holding its share of true pairs: the first {@code sample} right records,
   * the left records they copy, then the first other left records up to {@code sample}.
   */
  static Data slice(Data d, int sample) {
    List<MatchRecord> r = d.right().subList(0, Math.min(sample, d.right().size()));
    Map<String, String> partner = new java.util.HashMap<>();
    for (String p : d.truth()) {
      String[] ab = p.split("\\|");
      partner.put(ab[1], ab[0]);
    }
    Map<String, MatchRecord> leftById = new java.util.HashMap<>();
    d.left().forEach(x -> leftById.put(x.id(), x));
    java.util.LinkedHashSet<MatchRecord> l = new java.util.LinkedHashSet<>();
    Set<String> t = new HashSet<>();
    for (MatchRecord x : r) {
      String p = partner.get(x.id());
      if (p != null && l.size() < sample) {
        l.add(leftById.get(p));
        t.add(p + "|" + x.id());
      }
    }
    for (int i = 0; l.size() < sample && i < d.left().size(); i++) {
      l.add(d.left().get(i));
    }
    Set<String> li = new HashSet<>();
    l.forEach(x -> li.add(x.id()));
    t.removeIf(p -> !li.contains(p.split("\\|")[0]));
    return new Data(new ArrayList<>(l), r, t);
  }

  record Person(String given, String family, String birthDate, String passport, String phone, String country,
      String gender) {

    MatchRecord record(String id, String dataset, Random random, boolean corrupt) {
      String g = given;
      String f = family;
      String date = birthDate;
      String pass = passport;
      String ph = phone;
      String c = country;
      if (corrupt) {
        double r = random.nextDouble();
        if (r < 0.10 && NICKNAMES.containsKey(g)) {
          g = NICKNAMES.get(g).get(0);
        } else if (r < 0.20 && (CYRILLIC.containsKey(g) || CYRILLIC.containsKey(f))) {
          g = CYRILLIC.getOrDefault(g, g);
          f = CYRILLIC.getOrDefault(f, f);
        }
        if (random.nextDouble() < 0.3 && g.chars().allMatch(ch -> ch < 128)) {
          if (random.nextBoolean()) {
            g = typo(random, g);
          } else {
            f = typo(random, f);
          }
        }
        double d = random.nextDouble();
        if (d < 0.05) {
          String swapped = date.substring(0, 4) + "-" + date.substring(8, 10) + "-" + date.substring(5, 7);
          date = Integer.parseInt(date.substring(8, 10)) <= 12 ? swapped : date;
        } else if (d < 0.10) {
          date = (Integer.parseInt(date.substring(0, 4)) + (random.nextBoolean() ? 1 : -1)) + date.substring(4);
        } else if (d < 0.15) {
          date = date.substring(0, 4);
        } else if (d < 0.30) {
          date = null;
        }
        pass = random.nextDouble() < 0.4 ? null : pass;
        ph = random.nextDouble() < 0.5 ? null : ph;
        c = random.nextDouble() < 0.3 ? null : c;
      }
      String name = corrupt && random.nextDouble() < 0.2 ? f.toUpperCase(Locale.ROOT) + ", " + g : g + " " + f;
      Map<String, List<String>> v = new LinkedHashMap<>();
      v.put("name", List.of(name));
      put(v, "birthDate", date);
      put(v, "passportNumber", pass);
      put(v, "phone", ph);
      put(v, "nationality", c);
      put(v, "gender", gender);
      return MatchRecord.of(id, dataset, v);
    }
  }

  static void put(Map<String, List<String>> v, String k, String value) {
    if (value != null) {
      v.put(k, List.of(value));
    }
  }

  static Person person(Random random) {
    String date = String.format(Locale.ROOT, "%04d-%02d-%02d", 1940 + random.nextInt(65), 1 + random.nextInt(12),
        1 + random.nextInt(28));
    // real names (nicknames and Cyrillic forms apply to them) mixed with made-up ones, so that name frequencies at a
    // million people are not absurdly concentrated on a hundred family names
    String given = random.nextDouble() < 0.7 ? GIVEN.get(random.nextInt(GIVEN.size())) : madeUpName(random, 2);
    String family = random.nextDouble() < 0.3 ? FAMILY.get(random.nextInt(FAMILY.size()))
        : madeUpName(random, 2 + random.nextInt(2));
    return new Person(given, family, date,
        random.nextDouble() < 0.5 ? String.format(Locale.ROOT, "P%08d", random.nextInt(100_000_000)) : null,
        random.nextDouble() < 0.4 ? String.format(Locale.ROOT, "+447%09d", random.nextInt(1_000_000_000)) : null,
        COUNTRIES.get(random.nextInt(COUNTRIES.size())), random.nextBoolean() ? "m" : "f");
  }

  static Set<String> pairs(List<MatchPair> pairs) {
    Set<String> out = new HashSet<>();
    for (MatchPair p : pairs) {
      out.add(p.leftId().startsWith("L") ? p.leftId() + "|" + p.rightId() : p.rightId() + "|" + p.leftId());
    }
    return out;
  }

  /** Left–right pairs inside clusters (a cluster may hold several records of a side). */
  static Set<String> clusterPairs(List<Cluster> clusters, Data data) {
    Set<String> out = new HashSet<>();
    for (Cluster c : clusters) {
      if (c.recordIds().size() < 2) {
        continue;
      }
      for (String a : c.recordIds()) {
        for (String b : c.recordIds()) {
          if (a.startsWith("L") && b.startsWith("R")) {
            out.add(a + "|" + b);
          }
        }
      }
    }
    return out;
  }

  static double[] prf(Set<String> predicted, Set<String> truth) {
    long tp = predicted.stream().filter(truth::contains).count();
    double p = predicted.isEmpty() ? 1 : tp / (double) predicted.size();
    double r = truth.isEmpty() ? 1 : tp / (double) truth.size();
    return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
  }
}
