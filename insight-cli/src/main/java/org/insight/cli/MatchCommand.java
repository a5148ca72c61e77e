package org.insight.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.insight.InsightException;
import org.insight.core.EntityId;
import org.insight.core.ProgressListener;
import org.insight.core.internal.Csv;
import org.insight.core.internal.ModelJson;
import org.insight.match.Cluster;
import org.insight.match.ComparisonOutcome;
import org.insight.match.Judgement;
import org.insight.match.LabelledPair;
import org.insight.match.LinkEvaluation;
import org.insight.match.LinkResult;
import org.insight.match.Linker;
import org.insight.match.MatchPair;
import org.insight.match.ModelParameters;
import org.insight.match.Record;
import org.insight.workspace.MatchEvent;
import org.insight.workspace.MatchJudgement;
import org.insight.workspace.ResolutionRun;
import org.insight.workspace.ResolveOptions;
import org.insight.workspace.ResolvedCluster;
import org.insight.workspace.Session;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "match", mixinStandardHelpOptions = true,
    description = {"Record linkage: de-duplicate or link CSV files (pairs.csv, clusters.csv), or resolve the Person"
        + " entities of a workspace, judge pairs and review merge/split events."},
    subcommands = {MatchCommand.Dedupe.class, MatchCommand.Link.class, MatchCommand.Judge.class,
        MatchCommand.Resolve.class, MatchCommand.Events.class, MatchCommand.Undo.class, MatchCommand.Show.class})
