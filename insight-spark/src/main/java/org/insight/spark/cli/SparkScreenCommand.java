package org.insight.spark.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.insight.cli.MatchCsvOptions;
import org.insight.match.MatchRecord;
import org.insight.spark.SparkLinker;
import org.insight.spark.SparkScreening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code insight spark screen}: every record of a CSV (read as {@code insight match} reads one) screened against a
 * watch-list CSV, as a Spark job; {@code hits.csv} has the columns of {@code insight screen --queries --out}.
 */
@Command(name = "screen", mixinStandardHelpOptions = true,
    description = {"Screen every record of FILE.csv (--id, --map as for 'insight match') against a watch-list CSV"
        + " (--watchlist, --watchlist-id, --watchlist-map), as a Spark job; writes DIR/hits.csv: query_id, rank,"
        + " entry_id, probability, weight, explanation (the columns of 'insight screen --queries')."})
final class SparkScreenCommand implements Callable<Integer> {
  @Mixin MatchCsvOptions match;
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.csv")
  Path file;

  @Option(names = "--watchlist", required = true, paramLabel = "LIST.csv", description = "The watch-list CSV.")
  Path watchlist;

  @Option(names = "--watchlist-id", required = true, paramLabel = "COLUMN",
      description = "The watch-list column holding each entry's id.")
  String watchlistId;

  @Option(names = "--watchlist-map", required = true, paramLabel = "COLUMN=property",
      description = "Which watch-list column holds which property (as --map); repeat it.")
  Map<String, String> watchlistMap = new LinkedHashMap<>();

  @Option(names = "--limit", defaultValue = "10", description = "Candidates per record (default: ${DEFAULT-VALUE}).")
  int limit;

  SparkScreenCommand() {}

  @Override
  public Integer call() throws Exception {
    List<MatchRecord> queries = match.read(file, spec);
    List<MatchRecord> entries = match.reading(watchlistId, watchlistMap).read(watchlist, spec);
    Files.createDirectories(match.out());
    Path out = match.out().resolve("hits.csv");
    int rows = 0;
    SparkSession s = spark.session("insight spark screen"); // stopped by Spark when the JVM exits
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      List<Row> hits = new SparkScreening(s).screen(SparkLinker.records(s, queries), entries, limit)
          .orderBy("query_id", "rank").collectAsList();
      w.write("query_id,rank,entry_id,probability,weight,explanation\n");
      for (Row h : hits) {
        w.write(quote(h.getString(0)) + "," + h.getInt(1) + "," + quote(h.getString(2)) + ","
            + String.format(Locale.ROOT, "%.4f,%.2f", h.getDouble(4), h.getDouble(5)) + ","
            + quote(explanation(h, entries.size())) + "\n");
        rows++;
      }
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "%d queries, %d candidates; wrote %s%n", queries.size(), rows,
        out);
    return 0;
  }

  /** As {@code insight screen} explains a hit. */
  private static String explanation(Row h, int listSize) {
    List<String> parts = new ArrayList<>();
    for (Row o : h.<Row>getList(8)) {
      if (!o.getString(1).equals("null")) {
        parts.add(String.format(Locale.ROOT, "%s:%s(%+.1f)", o.getString(0), o.getString(1), o.getDouble(6)));
      }
    }
    parts.add(String.format(Locale.ROOT, "calibrated for %s among %,d entries (model p %.4f)", h.getString(6),
        listSize, h.getDouble(7)));
    return String.join("; ", parts);
  }

  /** A CSV cell, quoted when it must be (as the CLI's CSV writer quotes). */
  private static String quote(String v) {
    return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
        ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
