package org.insight.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.insight.test.MessyPersons;

/**
 * Linkage of person files as a public record-linkage benchmark lays them out ({@link MessyPersons}: names and
 * addresses in parts, dates as {@code YYYYMMDD}, duplicates with typos, swapped day and month, month 27 and missing
 * values), through the command a user types: {@code insight match link} with the parts mapped as the files have
 * them. Side by side, the baseline is the old rule (a row with any bad value is skipped, {@code --strict}). Reports
 * the rows read against the rows with an id and a value, precision, recall and F1 of the pairs, wall time and peak
 * heap.
 *
 * <pre>{@code ./run-bench link messy [N]}</pre>
 */
public final class MessyLinkBench {

  private MessyLinkBench() {}

  /** The mapping, as the files have the parts. */
  static final List<String> MAP = List.of("given_name=firstName", "surname=lastName", "street_number=street",
      "address_1=street", "suburb=city", "postcode=postalCode", "state=region", "date_of_birth=birthDate",
      "soc_sec_id=idNumber");

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000;
    long seed = Long.getLong("insight.seed", 20261207L);
    System.out.printf(Locale.ROOT, "MessyLinkBench: %,d originals left, %,d right (half corrupted duplicates), seed %d,"
        + " max heap %,d MB%n", n, n, seed, Runtime.getRuntime().maxMemory() >> 20);
    MessyPersons.Files files = new MessyPersons(seed).generate(n, 0.5);
    Path dir = Files.createTempDirectory("messy-link");
    Path left = dir.resolve("left.csv");
    Path right = dir.resolve("right.csv");
    Files.writeString(left, MessyPersons.csv(files.left()), StandardCharsets.UTF_8);
    Files.writeString(right, MessyPersons.csv(files.right()), StandardCharsets.UTF_8);
    System.out.printf(Locale.ROOT, "wrote %s and %s: %,d true pairs, %,d duplicates with a date that is not a date%n",
        left, right, files.truePairs().size(), files.corruptedDates());
    PeakHeap heap = PeakHeap.start();
    Run values = run(dir, left, right, files, false, heap);
    Run strict = run(dir, left, right, files, true, heap);
    System.out.printf(Locale.ROOT, "values, not rows: %,d of %,d rows read (%,d values left out and reported),"
        + " pairs >= 0.9 precision %.4f recall %.4f F1 %.4f, %.1f s, peak heap %,d MB%n", values.records, 2 * n,
        values.leftOut, values.prf[0], values.prf[1], values.prf[2], values.seconds, values.peak >> 20);
    System.out.printf(Locale.ROOT, "baseline (--strict, a row with a bad value skipped): %,d of %,d rows read,"
        + " precision %.4f recall %.4f F1 %.4f, %.1f s, peak heap %,d MB%n", strict.records, 2 * n, strict.prf[0],
        strict.prf[1], strict.prf[2], strict.seconds, strict.peak >> 20);
    System.out.printf(Locale.ROOT, "rows dropped: %,d (values) vs %,d (baseline); recall ratio %.3f%n",
        2 * n - values.records, 2 * n - strict.records, values.prf[1] / strict.prf[1]);
    heap.close();
  }

  record Run(long records, long leftOut, double[] prf, double seconds, long peak) {}

  static Run run(Path dir, Path left, Path right, MessyPersons.Files files, boolean strict, PeakHeap heap)
      throws Exception {
    Path out = dir.resolve(strict ? "strict" : "values");
    List<String> args = new ArrayList<>(List.of("match", "link", left.toString(), right.toString(), "--id", "rec_id",
        "--out", out.toString()));
    for (String m : MAP) {
      args.add("--map");
      args.add(m);
    }
    if (strict) {
      args.add("--strict");
    }
    System.out.println("insight " + String.join(" ", args).replace(dir.toString(), "$DIR"));
    StringWriter so = new StringWriter();
    StringWriter se = new StringWriter();
    heap.reset();
    long t0 = System.nanoTime();
    int code = org.insight.cli.Main.run(args.toArray(String[]::new), new PrintWriter(so, true),
        new PrintWriter(se, true));
    double seconds = (System.nanoTime() - t0) / 1e9;
    long peak = heap.peakBytes();
    if (code != 0) {
      throw new IllegalStateException("insight match link exited " + code + ": " + se);
    }
    System.out.print("  " + so);
    long records = Long.parseLong(so.toString().substring(0, so.toString().indexOf(' ')));
    long leftOut = se.toString().lines().filter(l -> l.contains(" left out: ")).count();
    se.toString().lines().filter(l -> l.contains(" left out: ")).limit(2).forEach(l -> System.out.println("  e.g. " + l
        .replace(dir.toString(), "$DIR")));
    Set<String> predicted = new HashSet<>();
    for (String line : Files.readAllLines(out.resolve("pairs.csv"), StandardCharsets.UTF_8).subList(1,
        Files.readAllLines(out.resolve("pairs.csv"), StandardCharsets.UTF_8).size())) {
      String[] c = line.split(",");
      predicted.add(c[0].endsWith("-org") && c[1].contains("-dup-") ? c[0] + "|" + c[1]
          : c[1].endsWith("-org") && c[0].contains("-dup-") ? c[1] + "|" + c[0] : c[0] + "|" + c[1]);
    }
    return new Run(records, leftOut, LinkBench.prf(predicted, files.truePairs()), seconds, peak);
  }
}
