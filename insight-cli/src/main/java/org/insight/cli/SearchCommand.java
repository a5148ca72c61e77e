package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.InsightException;
import org.insight.core.json.ModelJson;
import org.insight.search.Hit;
import org.insight.search.Query;
import org.insight.search.SearchResult;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Search what the session may see: words, \"phrases\", name:, passport:, phone:, type:, "
        + "birthDate:[1970 TO 1980], near:48.85,2.35,10km, AND/OR/NOT, wildcards (petr*) and fuzzy words (ivan~).",
        "--any: a question or description typed as a sentence; any word may match, ranked by BM25 "
            + "(in a query: any:\"who drove the blue van\" dataset:reports).",
        "Batch: --queries FILE (one query per line, or CSV with a header id,query) --out FILE (.csv or .jsonl)."})
final class SearchCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "QUERY", arity = "0..1", description = "The query (omit with --queries).")
  String query;

  @Option(names = "--limit", defaultValue = "10", description = "Hits per query (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "Skip this many hits.")
  int offset;

  @Option(names = "--facets", description = "Count matches by schema, dataset, country, language, year and grading.")
  boolean facets;

  @Option(names = "--target", defaultValue = "all", description = "entities, documents or all (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(names = "--sort", defaultValue = "score", description = "score, name or date (default: ${DEFAULT-VALUE}).")
  String sort;

  @Option(names = "--any", description = "Natural-language words, any of which may match, ranked by BM25 over what "
      + "the session may see (no operators or fields are read); without it every word must match.")
  boolean any;

  @Option(names = "--queries", paramLabel = "FILE", description = "Run every query in FILE.")
  Path queries;

  @Option(names = "--out", paramLabel = "FILE", description = "Where batch results go (.csv or .jsonl).")
  Path out;

  @Mixin ProgressOptions progress;

  @Override
  public Integer call() throws Exception {
    if ((query == null) == (queries == null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either a QUERY or --queries FILE");
    }
    if (queries != null && out == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--queries needs --out FILE");
    }
    try (SessionOptions.Opened ws = session.read()) {
      Session s = ws.session();
      return queries == null ? single(s) : batch(s);
    }
  }

  private Query parsed(String text) {
    return any ? Query.anyOf(text) : Query.parse(text);
  }

  private Query shape(Query q) {
    Query shaped = q.limit(limit).offset(offset).sort(enumValue(Query.Sort.class, sort, "--sort"));
    Query.Target t = enumValue(Query.Target.class, target, "--target");
    if (t != Query.Target.ALL) {
      shaped = shaped.target(t);
    }
    return facets ? shaped.facets(Query.Facet.values()) : shaped;
  }

  private int single(Session s) {
    SearchResult r = s.search(shape(parsed(query)));
    PrintWriter w = spec.commandLine().getOut();
    if (session.json) {
      Render.print(w, json(r));
      return 0;
    }
    w.printf(Locale.ROOT, "total %d (entities %d, documents %d)%n", r.total(), r.entities(), r.documents());
    int rank = r.offset();
    for (Hit h : r.hits()) {
      w.printf(Locale.ROOT, "%3d. %-8s %-44s %.3f  %s%n", ++rank, h.kind().name().toLowerCase(Locale.ROOT), h.id(), h.score(), h.caption());
      for (String snippet : h.highlights()) {
        w.printf(Locale.ROOT, "       … %s …%n", snippet.length() > 200 ? snippet.substring(0, 200) : snippet);
      }
    }
    r.facets().forEach((facet, counts) -> {
      if (!counts.isEmpty()) {
        w.printf(Locale.ROOT, "%s: %s%n", facet.name().toLowerCase(Locale.ROOT),
            String.join(", ", counts.stream().map(c -> c.value() + " (" + c.count() + ")").toList()));
      }
    });
    return 0;
  }

  static ObjectNode json(SearchResult r) {
    ObjectNode n = Json.object();
    n.put("total", r.total());
    n.put("entities", r.entities());
    n.put("documents", r.documents());
    ArrayNode hits = n.putArray("hits");
    for (Hit h : r.hits()) {
      ObjectNode hit = hits.addObject();
      hit.put("kind", h.kind().name().toLowerCase(Locale.ROOT));
      hit.put("id", h.id());
      hit.put("score", h.score());
      hit.put("caption", h.caption());
      h.entity().ifPresent(e -> hit.set("entity", Render.json(e)));
      h.document().ifPresent(d -> hit.set("document", Render.json(d)));
      ArrayNode hl = hit.putArray("highlights");
      h.highlights().forEach(hl::add);
    }
    ObjectNode facets = n.putObject("facets");
    r.facets().forEach((f, counts) -> {
      ArrayNode a = facets.putArray(f.name().toLowerCase(Locale.ROOT));
      counts.forEach(c -> a.addObject().put("value", c.value()).put("count", c.count()));
    });
    return n;
  }

  /** One query per line, or a CSV whose header is id,query; results as CSV or JSON lines. */
  private int batch(Session s) throws Exception {
    List<String[]> items = new ArrayList<>();
    String first;
    try (BufferedReader r = Files.newBufferedReader(queries, StandardCharsets.UTF_8)) {
      first = r.readLine();
    }
    boolean csv = first != null && first.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replace(" ", "").equals("id,query");
    if (csv) {
      try (CsvFile file = CsvFile.open(queries, ": id,query")) {
        for (CsvFile.Row row : file) {
          if (row.cells().size() < 2) {
            throw new InsightException(queries + " line " + row.line() + ": expected id,query");
          }
          // an unquoted query may hold commas: everything after the id is the query
          items.add(new String[] {row.cell(0), String.join(",", row.cells().subList(1, row.cells().size())).trim()});
        }
      }
    } else {
      try (BufferedReader r = Files.newBufferedReader(queries, StandardCharsets.UTF_8)) {
        int line = 0;
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          line++;
          String q = (line == 1 ? l.replace("\uFEFF", "") : l).trim();
          if (!q.isEmpty()) {
            items.add(new String[] {Integer.toString(line), q});
          }
        }
      }
    }
    boolean jsonl = out.toString().endsWith(".jsonl") || out.toString().endsWith(".json");
    int failed = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        ProgressDisplay display = progress.start(spec)) {
      if (!jsonl) {
        w.write("query_id,rank,kind,item_id,score,caption\n");
      }
      long done = 0;
      for (String[] item : items) {
        display.progress("search", done++, items.size());
        SearchResult result;
        try {
          result = s.search(shape(parsed(item[1])));
        } catch (InsightException e) {
          failed++;
          spec.commandLine().getErr().println("insight: query " + item[0] + ": " + e.getMessage());
          continue;
        }
        int rank = result.offset();
        for (Hit h : result.hits()) {
          rank++;
          if (jsonl) {
            ObjectNode n = Render.versioned();
            n.put("query_id", item[0]).put("rank", rank).put("kind", h.kind().name().toLowerCase(Locale.ROOT))
                .put("item_id", h.id()).put("score", h.score()).put("caption", h.caption());
            w.write(ModelJson.write(n) + "\n");
          } else {
            w.write(String.join(",", CsvFile.quote(item[0]), Integer.toString(rank), h.kind().name().toLowerCase(Locale.ROOT),
                h.id(), String.format(Locale.ROOT, "%.4f", h.score()), CsvFile.quote(h.caption())) + "\n");
          }
        }
      }
      display.progress("search", items.size(), items.size());
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "ran %d queries (%d failed), results in %s%n", items.size(), failed, out);
    return failed == 0 ? 0 : 1;
  }

  private <E extends Enum<E>> E enumValue(Class<E> type, String value, String option) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + " must be one of "
          + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", not '" + value + "'");
    }
  }
}
