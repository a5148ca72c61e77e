package org.insight.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import org.insight.core.ProgressListener;
import org.insight.policy.Principal;
import org.insight.trends.Alarm;
import org.insight.trends.CsvEvents;
import org.insight.trends.DateRange;
import org.insight.trends.Granularity;
import org.insight.trends.TrendAnalysis;
import org.insight.trends.TrendReport;
import org.insight.workspace.Session;
import org.insight.workspace.TrendSource;
import org.insight.workspace.Workspace;

/**
 * The demo's trends step: two years of reported offences (a generated CSV with weekday and summer effects) in which
 * card fraud jumps in the first week of December 2025; the weekly analysis raises one alarm, on card fraud, from that
 * week, and compares the last quarter with the same quarter a year before. Then the same analysis of the workspace's
 * events for the Lyon investigator: labelled with the conjunction of what it counted.
 */
final class TrendsStep {
  static final LocalDate FROM = LocalDate.of(2024, 1, 1);
  static final LocalDate TO = LocalDate.of(2025, 12, 28);
  static final LocalDate JUMP = LocalDate.of(2025, 12, 1);

  private TrendsStep() {}

  static TrendReport run(Workspace ws, Path dir, PrintWriter out) throws IOException {
    Path csv = write(dir.resolve("offence-reports.csv"));
    TrendReport r = TrendAnalysis.builder().granularity(Granularity.WEEK).from(FROM).to(TO)
        .compare(DateRange.parse("2024-10-01..2024-12-28"), DateRange.parse("2025-10-01..2025-12-28")).build()
        .analyse(CsvEvents.read(csv, "reported", "offence", null, ProgressListener.NONE));
    out.println("8. Trends in " + csv.getFileName() + " (weekly, against each offence's own seasonal history):");
    for (Alarm a : r.alarms()) {
      out.printf(Locale.ROOT, "   ALARM %s since the week of %s: %d reported, %.0f expected (z %.1f, p %.2g after"
          + " Benjamini–Hochberg)%n", a.category(), a.start(), a.observed(), a.expected(), a.z(), a.p());
    }
    r.comparisons().forEach(c -> out.printf(Locale.ROOT, "   Q4 2025 vs Q4 2024, %s: %d -> %d, ratio %.2f [%.2f,"
        + " %.2f]%n", c.category(), c.before(), c.after(), c.ratio(), c.low(), c.high()));
    try (Session s = ws.session(Principal.of("investigator.lyon", "FR", "POLICE"), Demo.CI)) {
      TrendReport mine = s.trends().analyse(TrendSource.of("Event", "dataset"),
          TrendAnalysis.builder().granularity(Granularity.DAY).build());
      out.println("   investigator.lyon's events by dataset: " + mine.series().size() + " series, label "
          + mine.label().map(Object::toString).orElse("(none)"));
    }
    out.println("   ./insight trends alarms --events " + csv + " --time reported --category offence");
    out.println();
    return r;
  }

  /** Daily reports of three offences, Poisson around weekday and month effects; card fraud triples from JUMP. */
  static Path write(Path file) throws IOException {
    SplittableRandom random = new SplittableRandom(2026);
    double[] weekday = {0.9, 0.9, 1.0, 1.0, 1.3, 1.4, 0.5};
    double[] month = {0.8, 0.8, 0.9, 1.0, 1.0, 1.2, 1.4, 1.4, 1.1, 1.0, 0.9, 0.7};
    String[] offences = {"burglary", "card fraud", "vehicle theft"};
    double[] perDay = {4, 2, 3};
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("reported,offence\n");
      for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
        for (int o = 0; o < offences.length; o++) {
          double mu = perDay[o] * weekday[d.getDayOfWeek().getValue() - 1] * month[d.getMonthValue() - 1]
              * (o == 1 && !d.isBefore(JUMP) ? 3 : 1);
          for (long i = poisson(mu, random); i > 0; i--) {
            w.write(d + "," + offences[o] + "\n");
          }
        }
      }
    }
    return file;
  }

  private static long poisson(double mu, SplittableRandom random) {
    double limit = Math.exp(-mu);
    double p = random.nextDouble();
    long k = 0;
    while (p > limit) {
      p *= random.nextDouble();
      k++;
    }
    return k;
  }
}
