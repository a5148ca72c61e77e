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
import java.util.Set;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.insight.InsightException;
import org.insight.core.ProgressListener;
import org.insight.core.json.ModelJson;
import org.insight.match.Cluster;
import org.insight.match.ComparisonOutcome;
import org.insight.match.LabelledPair;
import org.insight.match.LinkEvaluation;
import org.insight.match.LinkResult;
import org.insight.match.Linker;
import org.insight.match.MatchPair;
import org.insight.match.ModelParameters;
import org.insight.match.MatchRecord;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options of the CSV linkage commands ({@code match dedupe|link}), and how they read, train, write and report;
 * {@code screen --watchlist} reads its list the same way, and {@code insight spark link|dedupe} (insight-spark) takes
 * the same options, reads and writes the same files (hence public).
 */
public final class MatchCsvOptions {
  @Option(names = "--id", required = true, paramLabel = "COLUMN", description = "The column holding each record's id.")
  String idColumn;

  @Option(names = "--map", required = true, paramLabel = "COLUMN=property",
      description = {"Which column holds which property; repeat it. Properties: name, alias, the name parts firstName,"
          + " middleName, fatherName, motherName, lastName (they compose the full name), birthDate, nationality,"
          + " passportNumber, idNumber, phone, email, address and the address parts street, city, region, postalCode"
          + " (they compose one address), gender. Several columns mapped to one name or address property compose one"
          + " value in column order (street_number=street, address_1=street). An unknown property is refused."})
  Map<String, String> map = new LinkedHashMap<>();

  @Mixin DateOptions dates = new DateOptions();

  @Option(names = "--strict",
      description = "Skip a row with any bad value. By default a bad value is reported (file, line, column, value, why)"
          + " and left out, and the row keeps its other values.")
  boolean strict;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Where pairs.csv, clusters.csv and model.json (the fitted m, u, weights and λ) go.")
  Path out;

  @Option(names = "--threshold", defaultValue = "0.9",
      description = "Match probability at or above which a pair is a match (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--explain", description = "Add each comparison's level and weight to pairs.csv.")
  boolean explain;

  @Option(names = "--train", paramLabel = "LABELS.csv",
      description = {"Learn m and u from labelled pairs instead of EM: a CSV with columns left_id, right_id and match"
          + " (true/false, 1/0, yes/no, same/different) naming records of the input."})
  Path train;

  @Option(names = "--truth", paramLabel = "LABELS.csv",
      description = {"Measure the run against labelled pairs (the columns of --train): blocking recall (the share of"
          + " matches compared at all) and precision, recall and F1 of the pairs and clusters on the labelled pairs."})
  Path truth;

  /** Options to be filled by picocli. */
  public MatchCsvOptions() {}

  /** These options reading another file: its id column and mapping, the same date and strictness options. */
  public MatchCsvOptions reading(String id, Map<String, String> mapping) {
    MatchCsvOptions o = new MatchCsvOptions();
    o.idColumn = id;
    o.map = new LinkedHashMap<>(mapping);
    o.dates = dates;
    o.strict = strict;
    o.out = out;
    return o;
  }

  /** The {@code --out} directory. */
  public Path out() {
    return out;
  }

  /** Whether {@code --train} was given (the linker is then trained, not fitted by EM in its run). */
  public boolean trained() {
    return train != null;
  }

  /** The linker, trained from {@code --train} if given; {@code leftIds} is the left side of a link run, else null. */
  public Linker linker(List<MatchRecord> records, CommandSpec spec, Set<String> leftIds, ProgressListener progress)
      throws Exception {
    Linker linker = Linker.builder().threshold(threshold).progress(progress).build();
    if (train == null) {
      return linker;
    }
    List<LabelledPair> pairs = labelledPairs(train, records, leftIds, spec);
    long matches = pairs.stream().filter(LabelledPair::match).count();
    if (matches == 0 || matches == pairs.size()) {
      throw new InsightException(train + " holds " + pairs.size() + " usable labels of which " + matches
          + " are matches; training needs both matches and non-matches");
    }
    return linker.train(pairs);
  }

