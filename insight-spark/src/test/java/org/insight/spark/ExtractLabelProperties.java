package org.insight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Mention;
import org.insight.ingest.OcrOptions;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * Labels survive every stage: whatever the dataset's label, every row the job writes carries it (mentions the
 * conjunction of it with their document's, which is it), and after loading every document and mention read back
 * carries it too. Each try runs a whole job, so the tries are few.
 */
class ExtractLabelProperties {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  static final Principal LOADER = Principal.of("loader", "A", "B", "C", "D");

  @Property(tries = 3, shrinking = ShrinkingMode.OFF)
  void everyRowAndEveryLoadedItemCarriesTheLabel(@ForAll("labels") Label label) throws IOException {
    Path dir = Files.createTempDirectory("insight-spark-labels-");
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "Write to ivan.petrov@example.org or call +33 6 12 34 56 78.",
        StandardCharsets.UTF_8);
    SparkSession spark = SparkTestSession.get();
    Dataset dataset = Dataset.of("d", label, SourceGrading.parse("C3"));
    ExtractJob job = ExtractJob.builder(dataset).ocr(OcrOptions.OFF).enrichment(EnrichmentFactory.standard())
        .inProcessExtraction(true).build();
    ExtractJob.Result r = job.run(spark, ExtractJob.files(spark, corpus.toString()), dir.resolve("out").toString());
    List<Row> rows = spark.read().parquet(r.out() + "/items").collectAsList();
    assertFalse(rows.isEmpty());
    for (Row row : rows) {
      assertEquals(label.toString(), row.getAs("label"), "row " + row.getAs("kind") + " " + row.getAs("id"));
    }
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      try (Session s = ws.session(LOADER, CI)) {
        WorkspaceLoader.load(spark, r.out(), s);
      }
      try (Session s = ws.session(LOADER, CI)) {
        List<Document> docs = s.documents(0, 10).items();
        assertEquals(1, docs.size());
        assertEquals(label, docs.get(0).label());
        List<Mention> mentions = s.mentions(docs.get(0).id());
        assertEquals(2, mentions.size(), "an e-mail address and a phone number");
        mentions.forEach(m -> assertEquals(label, m.label()));
      }
    }
  }

  @Provide
  Arbitrary<Label> labels() {
    Arbitrary<String> atom = Arbitraries.of("A", "B", "C", "D");
    Arbitrary<String> expression = Combinators.combine(atom, atom, atom, Arbitraries.of("&", "|"),
        Arbitraries.of("&", "|"), Arbitraries.integers().between(1, 3))
        .as((a, b, c, o1, o2, n) -> switch (n) {
          case 1 -> a;
          case 2 -> a + o1 + b;
          default -> "(" + a + o1 + b + ")" + o2 + c;
        });
    return Combinators.combine(expression, Arbitraries.of(true, false), Arbitraries.of("", "FR-NCB"))
        .as((e, purposes, originator) -> {
          Label.Builder b = Label.builder(e);
          if (purposes) {
            b.purposes(CI);
          }
          if (!originator.isEmpty()) {
            b.originator(originator);
          }
          return b.build();
        });
  }
}
