package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.Schema;
import org.insight.ingest.MappedRecord;
import org.insight.ingest.RecordFormat;
import org.insight.ingest.RecordMapping;
import org.insight.ingest.RecordReader;
import org.insight.ingest.RecordSummary;
import org.insight.ingest.RowProblem;
import org.insight.policy.Label;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "records", mixinStandardHelpOptions = true,
    description = "Structured record files (CSV, TSV, JSON, JSON-lines) through a record mapping.",
    subcommands = {RecordsCommand.Check.class, RecordsCommand.Mappings.class})
final class RecordsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Dry run: what a file would produce through a mapping, and every bad row with its line and "
          + "reason. Nothing is stored; no workspace is needed. Exit code 1 when a row has a problem.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The CSV, TSV, JSON or JSON-lines file.")
    Path file;

    @Option(names = "--mapping", required = true, paramLabel = "NAME|FILE",
        description = "A built-in mapping (cdr, notice, persons, transfers) or a mapping file (JSON).")
    String mapping;

    @Option(names = "--dataset", defaultValue = "records-check", paramLabel = "NAME",
        description = "The dataset name, which entity ids derive from (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--format", paramLabel = "csv|tsv|json|jsonl", description = "Override the format.")
    String format;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Text encoding of CSV/TSV/JSON-lines files.")
    Charset encoding;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV delimiter (\\t for tab).")
    String delimiter;

    @Option(names = "--show", defaultValue = "3", paramLabel = "N",
        description = "How many loaded rows to show (default: ${DEFAULT-VALUE}).")
    int show;

    @Option(names = "--json", description = "One JSON object: summary, the first rows, every problem.")
    boolean json;

    @Override
    public Integer call() {
      RecordMapping m = RecordMapping.resolve(mapping, Schema.defaults());
      RecordReader.Builder b = RecordReader.builder(m, Dataset.of(dataset, Label.of("CHECK"), null));
      if (format != null) {
        b.format(RecordFormat.forId(format));
      }
      if (encoding != null) {
        b.charset(encoding);
      }
      if (delimiter != null) {
        String d = delimiter.equals("\\t") ? "\t" : delimiter;
        if (d.length() != 1) {
          throw new IllegalArgumentException("--delimiter must be one character, not '" + delimiter + "'");
        }
        b.delimiter(d.charAt(0));
      }
      List<MappedRecord> shown = new ArrayList<>();
      List<RowProblem> problems = new ArrayList<>();
      Set<String> distinct = new HashSet<>();
      RecordSummary s = b.build().read(file, r -> {
        r.all().forEach(e -> distinct.add(e.id().value()));
        if (r.ok() && shown.size() < show) {
          shown.add(r);
        }
        problems.addAll(r.problems());
      });
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode n = Json.object();
        n.put("file", s.file()).put("mapping", m.name()).put("rows", s.rows()).put("loaded", s.loaded())
            .put("entities", s.entities()).put("links", s.links()).put("distinct", distinct.size())
            .put("problemCount", s.problemCount()).put("complete", s.complete());
        ArrayNode records = n.putArray("records");
        for (MappedRecord r : shown) {
          ObjectNode rn = records.addObject().put("line", r.line()).put("record", r.recordId());
          ArrayNode es = rn.putArray("entities");
          r.entities().forEach(e -> es.add(brief(e)));
          ArrayNode ls = rn.putArray("links");
          r.links().forEach(e -> ls.add(brief(e)));
        }
        ArrayNode ps = n.putArray("problems");
        problems.forEach(p -> {
          ObjectNode pn = ps.addObject().put("file", p.file()).put("line", p.line()).put("reason", p.reason());
          if (p.valueLeftOut()) {
            pn.put("column", p.column()).put("value", p.value()); // left out; the row loaded with the rest
          }
        });
        Render.print(out, n);
      } else {
        out.printf(Locale.ROOT, "%s through mapping '%s': %d rows, %d loaded, %d entities and %d links (%d distinct ids), "
            + "%d problems%s%n", s.file(), m.name(), s.rows(), s.loaded(), s.entities(), s.links(), distinct.size(),
            s.problemCount(), s.complete() ? "" : " — reading stopped early");
        for (MappedRecord r : shown) {
          out.printf(Locale.ROOT, "%nline %d (%s)%n", r.line(), r.recordId());
          for (Entity e : r.all()) {
            out.printf(Locale.ROOT, "  %-12s %s  %s%n", e.schema(), e.id(), e.properties());
          }
        }
        if (!problems.isEmpty()) {
          out.println();
          out.println("problems:");
          problems.forEach(p -> out.println("  " + p));
        }
      }
      return problems.isEmpty() ? 0 : 1;
    }

    private static ObjectNode brief(Entity e) {
      ObjectNode n = Json.object();
      n.put("id", e.id().value()).put("schema", e.schema());
      ObjectNode props = n.putObject("properties");
      e.properties().forEach((k, v) -> {
        ArrayNode a = props.putArray(k);
        v.forEach(a::add);
      });
      return n;
    }
  }

  @Command(name = "mappings", mixinStandardHelpOptions = true, description = "The built-in record mappings.")
  static final class Mappings implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (String name : RecordMapping.builtInNames()) {
        RecordMapping m = RecordMapping.builtIn(name);
        out.printf(Locale.ROOT, "%-10s %s%n", name, m.description());
      }
      return 0;
    }
  }
}
