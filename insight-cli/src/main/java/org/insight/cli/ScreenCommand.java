package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.insight.InsightException;
import org.insight.core.json.ModelJson;
import org.insight.match.ComparisonOutcome;
import org.insight.match.MatchRecord;
import org.insight.match.Screening;
import org.insight.match.ScreeningHit;
import org.insight.match.ScreeningQuery;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "screen", mixinStandardHelpOptions = true,
    description = {"Screen a person against the workspace's watch lists (what the session may see of them), or against"
        + " a watch-list CSV (--watchlist FILE.csv --watchlist-id COLUMN --map COLUMN=property ...).",
        "Batch: --queries FILE.csv (header with name and any of id, dob/birthDate, country/nationality, identifier)"
            + " --out FILE (.csv or .jsonl): query_id, rank, entry_id, probability, weight, explanation."})
final class ScreenCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..1", description = "The person's name, in any script (omit with --queries).")
  String name;

  @Option(names = "--dob", paramLabel = "DATE", description = "Birth date, full or partial (1975, 1975-03, 14.03.1975).")
  String dob;

  @Option(names = "--country", paramLabel = "CC", description = "Nationality (code or English name); repeat it.")
  List<String> countries = new ArrayList<>();

  @Option(names = "--id", paramLabel = "NUMBER", description = "An identifier of any scheme (passport, national id); repeat it.")
  List<String> identifiers = new ArrayList<>();

  @Option(names = "--limit", defaultValue = "10", description = "Candidates per query (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--explain", description = "Show each comparison's level and weight.")
  boolean explain;

  @Option(names = "--watchlist", paramLabel = "FILE.csv", description = "Screen against this CSV instead of the workspace.")
  Path watchlist;

  @Option(names = "--watchlist-ftm", paramLabel = "FILE", description = "Screen against the persons of this"
      + " FollowTheMoney file (JSON lines or a JSON array, e.g. an OpenSanctions export; '-' reads standard input)"
      + " instead of the workspace, no mapping needed; each hit shows the list's topics and sanctions.")
  String watchlistFtm;

  @Option(names = "--watchlist-id", paramLabel = "COLUMN", description = "The watch-list CSV column holding each entry's id.")
  String watchlistId;

  @Option(names = "--map", paramLabel = "COLUMN=property",
      description = "Which watch-list CSV column holds which property (name, alias, firstName, middleName, fatherName,"
          + " motherName, lastName, birthDate, nationality, passportNumber, idNumber, gender, address and its parts);"
          + " repeat it. Name parts compose the full name; an unknown property is refused.")
  Map<String, String> map = new LinkedHashMap<>();

  @Mixin DateOptions dates = new DateOptions();

  @Option(names = "--queries", paramLabel = "FILE.csv", description = "Screen every person in FILE.csv.")
  Path queries;

  @Option(names = "--out", paramLabel = "FILE", description = "Where batch results go (.csv or .jsonl).")
  Path out;

  @Mixin ProgressOptions progress;

  /** A query with its id (batch). */
  private record Named(String id, ScreeningQuery query) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    if ((name == null) == (queries == null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "give either a NAME or --queries FILE.csv (with --out FILE)");
    }
    if (queries != null && out == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--queries needs --out FILE (.csv or .jsonl)");
    }
    List<Named> batch = queries != null ? readQueries(queries) : List.of(new Named("query", query()));
    if (watchlistFtm != null) {
      if (watchlist != null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "give --watchlist FILE.csv or --watchlist-ftm FILE, not both");
      }
      ftmList = readFtm(watchlistFtm);
      org.insight.match.FtmWatchList list = ftmList;
      return emit(batch, q -> list.screening().candidates(q, limit), stdout);
    }
    if (watchlist != null) {
      if (watchlistId == null || map.isEmpty()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--watchlist needs --watchlist-id COLUMN and at least one --map COLUMN=property");
      }
      MatchCsvOptions csv = new MatchCsvOptions(); // the same reading of messy CSV exports as 'insight match'
      csv.idColumn = watchlistId;
      csv.map = map;
      csv.dates = dates;
      List<MatchRecord> entries = csv.read(watchlist, spec);
      Screening screening = Screening.of(entries);
      return emit(batch, q -> screening.candidates(q, limit), stdout);
    }
    try (SessionOptions.Opened ws = session.read()) {
      Session s = ws.session();
      return emit(batch, q -> s.screen(q, limit), stdout);
    }
  }

  /** The FtM list screened against, when --watchlist-ftm is given: its attributes go with each hit. */
  private org.insight.match.FtmWatchList ftmList;

  private org.insight.match.FtmWatchList readFtm(String file) throws java.io.IOException {
    String name = file.equals("-") ? "stdin" : Path.of(file).getFileName().toString();
    org.insight.core.ftm.FtmReader reader = org.insight.core.ftm.FtmReader.builder(org.insight.core.Dataset.of(name,
        org.insight.policy.Label.of("WATCHLIST"), org.insight.policy.SourceGrading.UNGRADED)).build();
    org.insight.match.FtmWatchList list;
    try (java.io.InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
      list = org.insight.match.FtmWatchList.read(in, name, reader);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--watchlist-ftm: there is no file " + file);
    }
    PrintWriter err = spec.commandLine().getErr();
    for (org.insight.core.ftm.FtmProblem p : list.problems()) {
      err.println("insight: " + p.describe());
    }
    err.printf(Locale.ROOT, "insight: %s: %d persons to screen against%s, %d problems%n", name, list.size(),
        list.notScreened().isEmpty() ? "" : " (not screened: " + list.notScreened() + ")", list.problemCount());
    return list;
  }

  private ScreeningQuery query() {
    ScreeningQuery q = ScreeningQuery.of(name);
    if (dob != null) {
      q = q.withBirthDate(dates.parser(spec).clean(dob));
    }
    for (String c : countries) {
      q = q.withCountry(c);
    }
    for (String id : identifiers) {
      q = q.withIdentifier(id);
    }
    return q;
  }

  private int emit(List<Named> batch, Function<ScreeningQuery, List<ScreeningHit>> screen, PrintWriter stdout)
      throws Exception {
    if (queries != null) {
      boolean jsonl = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
      int rows = 0;
      try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
          ProgressDisplay display = progress.start(spec)) {
        if (!jsonl) {
          w.write("query_id,rank,entry_id,probability,weight,explanation\n");
        }
        long done = 0;
        for (Named n : batch) {
          display.progress("screen", done++, batch.size());
          List<ScreeningHit> hits = screen.apply(n.query());
          for (int i = 0; i < hits.size(); i++) {
            ScreeningHit h = hits.get(i);
            if (jsonl) {
              ObjectNode o = Render.versioned().put("query_id", n.id());
              o.setAll(json(h, i + 1));
              w.write(ModelJson.write(o) + "\n");
            } else {
              w.write(CsvFile.quote(n.id()) + "," + (i + 1) + "," + CsvFile.quote(h.id()) + ","
                  + String.format(Locale.ROOT, "%.4f,%.2f", h.probability(), h.weight()) + ","
                  + CsvFile.quote(explanation(h)) + "\n");
            }
            rows++;
          }
        }
        display.progress("screen", batch.size(), batch.size());
      }
      stdout.printf(Locale.ROOT, "%d queries, %d candidates; wrote %s%n", batch.size(), rows, out);
      return 0;
    }
    List<ScreeningHit> hits = screen.apply(batch.get(0).query());
    if (session.json) {
      ArrayNode a = Json.array();
      for (int i = 0; i < hits.size(); i++) {
        a.add(json(hits.get(i), i + 1));
      }
      Render.print(stdout, a);
      return 0;
    }
    if (hits.isEmpty()) {
      stdout.println("  no candidates");
      return 0;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"rank", "probability", "weight", "entry", "name", "birth date", "watch list"});
    for (int i = 0; i < hits.size(); i++) {
      ScreeningHit h = hits.get(i);
      rows.add(new String[] {Integer.toString(i + 1), String.format(Locale.ROOT, "%.4f", h.probability()),
          String.format(Locale.ROOT, "%.1f", h.weight()), h.id(), String.join(" / ", h.entry().get("name")),
          String.join(" / ", h.entry().get("birthDate")), h.dataset()});
    }
    Render.table(stdout, rows);
    if (ftmList != null && !explain) {
      for (int i = 0; i < hits.size(); i++) {
        Map<String, List<String>> a = attributes(hits.get(i));
        if (!a.isEmpty()) {
          List<String> said = new ArrayList<>();
          a.forEach((k, v) -> said.add(k + ": " + String.join("; ", v)));
          stdout.printf(Locale.ROOT, "  %d. %s: %s%n", i + 1, hits.get(i).id(), String.join("; ", said));
        }
      }
    }
    if (explain) {
      for (int i = 0; i < hits.size(); i++) {
        stdout.printf(Locale.ROOT, "  %d. %s: %s%n", i + 1, hits.get(i).id(), explanation(hits.get(i)));
      }
    }
    return 0;
  }

  String explanation(ScreeningHit h) {
    List<String> parts = new ArrayList<>();
    for (ComparisonOutcome o : h.explanation().comparisons()) {
      if (!o.level().equals("null")) {
        parts.add(String.format(Locale.ROOT, "%s:%s(%+.1f)", o.comparison(), o.level(), o.weight()));
      }
    }
    // which calibration curve made the probability, and the model's own (see ScreeningCalibration)
    parts.add(String.format(Locale.ROOT, "calibrated for %s among %,d entries (model p %.4f)", h.evidence(),
        h.listSize(), h.explanation().probability()));
    attributes(h).forEach((k, v) -> parts.add(k + ": " + String.join("; ", v)));
    return String.join("; ", parts);
  }

  /** What the list says about the hit's entry (topics, sanctions): the FtM file's, or the workspace watch list's. */
  private Map<String, List<String>> attributes(ScreeningHit h) {
    return ftmList == null ? h.attributes() : ftmList.attributes(h.id());
  }

  private ObjectNode json(ScreeningHit h, int rank) {
    ObjectNode o = Json.object();
    o.put("rank", rank);
    o.put("id", h.id());
    o.put("dataset", h.dataset());
    o.put("probability", h.probability());
    o.put("weight", h.weight());
    o.put("evidence", h.evidence());
    o.put("listSize", h.listSize());
    o.put("modelProbability", h.explanation().probability());
    if (!attributes(h).isEmpty()) {
      ObjectNode attrs = o.putObject("attributes");
      attributes(h).forEach((k, v) -> {
        ArrayNode a = attrs.putArray(k);
        v.forEach(a::add);
      });
    }
    ObjectNode values = o.putObject("entry");
    h.entry().values().forEach((k, v) -> {
      ArrayNode a = values.putArray(k);
      v.forEach(a::add);
    });
    ArrayNode cs = o.putArray("explanation");
    for (ComparisonOutcome c : h.explanation().comparisons()) {
      cs.addObject().put("comparison", c.comparison()).put("level", c.level()).put("query", c.left())
          .put("entry", c.right()).put("m", c.m()).put("u", c.u()).put("weight", c.weight())
          .put("termFrequencyAdjusted", c.tfAdjusted());
    }
    return o;
  }

  /**
   * One person per row. Values, not rows: a value that cannot be read is reported with its line, column and reason
   * and left out, the query keeps the rest; a row without a name is skipped. The name is the {@code name} column,
   * or composed from first/middle/last-name columns ({@code first_name}, {@code given_name}, {@code middle_name},
   * {@code last_name}, {@code surname}).
   */
  private List<Named> readQueries(Path file) throws Exception {
    List<Named> out = new ArrayList<>();
    org.insight.core.DateParser parser = dates.parser(spec);
    PrintWriter err = spec.commandLine().getErr();
    try (CsvFile csv = CsvFile.open(file, ", e.g. id,name,dob,country,identifier")) {
      List<String> header = csv.lowerCaseHeader();
      int nameAt = header.indexOf("name");
      List<Integer> parts = new ArrayList<>();
      for (String part : List.of("first_name", "firstname", "given_name", "forename", "middle_name", "middlename",
          "last_name", "lastname", "surname", "family_name")) {
        if (header.contains(part)) {
          parts.add(header.indexOf(part));
        }
      }
      if (nameAt < 0 && parts.isEmpty()) {
        throw new InsightException(file + " has no 'name' column (nor first_name/last_name, given_name/surname);"
            + " its columns are " + header);
      }
      int idAt = header.indexOf("id");
      for (CsvFile.Row row : csv) {
        String id = row.cell(idAt).isEmpty() ? "line-" + row.line() : row.cell(idAt);
        String name = nameAt >= 0 ? row.cell(nameAt) : "";
        if (name.isEmpty()) {
          List<String> words = new ArrayList<>();
          parts.forEach(i -> {
            if (!row.cell(i).isEmpty()) {
              words.add(row.cell(i));
            }
          });
          name = String.join(" ", words);
        }
        ScreeningQuery q;
        try {
          q = ScreeningQuery.of(name);
        } catch (InsightException | IllegalArgumentException e) {
          err.printf(Locale.ROOT, "insight: %s line %d: no usable name (%s); row skipped%n", file, row.line(),
              e.getMessage());
          continue;
        }
        for (int i = 0; i < header.size(); i++) {
          String v = row.cell(i);
          if (v.isEmpty()) {
            continue;
          }
          try {
            switch (header.get(i)) {
              case "dob", "birthdate", "birth_date", "date_of_birth" -> q = q.withBirthDate(parser.clean(v));
              case "country", "nationality" -> q = q.withCountry(v);
              case "identifier", "passport", "passportnumber", "idnumber" -> q = q.withIdentifier(v);
              default -> { }
            }
          } catch (InsightException | IllegalArgumentException e) {
            err.printf(Locale.ROOT, "insight: %s line %d column '%s': value %s left out: %s%n", file, row.line(),
                header.get(i), org.insight.Messages.quote(v), e.getMessage());
          }
        }
        out.add(new Named(id, q));
      }
    }
    return out;
  }
}
