package org.insight.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.insight.core.json.ModelJson;
import org.insight.search.Query;
import org.insight.workspace.Export;
import org.insight.workspace.ExportOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight export --format ftm|ftm-statements|jsonl|csv --out FILE}: what the session may see, in a file to take elsewhere. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write the entities this session may see — each with only its visible statements — to a file:"
        + " FollowTheMoney JSON lines (ftm) or statement CSV (ftm-statements, each row with its label), or this SDK's own"
        + " JSON lines (jsonl) or CSV (csv) with every statement's label and provenance. A header (the first jsonl line, or FILE.meta.json beside an ftm or csv file) names"
        + " the exporting principal, the purpose, the time and the conjunction of the labels of everything exported;"
        + " the receiving system must keep that label on the data. One audit entry, written before any data, names what went out (counts, label, SHA-256 of the ids and of the file, the ids up to 10,000).",
        "Example: insight export --format ftm --type Person --type Company --out persons.ftm.json --auths OSINT"})
final class ExportCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "ftm", paramLabel = "ftm|ftm-statements|jsonl|csv",
      description = "ftm (FollowTheMoney JSON lines), ftm-statements (FollowTheMoney statement CSV, each row with its"
          + " label), jsonl or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--type", paramLabel = "TYPE", description = "Only entities of this type and its sub-types"
      + " (repeatable; default: all).")
  List<String> types = new ArrayList<>();

  @Option(names = "--query", paramLabel = "QUERY", description = "Only entities this search query finds.")
  String query;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the file.")
  Path out;

  @Override
  public Integer call() {
    ExportOptions.Shape shape;
    try {
      shape = ExportOptions.Shape.parse(format);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--format: ftm, ftm-statements, jsonl or csv, got " + format);
    }
    ExportOptions options = ExportOptions.all().types(types.toArray(String[]::new)).shape(shape);
    if (query != null) {
      options = options.query(Arguments.parse(spec, "--query", () -> Query.parse(query)));
    }
    Export export;
    Path sidecar = shape == ExportOptions.Shape.JSONL ? null : out.resolveSibling(out.getFileName() + ".meta.json");
    try (SessionOptions.Opened opened = session.read();
         Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      export = opened.session().export(options, w);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
    ObjectNode header = export.header();
    if (sidecar != null) {
      try {
        Files.writeString(sidecar, ModelJson.write(header) + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + sidecar + ": " + e.getMessage(), e);
      }
    }
    if (session.json) {
      ObjectNode n = Render.versioned();
      n.put("out", out.toString());
      if (sidecar != null) {
        n.put("sidecar", sidecar.toString());
      }
      n.set("header", header);
      Render.print(spec.commandLine().getOut(), n);
    } else {
      spec.commandLine().getOut().println("exported " + export.entities() + " entities ("
          + export.statements() + " statements) to " + out + (sidecar == null ? "" : ", header in " + sidecar)
          + "; label " + export.label().map(Object::toString).orElse("- (nothing exported)"));
      if (header.has("omitted") && !header.get("omitted").get("types").isEmpty()) {
        spec.commandLine().getOut().println("not in FtM (left out): " + header.get("omitted").get("types"));
      }
    }
    return 0;
  }
}
