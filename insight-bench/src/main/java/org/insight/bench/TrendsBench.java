package org.insight.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.insight.core.ProgressListener;
import org.insight.trends.CsvEvents;
import org.insight.trends.Granularity;
import org.insight.trends.TrendAnalysis;
import org.insight.trends.TrendData;
import org.insight.trends.TrendEvent;
import org.insight.trends.TrendReport;

/**
 * Trends over EVENTS events in CATEGORIES categories (two years, weekday and month effects, one planted spike) against
 * a plain baseline in the same JVM: {@link TrendAnalysis} (weekly and daily: counting, seasonal fits, CUSUM, BH) vs a
 * plain HashMap count of the same events per (category, period); and {@link CsvEvents#read} of the same events as a
 * CSV file vs a BufferedReader that splits each line on commas and parses its ISO day. Thread CPU time (the shared
 * machine is loaded) and wall time, ratios, peak heap.
 *
 * <pre>./run-bench trends [EVENTS] [CATEGORIES]</pre>
 */
public final class TrendsBench {
  private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
  private static final int DAYS = 731;

  private TrendsBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int categories = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    List<TrendEvent> events = generate(n, categories);
    System.out.printf(Locale.ROOT, "%,d events in %d categories over %d days%n", events.size(), categories, DAYS);
    try (PeakHeap heap = PeakHeap.start()) {
      for (int warm = 0; warm < 2; warm++) {
        baseline(events, Granularity.WEEK);
        TrendAnalysis.builder().granularity(Granularity.WEEK).build().analyse(events);
      }
      for (Granularity g : List.of(Granularity.WEEK, Granularity.DAY)) {
        long c0 = cpu();
        long w0 = System.nanoTime();
        long cells = baseline(events, g);
        long baseCpu = cpu() - c0;
        long baseWall = System.nanoTime() - w0;
        heap.reset();
        c0 = cpu();
        w0 = System.nanoTime();
        TrendReport r = TrendAnalysis.builder().granularity(g).build().analyse(events);
        long cpu = cpu() - c0;
        long wall = System.nanoTime() - w0;
        System.out.printf(Locale.ROOT, "%-5s analyse: %7.0f ms CPU (%7.0f ms wall), %d series, %d alarm(s) | HashMap"
            + " count: %5.0f ms CPU (%5.0f ms wall), %d cells | ratio %.1fx CPU | peak heap %d MB%n", g,
            cpu / 1e6, wall / 1e6, r.series().size(), r.alarms().size(), baseCpu / 1e6, baseWall / 1e6, cells,
            (double) cpu / baseCpu, heap.peakBytes() >> 20);
        r.alarms().stream().limit(3).forEach(a -> System.out.println("      " + a));
      }
      Path csv = Files.createTempFile("trends-bench", ".csv");
      try {
        write(csv, events);
        for (int round = 0; round < 2; round++) {
          long c0 = cpu();
          long w0 = System.nanoTime();
          long plain = plainRead(csv);
          long baseCpu = cpu() - c0;
          long baseWall = System.nanoTime() - w0;
          heap.reset();
          c0 = cpu();
          w0 = System.nanoTime();
          TrendData d = CsvEvents.read(csv, "day", "category", null, ProgressListener.NONE);
          long cpu = cpu() - c0;
          long wall = System.nanoTime() - w0;
          System.out.printf(Locale.ROOT, "CSV %d MB%s: CsvEvents.read %,d events %6.0f ms CPU (%6.0f ms wall) |"
              + " plain split %,d lines %5.0f ms CPU (%5.0f ms wall) | ratio %.1fx CPU | peak heap %d MB%n",
              Files.size(csv) >> 20, round == 0 ? " (cold)" : "", d.events().size(), cpu / 1e6, wall / 1e6, plain,
              baseCpu / 1e6, baseWall / 1e6, (double) cpu / baseCpu, heap.peakBytes() >> 20);
        }
      } finally {
        Files.deleteIfExists(csv);
      }
    }
  }

  /** The plain count: a HashMap from category to an array of per-period counts. */
  private static long baseline(List<TrendEvent> events, Granularity g) {
    Map<String, Map<LocalDate, long[]>> counts = new HashMap<>();
    for (TrendEvent e : events) {
      counts.computeIfAbsent(e.category(), c -> new HashMap<>())
          .computeIfAbsent(g.periodOf(e.day()), p -> new long[1])[0]++;
    }
    return counts.values().stream().mapToLong(Map::size).sum();
  }

  private static long plainRead(Path csv) throws Exception {
    long lines = 0;
    Map<String, Long> perCategory = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] cells = line.split(",", -1);
        LocalDate.parse(cells[1]);
        perCategory.merge(cells[2], 1L, Long::sum);
        lines++;
      }
    }
    return lines;
  }

  private static void write(Path csv, List<TrendEvent> events) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("id,day,category\n");
      int id = 0;
      for (TrendEvent e : events) {
        w.write(++id + "," + e.day() + "," + e.category() + "\n");
      }
    }
  }

  /** Events spread over the categories by a Zipf-like weight, days by weekday and month effects, one spike. */
  static List<TrendEvent> generate(int n, int categories) {
    double[] weekday = {0.9, 0.9, 1.0, 1.0, 1.3, 1.4, 0.5};
    double[] month = {0.8, 0.8, 0.9, 1.0, 1.0, 1.2, 1.4, 1.4, 1.1, 1.0, 0.9, 0.7};
    double[] dayWeight = new double[DAYS];
    double total = 0;
    for (int d = 0; d < DAYS; d++) {
      LocalDate day = FROM.plusDays(d);
      dayWeight[d] = total += weekday[day.getDayOfWeek().getValue() - 1] * month[day.getMonthValue() - 1];
    }
    double[] catWeight = new double[categories];
    double catTotal = 0;
    for (int c = 0; c < categories; c++) {
      catWeight[c] = catTotal += 1.0 / (c + 1);
    }
    SplittableRandom random = new SplittableRandom(20);
    String[] names = new String[categories];
    for (int c = 0; c < categories; c++) {
      names[c] = String.format(Locale.ROOT, "category-%03d", c);
    }
    LocalDate[] days = new LocalDate[DAYS];
    for (int d = 0; d < DAYS; d++) {
      days[d] = FROM.plusDays(d);
    }
    List<TrendEvent> out = new ArrayList<>(n);
    int spike = n / 500;
    for (int i = 0; i < n - spike; i++) {
      int d = search(dayWeight, random.nextDouble() * total);
      int c = search(catWeight, random.nextDouble() * catTotal);
      out.add(TrendEvent.of(days[d], names[c]));
    }
    for (int i = 0; i < spike; i++) {
      out.add(TrendEvent.of(days[DAYS - 10 + i % 7], names[categories / 2]));
    }
    return out;
  }

  private static int search(double[] cumulative, double x) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static long cpu() {
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    return t.getCurrentThreadCpuTime();
  }
}