  /** Prints how the run did on the {@code --truth} pairs. */
  void report(LinkEvaluation e, CommandSpec spec) throws Exception {
    var o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "against %d labelled pairs of %s (%d matches, %d non-matches)%s:%n",
        e.matches() + e.nonMatches(), truth, e.matches(), e.nonMatches(),
        train != null && Files.isSameFile(train, truth) ? ", the labels it was trained on (optimistic)" : "");
    o.printf(Locale.ROOT, "  blocking recall %s (%d of %d matches compared)%n", share(e.blockingRecall()),
        e.blockedMatches(), e.matches());
    o.printf(Locale.ROOT, "  pairs >= %.2f: precision %s, recall %s, F1 %s (%d matches, %d non-matches paired)%n",
        threshold, share(e.precision()), share(e.recall()), share(e.f1()), e.pairedMatches(), e.pairedNonMatches());
    o.printf(Locale.ROOT, "  clusters: precision %s, recall %s (%d matches, %d non-matches in one cluster)%n",
        share(e.clusterPrecision()), share(e.clusterRecall()), e.clusteredMatches(), e.clusteredNonMatches());
  }

  private static String share(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }

  /**
   * The labelled pairs of {@code file}; a row naming an unknown record, two records of one side of a link
   * ({@code leftIds} non-null) or an unreadable verdict is reported and skipped.
   */
  List<LabelledPair> labelledPairs(Path file, List<MatchRecord> records, Set<String> leftIds, CommandSpec spec)
      throws Exception {
    Map<String, MatchRecord> byId = new java.util.HashMap<>();
    records.forEach(r -> byId.put(r.id(), r));
    List<LabelledPair> pairs = new ArrayList<>();
    try (CsvFile csv = CsvFile.open(file, ": left_id,right_id,match")) {
      List<String> header = csv.lowerCaseHeader();
      int li = header.indexOf("left_id");
      int ri = header.indexOf("right_id");
      int mi = header.indexOf("match");
      if (li < 0 || ri < 0 || mi < 0) {
        throw new InsightException(file + " needs the columns left_id, right_id and match; its columns are " + header);
      }
      for (CsvFile.Row row : csv) {
        String a = row.cell(li);
        String b = row.cell(ri);
        Boolean match = verdict(row.cell(mi));
        String problem = !byId.containsKey(a) ? "no record has the id '" + a + "'"
            : !byId.containsKey(b) ? "no record has the id '" + b + "'"
            : a.equals(b) ? "it pairs '" + a + "' with itself"
            : leftIds != null && leftIds.contains(a) == leftIds.contains(b)
                ? "'" + a + "' and '" + b + "' are on the same side; a link pairs left with right"
            : match == null ? "match is '" + row.cell(mi) + "'; write true or false" : null;
        if (problem != null) {
          spec.commandLine().getErr().printf(Locale.ROOT, "insight: %s line %d: %s; label skipped%n", file, row.line(), problem);
          continue;
        }
        pairs.add(new LabelledPair(byId.get(a), byId.get(b), match));
      }
    }
    return pairs;
  }

  private static Boolean verdict(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "y", "same", "match" -> true;
      case "false", "0", "no", "n", "different", "non-match" -> false;
      default -> null;
    };
  }

  /** The properties whose several columns compose one value (a name from its words, an address from its parts). */
  private static final Set<String> COMPOSED = Set.of("name", "firstName", "middleName", "fatherName", "motherName",
      "lastName", "address", "street", "city", "region", "postalCode");

  /**
   * Refuses a {@code --map} naming a property the matcher does not know, with the closest known one: a misspelt
   * property silently ignored would make every record empty of it.
   */
  static void checkMap(Map<String, String> map, CommandSpec spec) {
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (!MatchRecord.knownProperties().contains(e.getValue())) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--map " + e.getKey() + "="
            + e.getValue() + ": unknown property '" + e.getValue() + "'; "
            + org.insight.Messages.available(e.getValue(), MatchRecord.knownProperties()));
      }
    }
  }

  /**
   * Reads a CSV export the way users expect of real ones: a BOM, spaces after commas, quotes, empty cells. Values,
   * not rows: a value that cannot be read is reported with its line, column and reason and left out, the record
   * keeps the rest; only a row without an id or without any usable value is skipped ({@code --strict}: a row with
   * any bad value).
   */
  public List<MatchRecord> read(Path file, CommandSpec spec) throws Exception {
    checkMap(map, spec);
    MatchRecord.Reader.Builder rb = MatchRecord.reader().dates(dates.parser(spec));
    if (strict) {
      rb.strict();
    }
    MatchRecord.Reader reader = rb.build();
    var err = spec.commandLine().getErr();
    List<MatchRecord> records = new ArrayList<>();
    String dataset = file.getFileName().toString();
    long leftOut = 0;
    long skipped = 0;
    try (CsvFile csv = CsvFile.open(file, " naming the columns")) {
      List<String> header = csv.header();
      int idIndex = header.indexOf(idColumn);
      if (idIndex < 0) {
        throw new InsightException(file + " has no column '" + idColumn + "'; its columns are " + header);
      }
      for (String column : map.keySet()) {
        if (!header.contains(column)) {
          throw new InsightException(file + " has no column '" + column + "' (from --map); "
              + org.insight.Messages.available(column, header));
        }
      }
      // property -> its columns in the file's order, so parts compose as the file lays them out
      Map<String, List<Integer>> columns = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String property = map.get(header.get(i));
        if (property != null) {
          columns.computeIfAbsent(property, k -> new ArrayList<>()).add(i);
        }
      }
      for (CsvFile.Row row : csv) {
        String id = row.cell(idIndex);
        if (id.isEmpty()) {
          err.printf(Locale.ROOT, "insight: %s line %d: no id in column '%s'; row skipped%n", file, row.line(), idColumn);
          skipped++;
          continue;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, String> origin = new java.util.HashMap<>(); // property + value -> the column(s) it came from
        columns.forEach((property, at) -> {
          List<String> cells = new ArrayList<>();
          List<String> names = new ArrayList<>();
          for (int i : at) {
            String v = row.cell(i);
            if (!v.isEmpty()) {
              cells.add(v);
              names.add(header.get(i));
            }
          }
          if (cells.isEmpty()) {
            return;
          }
          if (COMPOSED.contains(property) && cells.size() > 1) {
            String v = property.equals("address") || property.equals("street")
                ? MatchRecord.joinAddress(cells) : String.join(" ", cells);
            values.put(property, List.of(v));
            origin.put(property + "\u0000" + v, String.join("+", names));
          } else {
            values.put(property, cells);
            for (int k = 0; k < cells.size(); k++) {
              origin.putIfAbsent(property + "\u0000" + cells.get(k), names.get(k));
            }
          }
        });
        MatchRecord.Read read = reader.read(id, dataset, values);
        for (MatchRecord.Problem p : read.problems()) {
          leftOut++;
          err.printf(Locale.ROOT, "insight: %s line %d column '%s': value %s left out: %s%n", file, row.line(),
              origin.getOrDefault(p.property() + "\u0000" + p.value(), p.property()), org.insight.Messages.quote(p.value()),
              p.reason());
        }
        if (read.record().isPresent()) {
          records.add(read.record().get());
        } else {
          skipped++;
          err.printf(Locale.ROOT, "insight: %s line %d: %s; row skipped%n", file, row.line(),
              values.isEmpty() ? "no mapped column has a value" : strict ? "a value was refused (--strict)"
                  : "no usable value");
        }
      }
    }
    if (leftOut > 0 || skipped > 0) {
      err.printf(Locale.ROOT, "insight: %s: %d records read, %d values left out, %d rows skipped%n", file,
          records.size(), leftOut, skipped);
    }
    return records;
  }

  /** Writes pairs.csv, clusters.csv and model.json under {@code --out}. */
  public void write(LinkResult result, CommandSpec spec) throws Exception {
    Files.createDirectories(out);
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("pairs.csv"), StandardCharsets.UTF_8)) {
      w.write("left_id,right_id,probability,weight" + (explain ? ",explanation" : "") + "\n");
      for (MatchPair p : result.pairs()) {
        w.write(CsvFile.quote(p.leftId()) + "," + CsvFile.quote(p.rightId()) + ","
            + String.format(Locale.ROOT, "%.4f,%.2f", p.probability(), p.weight()));
        if (explain) {
          List<String> parts = new ArrayList<>();
          for (ComparisonOutcome c : p.explanation().comparisons()) {
            parts.add(String.format(Locale.ROOT, "%s:%s(%+.1f)", c.comparison(), c.level(), c.weight()));
          }
          w.write("," + CsvFile.quote(String.join("; ", parts)));
        }
        w.write("\n");
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("clusters.csv"), StandardCharsets.UTF_8)) {
      w.write("cluster_id,record_id\n");
      for (Cluster c : result.clusters()) {
        for (String id : c.recordIds()) {
          w.write(c.id() + "," + CsvFile.quote(id) + "\n");
        }
      }
    }
    Files.writeString(out.resolve("model.json"), modelJson(result.parameters()), StandardCharsets.UTF_8);
    spec.commandLine().getOut().printf(Locale.ROOT, "%d records, %d candidate pairs, %d matches, %d clusters; wrote %s, %s and %s%n",
        result.blocking().records(), result.blocking().candidatePairs(), result.pairs().size(), result.clusters().size(),
        out.resolve("pairs.csv"), out.resolve("clusters.csv"), out.resolve("model.json"));
  }

  /** The model as JSON: how it was fitted, λ, and per comparison level m, u and the weight log2(m/u). */
  private String modelJson(ModelParameters p) {
    ObjectNode root = Json.object();
    root.put("fitted", train != null ? "labels" : "em");
    root.put("lambda", p.lambda());
    root.put("iterations", p.iterations());
    root.put("converged", p.converged());
    ArrayNode comparisons = root.putArray("comparisons");
    for (ModelParameters.ComparisonParameters c : p.comparisons()) {
      ObjectNode cn = comparisons.addObject();
      cn.put("comparison", c.comparison());
      ArrayNode levels = cn.putArray("levels");
      for (ModelParameters.LevelParameters l : c.levels()) {
        levels.addObject().put("level", l.level()).put("m", l.m()).put("u", l.u()).put("weight", l.weight());
      }
    }
    return root.toPrettyString() + "\n";
  }
}