final class MatchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "dedupe", mixinStandardHelpOptions = true, description = "Find the records of one file that are the same.")
  static final class Dedupe implements Callable<Integer> {
    @Mixin CsvOptions match;
    @Mixin ProgressOptions progress;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.csv")
    Path file;

    @Override
    public Integer call() throws Exception {
      List<Record> records = match.read(file, spec);
      LinkResult result;
      Linker linker;
      try (ProgressDisplay display = progress.start(spec)) {
        linker = match.linker(records, spec, null, display);
        result = linker.dedupe(records);
      }
      match.write(result, spec);
      if (match.truth != null) {
        match.report(linker.evaluate(records, result, match.labelledPairs(match.truth, records, null, spec)), spec);
      }
      return 0;
    }
  }

  @Command(name = "link", mixinStandardHelpOptions = true, description = "Find the records of LEFT that are in RIGHT.")
  static final class Link implements Callable<Integer> {
    @Mixin CsvOptions match;
    @Mixin ProgressOptions progress;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LEFT.csv")
    Path left;

    @Parameters(index = "1", paramLabel = "RIGHT.csv")
    Path right;

    @Override
    public Integer call() throws Exception {
      List<Record> l = match.read(left, spec);
      List<Record> r = match.read(right, spec);
      List<Record> both = new ArrayList<>(l);
      both.addAll(r);
      Set<String> leftIds = new HashSet<>();
      l.forEach(x -> leftIds.add(x.id()));
      LinkResult result;
      Linker linker;
      try (ProgressDisplay display = progress.start(spec)) {
        linker = match.linker(both, spec, leftIds, display);
        result = linker.link(l, r);
      }
      match.write(result, spec);
      if (match.truth != null) {
        match.report(linker.evaluate(l, r, result, match.labelledPairs(match.truth, both, leftIds, spec)), spec);
      }
      return 0;
    }
  }

  /** The options of the CSV commands. */
  static final class CsvOptions {
    @Option(names = "--id", required = true, paramLabel = "COLUMN", description = "The column holding each record's id.")
    String idColumn;

    @Option(names = "--map", required = true, paramLabel = "COLUMN=property",
        description = "Which column holds which property (name, alias, birthDate, nationality, passportNumber, idNumber, phone, email, address, gender); repeat it.")
    Map<String, String> map = new LinkedHashMap<>();

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

    /**
     * The linker, trained from {@code --train} if given; {@code leftIds} is the left side of a link run, else null;
     * it tells {@code progress} how far a run is.
     */
    Linker linker(List<Record> records, CommandSpec spec, Set<String> leftIds, ProgressListener progress)
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
    List<LabelledPair> labelledPairs(Path file, List<Record> records, Set<String> leftIds, CommandSpec spec)
        throws Exception {
      Map<String, Record> byId = new java.util.HashMap<>();
      records.forEach(r -> byId.put(r.id(), r));
      List<LabelledPair> pairs = new ArrayList<>();
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String headerLine = r.readLine();
        if (headerLine == null) {
          throw new InsightException(file + " is empty; it needs a header row: left_id,right_id,match");
        }
        List<String> header = Csv.header(headerLine).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        int li = header.indexOf("left_id");
        int ri = header.indexOf("right_id");
        int mi = header.indexOf("match");
        if (li < 0 || ri < 0 || mi < 0) {
          throw new InsightException(file + " needs the columns left_id, right_id and match; its columns are " + header);
        }
        int line = 1;
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          line++;
          if (l.isBlank()) {
            continue;
          }
          List<String> cells = Csv.split(l);
          String a = Csv.cell(cells, li);
          String b = Csv.cell(cells, ri);
          Boolean match = verdict(Csv.cell(cells, mi));
          String problem = !byId.containsKey(a) ? "no record has the id '" + a + "'"
              : !byId.containsKey(b) ? "no record has the id '" + b + "'"
              : a.equals(b) ? "it pairs '" + a + "' with itself"
              : leftIds != null && leftIds.contains(a) == leftIds.contains(b)
                  ? "'" + a + "' and '" + b + "' are on the same side; a link pairs left with right"
              : match == null ? "match is '" + Csv.cell(cells, mi) + "'; write true or false" : null;
          if (problem != null) {
            spec.commandLine().getErr().printf("insight: %s line %d: %s; label skipped%n", file, line, problem);
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
        List<String> header = Csv.header(headerLine);
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
          String id = Csv.cell(cells, idIndex);
          if (id.isEmpty()) {
            spec.commandLine().getErr().printf("insight: %s line %d: no id in column '%s'; row skipped%n", file, line, idColumn);
            continue;
          }
          Map<String, List<String>> values = new LinkedHashMap<>();
          map.forEach((column, property) -> {
            String v = Csv.cell(cells, header.indexOf(column));
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

    void write(LinkResult result, CommandSpec spec) throws Exception {
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
      Files.writeString(out.resolve("model.json"), modelJson(result.parameters()), StandardCharsets.UTF_8);
      spec.commandLine().getOut().printf("%d records, %d candidate pairs, %d matches, %d clusters; wrote %s, %s and %s%n",
          result.blocking().records(), result.blocking().candidatePairs(), result.pairs().size(), result.clusters().size(),
          out.resolve("pairs.csv"), out.resolve("clusters.csv"), out.resolve("model.json"));
    }

    /** The model as JSON: how it was fitted, λ, and per comparison level m, u and the weight log2(m/u). */
    private String modelJson(ModelParameters p) {
      ObjectNode root = ModelJson.MAPPER.createObjectNode();
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

  @Command(name = "judge", mixinStandardHelpOptions = true,
      description = "Record an analyst's judgement on two records of the workspace; every later resolution honours it.")
  static final class Judge implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LEFT_ID") String left;
    @Parameters(index = "1", paramLabel = "RIGHT_ID") String right;

    @ArgGroup(exclusive = true, multiplicity = "1") Verdict verdict;

    static final class Verdict {
      @Option(names = "--same", description = "They are the same person: always in one cluster.") boolean same;
      @Option(names = "--different", description = "They are not: never in one cluster, even through others.") boolean different;
      @Option(names = "--unsure", description = "Undecided: recorded, changes nothing.") boolean unsure;
    }

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept with the judgement).")
    String reason;

    @Override
    public Integer call() {
      Judgement.Verdict v = verdict.same ? Judgement.Verdict.SAME
          : verdict.different ? Judgement.Verdict.DIFFERENT : Judgement.Verdict.UNSURE;
      try (SessionOptions.Opened ws = session.write()) {
        Session s = ws.session();
        MatchJudgement j = s.resolution().judge(EntityId.of(left), EntityId.of(right), v, reason);
        PrintWriter out = spec.commandLine().getOut();
        if (session.json) {
          Render.print(out, json(j));
        } else {
          out.printf("%s: %s %s %s by %s at %s%s%n", j.id(), j.left(), word(j.verdict()), j.right(), j.principal(),
              j.at(), j.reason().isEmpty() ? "" : " (" + j.reason() + ")");
        }
        return 0;
      }
    }
  }

  @Command(name = "resolve", mixinStandardHelpOptions = true,
      description = "Resolve the Person entities this session may see: clusters with stable ids, same-as links, merge/split events.")
  static final class Resolve implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Mixin ProgressOptions progress;
    @Spec CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Only the persons with a statement from this dataset.")
    String dataset;

    @Option(names = "--threshold", defaultValue = "0.9", paramLabel = "P",
        description = "Match probability at or above which a pair may link (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Override
    public Integer call() {
      ResolveOptions options = ResolveOptions.defaults().threshold(threshold);
      if (dataset != null) {
        options = options.dataset(dataset);
      }
      try (SessionOptions.Opened ws = session.write()) {
        Session s = ws.session();
        ResolutionRun run;
        try (ProgressDisplay display = progress.start(spec)) {
          run = s.resolution().run(options, display);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (session.json) {
          ObjectNode n = ModelJson.MAPPER.createObjectNode();
          n.put("run", run.run());
          n.put("records", run.records());
          n.put("candidatePairs", run.blocking().candidatePairs());
          n.put("links", run.links());
          ArrayNode cl = n.putArray("clusters");
          for (ResolvedCluster c : run.clusters()) {
            ObjectNode o = cl.addObject();
            o.put("id", c.id());
            ArrayNode m = o.putArray("members");
            c.members().forEach(id -> m.add(id.value()));
          }
          ArrayNode ev = n.putArray("events");
          run.events().forEach(e -> ev.add(json(e)));
          ArrayNode sk = n.putArray("skipped");
          run.skipped().forEach(sk::add);
          Render.print(out, n);
        } else {
          out.printf("%s: %d records, %d candidate pairs, %d clusters of two or more, %d same-as links, %d events%n",
              run.run(), run.records(), run.blocking().candidatePairs(), run.clusters().size(), run.links(),
              run.events().size());
          for (ResolvedCluster c : run.clusters()) {
            out.printf("  %s  %s%n", c.id(), String.join(" ", c.members().stream().map(EntityId::value).toList()));
          }
          run.events().forEach(e -> out.println("  " + line(e)));
          run.conflicts().forEach(j -> out.printf("  conflict: %s same %s refused (a different-judgement forbids it)%n",
              j.leftId(), j.rightId()));
          run.skipped().forEach(x -> out.println("  skipped: " + x));
        }
        return 0;
      }
    }
  }

  @Command(name = "events", mixinStandardHelpOptions = true,
      description = "List the merge and split events of the resolution runs this session can see, oldest first.")
  static final class Events implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (SessionOptions.Opened ws = session.read()) {
        Session s = ws.session();
        List<MatchEvent> events = s.resolution().events();
        PrintWriter out = spec.commandLine().getOut();
        if (session.json) {
          ArrayNode a = ModelJson.MAPPER.createArrayNode();
          events.forEach(e -> a.add(json(e)));
          Render.print(out, a);
        } else if (events.isEmpty()) {
          out.println("no merge or split events visible to this session");
        } else {
          events.forEach(e -> out.println(line(e)));
        }
        return 0;
      }
    }
  }

  @Command(name = "undo", mixinStandardHelpOptions = true,
      description = "Undo a merge or split event with judgements (different for a merge, same for a split); the next resolve applies them.")
  static final class Undo implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "EVENT_ID") String event;

    @Option(names = "--reason", paramLabel = "TEXT") String reason;

    @Override
    public Integer call() {
      try (SessionOptions.Opened ws = session.write()) {
        Session s = ws.session();
        List<MatchJudgement> judgements = s.resolution().undo(EntityId.of(event), reason);
        PrintWriter out = spec.commandLine().getOut();
        if (session.json) {
          ArrayNode a = ModelJson.MAPPER.createArrayNode();
          judgements.forEach(j -> a.add(json(j)));
          Render.print(out, a);
        } else {
          for (MatchJudgement j : judgements) {
            out.printf("%s: %s %s %s (%s)%n", j.id(), j.left(), word(j.verdict()), j.right(), j.reason());
          }
        }
        return 0;
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show an entity merged with the records resolution linked it to, as far as this session may see.")
  static final class Show implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID") String id;

    @Override
    public Integer call() {
      try (SessionOptions.Opened ws = session.read()) {
        Session s = ws.session();
        var view = s.resolution().resolved(EntityId.of(id));
        if (view.isEmpty()) {
          throw new CommandFailure("no entity " + id + " is visible to this session");
        }
        PrintWriter out = spec.commandLine().getOut();
        var v = view.get();
        if (session.json) {
          ObjectNode n = ModelJson.MAPPER.createObjectNode();
          n.put("id", v.id().value());
          v.cluster().ifPresent(c -> n.put("cluster", c));
          v.run().ifPresent(r -> n.put("run", r));
          ArrayNode m = n.putArray("members");
          v.members().forEach(e -> m.add(Render.json(e)));
          ArrayNode l = n.putArray("sameAs");
          v.sameAs().forEach(x -> {
            ObjectNode o = l.addObject();
            o.put("entity", x.source().value());
            o.put("match", x.target().value());
            o.put("score", x.entity().first("score").orElse(""));
            o.put("explanation", x.entity().first("explanation").orElse(""));
          });
          ArrayNode j = n.putArray("judgements");
          v.judgements().forEach(x -> j.add(json(x)));
          Render.print(out, n);
        } else {
          out.printf("%s  cluster %s (%d records)%n", v.id(), v.cluster().orElse("-"), v.members().size());
          v.members().forEach(e -> Render.entity(out, e));
          v.sameAs().forEach(x -> out.printf("  same-as %s ~ %s p=%s  %s%n", x.source(), x.target(),
              x.entity().first("score").orElse("?"), x.entity().first("explanation").orElse("")));
          v.judgements().forEach(x -> out.printf("  judged %s %s %s by %s at %s%n", x.left(), word(x.verdict()),
              x.right(), x.principal(), x.at()));
        }
        return 0;
      }
    }
  }

  static String word(Judgement.Verdict v) {
    return switch (v) {
      case SAME -> "same as";
      case DIFFERENT -> "different from";
      case UNSURE -> "unsure about";
    };
  }

  static String line(MatchEvent e) {
    List<String> parts = new ArrayList<>();
    e.parts().forEach((k, v) -> parts.add(k + "[" + String.join(" ", v.stream().map(EntityId::value).toList()) + "]"));
    return String.format(Locale.ROOT, "%s %s %s %s: %s (%s, %s)", e.id(), e.kind().name().toLowerCase(Locale.ROOT),
        e.cluster(), e.kind() == org.insight.match.ClusterEvent.Kind.MERGE ? "from" : "into",
        String.join(" + ", parts), e.run(), e.principal());
  }

  static ObjectNode json(MatchEvent e) {
    ObjectNode n = ModelJson.MAPPER.createObjectNode();
    n.put("id", e.id().value());
    n.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
    n.put("cluster", e.cluster());
    ObjectNode parts = n.putObject("parts");
    e.parts().forEach((k, v) -> {
      ArrayNode a = parts.putArray(k);
      v.forEach(id -> a.add(id.value()));
    });
    n.put("run", e.run());
    n.put("principal", e.principal());
    n.put("at", e.at().toString());
    n.put("label", e.label().toString());
    return n;
  }

  static ObjectNode json(MatchJudgement j) {
    ObjectNode n = ModelJson.MAPPER.createObjectNode();
    n.put("id", j.id().value());
    n.put("left", j.left().value());
    n.put("right", j.right().value());
    n.put("verdict", j.verdict().name().toLowerCase(Locale.ROOT));
    n.put("reason", j.reason());
    n.put("principal", j.principal());
    n.put("at", j.at().toString());
    n.put("label", j.label().toString());
    return n;
  }
}
