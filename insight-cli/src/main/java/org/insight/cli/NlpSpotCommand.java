package org.insight.cli;

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
import org.insight.core.json.ModelJson;
import org.insight.nlp.EntitySpotter;
import org.insight.nlp.KnownEntity;
import org.insight.nlp.Spot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "spot", mixinStandardHelpOptions = true,
    description = {"Known entities mentioned in standard input, from a CSV dictionary.",
        "Each CSV row is id,value[,kind] with kind person (default), organization, other or identifier; quote a value"
            + " holding a comma (\"AL-RASHID, Omar\"); several rows may share an id."})
final class NlpSpotCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--names", required = true, paramLabel = "FILE", description = "The CSV dictionary.")
  Path names;

  @Option(names = "--json", description = "JSON lines, one spot each.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(names)) {
      throw new InsightException("the dictionary " + names + " is not a file: give a CSV of id,name rows");
    }
    Map<String, KnownEntity.Kind> kinds = new LinkedHashMap<>();
    Map<String, List<String>> entityNames = new LinkedHashMap<>();
    Map<String, List<String>> identifiers = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(names, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> f = csv(line, names + ":" + (i + 1));
      if (f.size() < 2 || f.size() > 3 || f.get(0).isBlank()) {
        throw new InsightException(names + ":" + (i + 1) + ": expected id,value[,kind], got " + f.size() + " field(s)");
      }
      String id = f.get(0).trim();
      String kind = f.size() == 3 ? f.get(2).trim().toLowerCase(Locale.ROOT) : "person";
      entityNames.computeIfAbsent(id, k -> new ArrayList<>());
      identifiers.computeIfAbsent(id, k -> new ArrayList<>());
      switch (kind) {
        case "identifier" -> identifiers.get(id).add(f.get(1));
        case "person", "organization", "other" -> {
          entityNames.get(id).add(f.get(1));
          kinds.putIfAbsent(id, KnownEntity.Kind.valueOf(kind.toUpperCase(Locale.ROOT)));
        }
        default -> throw new InsightException(names + ":" + (i + 1) + ": unknown kind '" + kind
            + "': use person, organization, other or identifier");
      }
    }
    EntitySpotter.Builder b = EntitySpotter.builder();
    entityNames.forEach((id, ns) -> b.add(KnownEntity.of(id, kinds.getOrDefault(id, KnownEntity.Kind.PERSON), ns,
        identifiers.get(id))));
    EntitySpotter spotter = b.build();
    var out = spec.commandLine().getOut();
    for (Spot s : spotter.spot(NlpCommand.stdin())) {
      if (json) {
        var n = Json.object();
        n.put("start", s.start()).put("end", s.end()).put("text", s.text()).put("entity", s.entityId())
            .put("alias", s.alias()).put("kind", s.kind().name().toLowerCase(Locale.ROOT)).put("score", s.score());
        Render.print(out, n);
      } else {
        out.printf(Locale.ROOT, "[%d,%d) %-30s → %s (%s %s) %.2f%n", s.start(), s.end(), s.text(), s.entityId(),
            s.kind().name().toLowerCase(Locale.ROOT), s.alias(), s.score());
      }
    }
    EntitySpotter.Stats st = spotter.stats();
    if (st.namesTooUnspecific() + st.identifiersRejected() > 0) {
      spec.commandLine().getErr().println("not looked for: " + st.namesTooUnspecific() + " name(s) too unspecific"
          + " (a person needs two distinctive tokens), " + st.identifiersRejected() + " identifier(s) too short");
    }
    return 0;
  }

  /** One CSV line: comma-separated, double quotes around a field holding commas, "" for a quote inside one. */
  static List<String> csv(String line, String where) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"' && f.toString().isBlank()) {
        quoted = true;
        f.setLength(0);
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    if (quoted) {
      throw new InsightException(where + ": a quoted field is not closed");
    }
    out.add(f.toString());
    return out;
  }
}
