package org.insight.cli;

import java.io.BufferedReader;
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
import org.insight.InsightException;
import org.insight.core.internal.Csv;
import org.insight.match.Cluster;
import org.insight.match.ComparisonOutcome;
import org.insight.match.LinkResult;
import org.insight.match.Linker;
import org.insight.match.MatchPair;
import org.insight.match.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "match", mixinStandardHelpOptions = true,
    description = "Record linkage on CSV files: de-duplicate one file, or link two; writes pairs.csv and clusters.csv.",
    subcommands = {MatchCommand.Dedupe.class, MatchCommand.Link.class})
final class MatchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--id", required = true, paramLabel = "COLUMN", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "The column holding each record's id.")
  String idColumn;

  @Option(names = "--map", required = true, paramLabel = "COLUMN=property", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Which column holds which property (name, birthDate, nationality, passportNumber, idNumber, phone, email, gender); repeat it.")
  Map<String, String> map = new LinkedHashMap<>();

  @Option(names = "--out", required = true, paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Where pairs.csv and clusters.csv go.")
  Path out;

  @Option(names = "--threshold", defaultValue = "0.9", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Match probability at or above which a pair is a match (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--explain", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Add each comparison's level and weight to pairs.csv.")
  boolean explain;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "dedupe", mixinStandardHelpOptions = true, description = "Find the records of one file that are the same.")
  static final class Dedupe implements Callable<Integer> {
    @ParentCommand MatchCommand match;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.csv")
    Path file;

    @Override
    public Integer call() throws Exception {
      List<Record> records = match.read(file, spec);
      return match.write(match.linker().dedupe(records), spec);
    }
  }

  @Command(name = "link", mixinStandardHelpOptions = true, description = "Find the records of LEFT that are in RIGHT.")
  static final class Link implements Callable<Integer> {
    @ParentCommand MatchCommand match;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LEFT.csv")
    Path left;

    @Parameters(index = "1", paramLabel = "RIGHT.csv")
    Path right;

    @Override
    public Integer call() throws Exception {
      return match.write(match.linker().link(match.read(left, spec), match.read(right, spec)), spec);
    }
  }

  Linker linker() {
    return Linker.builder().threshold(threshold).build();
  }

  /**
   * Reads a CSV export the way users expect of real ones: a BOM, spaces after commas, quotes, empty cells. A row
   * that cannot be read is reported with its line and reason and the rest still load.
   */
  List<Record> read(Path file, CommandSpec spec) throws Exception {
    List<Record> records = new ArrayList<>();
    String dataset = file.getFileName().toString();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String headerLine = r.readLine();
      if (headerLine == null) {
        throw new InsightException(file + " is empty; it needs a header row naming the columns");
      }
      List<String> header = new ArrayList<>();
      for (String h : Csv.split(headerLine.replace("\uFEFF", ""))) {
        header.add(h.trim());
      }
      int idIndex = header.indexOf(idColumn);
      if (idIndex < 0) {
        throw new InsightException(file + " has no column '" + idColumn + "'; its columns are " + header);
      }
      for (String column : map.keySet()) {
        if (!header.contains(column)) {
          throw new InsightException(file + " has no column '" + column + "' (from --map); its columns are " + header);
        }
      }
      int line = 1;
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        line++;
        if (l.isBlank()) {
          continue;
        }
        List<String> cells = Csv.split(l);
        String id = idIndex < cells.size() ? cells.get(idIndex).trim() : "";
        if (id.isEmpty()) {
          spec.commandLine().getErr().printf("insight: %s line %d: no id in column '%s'; row skipped%n", file, line, idColumn);
          continue;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        map.forEach((column, property) -> {
          int i = header.indexOf(column);
          String v = i < cells.size() ? cells.get(i).trim() : "";
          if (!v.isEmpty()) {
            values.computeIfAbsent(property, k -> new ArrayList<>()).add(v);
          }
        });
        try {
          records.add(Record.of(id, dataset, values));
        } catch (InsightException e) {
          spec.commandLine().getErr().printf("insight: %s line %d: %s; row skipped%n", file, line, e.getMessage());
        }
      }
    }
    return records;
  }

  int write(LinkResult result, CommandSpec spec) throws Exception {
    Files.createDirectories(out);
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("pairs.csv"), StandardCharsets.UTF_8)) {
      w.write("left_id,right_id,probability,weight" + (explain ? ",explanation" : "") + "\n");
      for (MatchPair p : result.pairs()) {
        w.write(Csv.quote(p.leftId()) + "," + Csv.quote(p.rightId()) + ","
            + String.format(Locale.ROOT, "%.4f,%.2f", p.probability(), p.weight()));
        if (explain) {
          List<String> parts = new ArrayList<>();
          for (ComparisonOutcome c : p.explanation().comparisons()) {
            parts.add(String.format(Locale.ROOT, "%s:%s(%+.1f)", c.comparison(), c.level(), c.weight()));
          }
          w.write("," + Csv.quote(String.join("; ", parts)));
        }
        w.write("\n");
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("clusters.csv"), StandardCharsets.UTF_8)) {
      w.write("cluster_id,record_id\n");
      for (Cluster c : result.clusters()) {
        for (String id : c.recordIds()) {
          w.write(c.id() + "," + Csv.quote(id) + "\n");
        }
      }
    }
    spec.commandLine().getOut().printf("%d records, %d candidate pairs, %d matches, %d clusters; wrote %s and %s%n",
        result.blocking().records(), result.blocking().candidatePairs(), result.pairs().size(), result.clusters().size(),
        out.resolve("pairs.csv"), out.resolve("clusters.csv"));
    return 0;
  }
}
