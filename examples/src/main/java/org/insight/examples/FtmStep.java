package org.insight.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.insight.core.Dataset;
import org.insight.core.ftm.FtmReader;
import org.insight.core.json.ModelJson;
import org.insight.match.FtmWatchList;
import org.insight.match.ScreeningHit;
import org.insight.match.ScreeningQuery;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.insight.workspace.Export;
import org.insight.workspace.ExportOptions;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * The demo's interop step: screening against a public sanctions list in FollowTheMoney form (no mapping written),
 * then what the Lyon investigator may see exported as FtM for another tool, with a sidecar that says who took it out
 * and under which label.
 */
final class FtmStep {
  static final String LIST = "sample/sanctions.ftm.jsonl";

  private FtmStep() {}

  static void run(Workspace ws, Path dir, PrintWriter out) {
    out.println("FollowTheMoney: screen against a public sanctions list, export for another tool");
    FtmWatchList list;
    try (InputStream in = FtmStep.class.getResourceAsStream(LIST)) {
      list = FtmWatchList.read(in, "sanctions.ftm.jsonl", FtmReader.builder(Dataset.of("demo-sanctions",
          Label.of("OPEN"), SourceGrading.parse("A1"))).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<ScreeningHit> hits = list.screening().candidates(ScreeningQuery.of("Иван Петров").withBirthDate("1975"), 1);
    ScreeningHit top = hits.get(0);
    out.printf(Locale.ROOT, "   'Иван Петров' (1975) against the list (%d persons): %s, p=%.2f; %s%n", list.size(),
        top.id(), top.probability(), list.attributes(top.id()));
    Demo.Reader lyon = Demo.READERS.get(1);
    try (Session s = ws.session(lyon.principal(), lyon.purpose())) {
      Path file = dir.resolve("export-lyon.ftm.jsonl");
      Export export;
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        export = s.export(ExportOptions.all().types("Person"), w);
      }
      Files.writeString(dir.resolve("export-lyon.ftm.jsonl.meta.json"),
          ModelJson.write(export.header()) + "\n", StandardCharsets.UTF_8);
      out.printf(Locale.ROOT, "   investigator.lyon exported %d persons to %s (one audit entry); its sidecar names"
          + " the label %s%n", export.ftm().orElseThrow().written(), file.getFileName(),
          export.label().map(Object::toString).orElse("-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }
}
