package org.insight.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityBuilder;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.graph.Network;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.report.HtmlProduct;
import org.insight.report.Product;
import org.insight.report.Reports;
import org.insight.search.Query;
import org.insight.workspace.GraphOptions;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * A subject profile of a heavy entity — {@code STATEMENTS} statements, {@code DOCUMENTS} documents naming it and a
 * neighbourhood of {@code EDGES} associate links — made through {@link Reports} and written as HTML, against a baseline
 * run side by side: the same session reads (entity, graph neighbourhood, document search, points, flags) without
 * building or rendering a product. Prints times (best of 3), the HTML file size and peak heap.
 *
 * <pre>./run-bench report [STATEMENTS] [DOCUMENTS] [EDGES] [KEEP_HTML]</pre>
 */
public final class ReportBench {
  private static final Principal READER = Principal.of("analyst", "FR", "POLICE");
  private static final Principal WRITER = Principal.of("loader", "FR", "POLICE");
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final EntityId SUBJECT = EntityId.of("subject");
  private static final String[] PROPERTIES = {"alias", "notes", "phone", "email", "address", "passportNumber"};

  private ReportBench() {}

  public static void main(String[] args) throws Exception {
    int statements = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int documents = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int edges = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
    Path root = Files.createTempDirectory("insight-report-bench");
    try (PeakHeap heap = PeakHeap.start(); Workspace ws = Workspace.builder(root.resolve("ws")).open()) {
      long t0 = System.nanoTime();
      fill(ws, statements, documents, edges);
      System.out.printf(Locale.ROOT, "ReportBench: subject with %,d statements, %,d documents, %,d associate links;"
          + " written in %.1f s%n", statements, documents, edges, (System.nanoTime() - t0) / 1e9);
      Session s = ws.session(READER, CI);
      Reports reports = Reports.of(s);

      long a = System.nanoTime();
      Product cold = reports.profile(SUBJECT);
      long b = System.nanoTime();
      System.out.printf(Locale.ROOT, "cold (builds the graph of the workspace first): profile %.0f ms%n", ms(b - a));
      heap.reset();
      double bestProduct = Double.MAX_VALUE;
      double bestRender = Double.MAX_VALUE;
      double bestBaseline = Double.MAX_VALUE;
      long size = 0;
      for (int round = 0; round < 3; round++) {
        long c = System.nanoTime();
        long read = baseline(s);
        long d = System.nanoTime();
        Product p = reports.profile(SUBJECT);
        long e = System.nanoTime();
        Path html = HtmlProduct.write(p, root.resolve("profile.html"));
        long f = System.nanoTime();
        size = Files.size(html);
        bestBaseline = Math.min(bestBaseline, ms(d - c));
        bestProduct = Math.min(bestProduct, ms(e - d));
        bestRender = Math.min(bestRender, ms(f - e));
        if (round == 0) {
          System.out.printf(Locale.ROOT, "baseline reads returned %,d items; the product holds %d sections%n", read,
              p.sections().size());
        }
      }
      System.out.printf(Locale.ROOT, "%-44s %,10.0f ms%n", "baseline: the same reads, no product", bestBaseline);
      System.out.printf(Locale.ROOT, "%-44s %,10.0f ms  (%.2fx the baseline)%n", "profile (reads + model, one audit)",
          bestProduct, bestProduct / bestBaseline);
      System.out.printf(Locale.ROOT, "%-44s %,10.0f ms%n", "HTML written", bestRender);
      System.out.printf(Locale.ROOT, "%-44s %,10.0f ms  (aim < 5,000)%n", "profile + HTML", bestProduct + bestRender);
      System.out.printf(Locale.ROOT, "%-44s %,10.2f MB  (aim < 5 MB)%n", "HTML file size", size / 1e6);
      System.out.printf(Locale.ROOT, "%-44s %,10.0f MB%n", "peak heap (warm rounds)", heap.peakBytes() / 1e6);
      if (args.length > 3) {
        Files.copy(root.resolve("profile.html"), Path.of(args[3]), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      if (cold.sections().isEmpty()) {
        throw new IllegalStateException("an empty profile");
      }
    } finally {
      FoundationBench.delete(root);
    }
  }

  /** What the profile reads, through the same session, without building anything. */
  private static long baseline(Session s) {
    long n = s.entity(SUBJECT).orElseThrow().statements().size();
    Network g = s.graph(GraphOptions.defaults());
    n += g.neighbourhood(SUBJECT, 1).edges().size();
    n += s.search(Query.phrase("Viktor Orlanov").target(Query.Target.DOCUMENTS).highlight(true).limit(2_000))
        .hits().size();
    n += s.geo().points().size();
    n += s.flags(null, 0, 1000).items().size();
    n += s.resolution().resolved(SUBJECT).map(r -> r.members().size()).orElse(0);
    return n;
  }

  private static void fill(Workspace ws, int statements, int documents, int edges) {
    Dataset ds = Dataset.of("fr-police-records", Label.of("FR&POLICE"), SourceGrading.parse("B2"));
    Session w = ws.session(WRITER, CI);
    EntityBuilder subject = ds.entity("Person", "subject").id(SUBJECT).add("name", "Viktor Orlanov")
        .add("birthDate", "1971-04-02");
    for (int i = 0; i < statements - 2; i++) {
      String property = PROPERTIES[i % PROPERTIES.length];
      String value = switch (property) {
        case "phone" -> String.format(Locale.ROOT, "+3361%07d", i);
        case "email" -> "v" + i + "@example.org";
        case "passportNumber" -> "P" + (1_000_000 + i);
        default -> property + " " + i + " of Viktor Orlanov";
      };
      subject.add(property, value);
    }
    List<Entity> batch = new ArrayList<>();
    batch.add(subject.build());
    for (int i = 0; i < edges; i++) {
      batch.add(ds.entity("Person", "p" + i).id(EntityId.of("p" + i)).add("name", "Person " + i).build());
      batch.add(ds.entity("Associate", "as" + i).id(EntityId.of("as" + i)).add("person", SUBJECT.value())
          .add("associate", "p" + i).add("startDate", (2000 + i % 25) + "-01").build());
      if (batch.size() >= 2_000) {
        w.add(batch);
        batch.clear();
      }
    }
    w.add(batch);
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < documents; i++) {
      String text = "Report " + i + ": Viktor Orlanov was seen with Person " + (i % Math.max(1, edges))
          + " near the harbour; the informant graded it B2. " + "Further detail follows. ".repeat(20);
      ContentHash hash = w.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      docs.add(new Document(null, hash, "report " + i, text, "en", Map.of(), null, null, Label.of("FR&POLICE"),
          Provenance.of("fr-police-reports", "r" + i, "text:plain", SourceGrading.parse("B2")).withContentHash(hash)));
      if (docs.size() >= 500) {
        w.addDocuments(docs);
        docs.clear();
      }
    }
    if (!docs.isEmpty()) {
      w.addDocuments(docs);
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
