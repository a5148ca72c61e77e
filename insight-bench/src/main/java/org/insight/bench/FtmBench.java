package org.insight.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.insight.core.Dataset;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.workspace.Export;
import org.insight.workspace.ExportOptions;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * FollowTheMoney in and out: {@code N} generated FtM entities (JSON lines: 60% Person, 25% Company, 10% Ownership,
 * 5% Sanction; OpenSanctions-like properties and topics) imported through {@code Session.ingest} (the FtM table,
 * cleaning, provenance, durable writes, the index) against a plain Jackson parse of the same file into maps, then
 * exported again ({@code Session.export}: the visible-data scan, the FtM table, spool, audit, copy) as FtM JSON lines
 * and as FtM statement CSV against plain Jackson writing the same parsed maps. Side by side in one JVM; rates, ratios
 * and peak heap of each.
 *
 * <pre>./run-bench ftm [N]</pre>
 */
public final class FtmBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] GIVEN = {"Ivan", "Amina", "Marco", "Lucía", "Jean", "Karim", "Dieter", "Olga", "Иван",
      "Ольга"};
  private static final String[] FAMILY = {"Petrov", "El-Khoury", "Rossi", "Fernández", "Moreau", "Benali", "Klein",
      "Петров"};
  private static final String[] COUNTRIES = {"ru", "fr", "de", "it", "es", "cy", "ae", "gb"};
  private static final String[] TOPICS = {"sanction", "crime", "wanted", "role.pep", "poi"};

  private FtmBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path root = Files.createTempDirectory("insight-ftm-bench");
    try (PeakHeap heap = PeakHeap.start()) {
      Path file = root.resolve("entities.ftm.jsonl");
      long bytes = generate(file, n);
      System.out.printf(Locale.ROOT, "FtmBench: %,d FtM entities, %.1f MB of JSON lines%n", n, bytes / 1e6);

      // baseline import: a plain Jackson parse of every line into a map
      System.gc();
      heap.reset();
      long t0 = System.nanoTime();
      List<Map<?, ?>> parsed = parse(file);
      long parse = System.nanoTime() - t0;
      long parseHeap = heap.peakBytes();

      // ours: the whole import
      Path wsDir = root.resolve("ws");
      Dataset ds = Dataset.of("osint", Label.of("OPEN"), SourceGrading.parse("B2"));
      try (Workspace ws = Workspace.open(wsDir);
           Session s = ws.session(Principal.of("bench", "OPEN"), Purpose.CRIMINAL_INVESTIGATION)) {
        int parsedCount = parsed.size();
        parsed = null; // not held while ours runs: its peak heap is its own
        System.gc();
        heap.reset();
        long t1 = System.nanoTime();
        IngestReport report = s.ingest(IngestRequest.builder(ds).source(IngestSource.file(file)).ftm(ws.schema())
            .build());
        long ingest = System.nanoTime() - t1;
        long ingestHeap = heap.peakBytes();
        System.out.printf(Locale.ROOT, "import: ours %,.0f entities/s (%.1f s, %,d entities, %d failures, peak heap %d MB)"
            + " | Jackson parse to maps %,.0f entities/s (%.2f s, peak heap %d MB) | ratio %.1fx%n",
            parsedCount / sec(ingest), sec(ingest), report.entities(), report.failures().size(), ingestHeap >> 20,
            n / sec(parse), sec(parse), parseHeap >> 20, (double) ingest / parse);

        for (ExportOptions.Shape shape : List.of(ExportOptions.Shape.FTM, ExportOptions.Shape.FTM_STATEMENTS)) {
          Path out = root.resolve("export." + shape.text());
          System.gc();
          heap.reset();
          long t2 = System.nanoTime();
          Export export;
          try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            export = s.export(ExportOptions.all().shape(shape), w);
          }
          long ours = System.nanoTime() - t2;
          long oursHeap = heap.peakBytes();

          Path base = root.resolve("baseline." + shape.text());
          List<Map<?, ?>> keep = parse(file); // the baseline writes maps it holds (parsing them is not timed)
          System.gc();
          heap.reset();
          long t3 = System.nanoTime();
          if (shape == ExportOptions.Shape.FTM) {
            writeLines(keep, base);
          } else {
            writeStatements(keep, base);
          }
          long theirs = System.nanoTime() - t3;
          long theirHeap = heap.peakBytes();
          System.out.printf(Locale.ROOT, "export %s: ours %,.0f entities/s (%.1f s, %,d entities, %,d statements, %.1f MB,"
              + " peak heap %d MB) | Jackson writing the parsed maps %,.0f entities/s (%.2f s, %.1f MB, peak heap %d MB"
              + " with the maps held) | ratio %.1fx%n", shape.text(), export.entities() / sec(ours), sec(ours),
              export.entities(), export.statements(), Files.size(out) / 1e6, oursHeap >> 20, keep.size() / sec(theirs),
              sec(theirs), Files.size(base) / 1e6, theirHeap >> 20, (double) ours / theirs);
        }
      }
    } finally {
      FoundationBench.delete(root);
    }
  }

  private static List<Map<?, ?>> parse(Path file) throws IOException {
    List<Map<?, ?>> parsed = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        parsed.add(JSON.readValue(line, Map.class));
      }
    }
    return parsed;
  }

  private static double sec(long nanos) {
    return nanos / 1e9;
  }

  private static void writeLines(List<Map<?, ?>> entities, Path out) throws IOException {
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (Map<?, ?> e : entities) {
        w.write(JSON.writeValueAsString(e));
        w.write('\n');
      }
    }
  }

  /** One CSV row per value, as a plain writer of FtM statements would (no id hashing, no labels). */
  private static void writeStatements(List<Map<?, ?>> entities, Path out) throws IOException {
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("entity_id,prop,schema,value\r\n");
      for (Map<?, ?> e : entities) {
        Map<?, ?> props = (Map<?, ?>) e.get("properties");
        for (Map.Entry<?, ?> p : props.entrySet()) {
          for (Object v : (List<?>) p.getValue()) {
            w.write(e.get("id") + "," + p.getKey() + "," + e.get("schema") + "," + csv(v.toString()) + "\r\n");
          }
        }
      }
    }
  }

  private static String csv(String v) {
    return v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 ? v : '"' + v.replace("\"", "\"\"") + '"';
  }

  private static long generate(Path file, int n) throws IOException {
    Random rnd = new Random(17);
    int persons = (int) (n * 0.60);
    int companies = (int) (n * 0.25);
    int ownerships = (int) (n * 0.10);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
         JsonGenerator g = JSON.getFactory().createGenerator(w)) {
      for (int i = 0; i < n; i++) {
        Map<String, Object> e = new LinkedHashMap<>();
        Map<String, List<String>> p = new LinkedHashMap<>();
        if (i < persons) {
          e.put("id", "NK-p" + i);
          e.put("schema", "Person");
          String name = GIVEN[rnd.nextInt(GIVEN.length)] + " " + FAMILY[rnd.nextInt(FAMILY.length)] + " " + i;
          p.put("name", List.of(name));
          if (rnd.nextBoolean()) {
            p.put("alias", List.of(FAMILY[rnd.nextInt(FAMILY.length)] + " " + GIVEN[rnd.nextInt(GIVEN.length)]));
          }
          p.put("birthDate", List.of(String.format(Locale.ROOT, "%d-%02d-%02d", 1940 + rnd.nextInt(60),
              1 + rnd.nextInt(12), 1 + rnd.nextInt(28))));
          p.put("nationality", List.of(COUNTRIES[rnd.nextInt(COUNTRIES.length)]));
          p.put("topics", List.of(TOPICS[rnd.nextInt(TOPICS.length)]));
        } else if (i < persons + companies) {
          e.put("id", "NK-c" + i);
          e.put("schema", "Company");
          p.put("name", List.of(FAMILY[rnd.nextInt(FAMILY.length)] + " Holdings " + i + " Ltd"));
          p.put("jurisdiction", List.of(COUNTRIES[rnd.nextInt(COUNTRIES.length)]));
          p.put("registrationNumber", List.of("HE" + (100000 + i)));
          p.put("incorporationDate", List.of(Integer.toString(1990 + rnd.nextInt(30))));
        } else if (i < persons + companies + ownerships) {
          e.put("id", "own-" + i);
          e.put("schema", "Ownership");
          p.put("owner", List.of("NK-p" + rnd.nextInt(persons)));
          p.put("asset", List.of("NK-c" + (persons + rnd.nextInt(companies))));
          p.put("percentage", List.of(Integer.toString(1 + rnd.nextInt(100))));
        } else {
          e.put("id", "san-" + i);
          e.put("schema", "Sanction");
          p.put("entity", List.of("NK-p" + rnd.nextInt(persons)));
          p.put("program", List.of("EU-" + COUNTRIES[rnd.nextInt(COUNTRIES.length)].toUpperCase(Locale.ROOT)));
          p.put("authority", List.of("Council of the EU"));
          p.put("listingDate", List.of(Integer.toString(2014 + rnd.nextInt(10))));
        }
        e.put("properties", p);
        e.put("datasets", List.of("bench"));
        g.writeObject(e);
        g.writeRaw('\n');
      }
    }
    return Files.size(file);
  }
}
