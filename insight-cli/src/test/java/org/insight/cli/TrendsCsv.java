package org.insight.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A generated events file: two years of daily burglaries, frauds and thefts with a weekday effect, Poisson noise from
 * a fixed seed, and 80 extra frauds in the week of {@link #SPIKE}; a phone column where +33600000001 is known in FR
 * and appears in DE in the last month.
 */
final class TrendsCsv {
  static final LocalDate FROM = LocalDate.of(2024, 1, 1);
  static final LocalDate TO = LocalDate.of(2025, 12, 28);
  static final LocalDate SPIKE = LocalDate.of(2025, 12, 8);

  private TrendsCsv() {}

  static Path write(Path file) throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    double[] weekday = {0.9, 0.9, 1.0, 1.0, 1.3, 1.4, 0.5};
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id,reported,offence,country,phone\n");
      int id = 0;
      for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
        double f = weekday[d.getDayOfWeek().getValue() - 1];
        for (String offence : new String[] {"burglary", "fraud", "theft"}) {
          long n = poisson(3 * f, random) + (offence.equals("fraud") && !d.isBefore(SPIKE) && d.isBefore(SPIKE
              .plusDays(7)) ? 12 : 0);
          for (long i = 0; i < n; i++) {
            String phone = offence.equals("fraud") && id % 50 == 0 ? "+33600000001" : "";
            String country = d.isAfter(TO.minusDays(20)) && !phone.isEmpty() ? "DE" : "FR";
            w.write(++id + "," + d + "," + offence + "," + country + "," + phone + "\n");
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
