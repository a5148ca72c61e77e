package org.insight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.ingest.OcrOptions;
import org.insight.nlp.SelectorExtractor;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.spark.internal.extract.ItemRows;
import org.insight.workspace.Enrichment;
import org.insight.workspace.EnrichmentContext;
import org.insight.workspace.EnrichmentStep;
import org.insight.workspace.EnrichmentSteps;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An extraction job that dies half way (its only task fails on the third of four files, as when the driver or the
 * last executor is lost) leaves its done chunks in the checkpoint and no committed table; run again into the same
 * output, it takes those chunks back instead of extracting them, writes the same rows as a run that never failed, and
 * removes its checkpoint. Loading both outputs into one workspace adds nothing twice.
 */
class ExtractResumeTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  static final Dataset DATASET = Dataset.of("seized-phone", Label.of("FR&POLICE"), SourceGrading.parse("B2"));
  static final Principal LOADER = Principal.of("loader", "FR", "POLICE");
  /** While set, enrichment of the file named "c-poison.txt" fails its task (local mode: one JVM). */
  static final AtomicBoolean ARMED = new AtomicBoolean();

  @TempDir Path tmp;

  @Test
  void aRerunOfAnInterruptedJobGivesTheSameOutputAndLoadingBothAddsNothingTwice() throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    for (String name : List.of("a", "b", "c-poison", "d")) {
      Files.writeString(corpus.resolve(name + ".txt"), "File " + name + ": the courier wrote to " + name
          + "@example.org from the harbour.", StandardCharsets.UTF_8);
    }
    SparkSession spark = SparkTestSession.get();
    // one task, one file per chunk: the chunks are done in record order, a and b before the poisoned one
    ExtractJob job = ExtractJob.builder(DATASET).ocr(OcrOptions.OFF).enrichment(ExtractResumeTest::tripwired)
        .inProcessExtraction(true).filesPerRun(1).build();
    String interrupted = tmp.resolve("interrupted").toString();
    ARMED.set(true);
    try {
      assertThrows(Exception.class, () -> job.run(spark, ExtractJob.files(spark, corpus.toString()).coalesce(1),
          interrupted));
    } finally {
      ARMED.set(false);
    }
    assertFalse(Files.exists(Path.of(interrupted, "items", "_SUCCESS")), "no table was committed");
    assertEquals(2, chunkFiles(Path.of(interrupted, "checkpoint")), "a and b were done and kept");

    ExtractJob.Result resumed = job.run(spark, ExtractJob.files(spark, corpus.toString()).coalesce(1), interrupted);
    assertEquals(2, resumed.reusedChunks(), "the rerun took a and b from the checkpoint");
    assertFalse(Files.exists(Path.of(interrupted, "checkpoint")), "removed once the table is committed");
    String clean = tmp.resolve("clean").toString();
    ExtractJob.Result once = job.run(spark, ExtractJob.files(spark, corpus.toString()).coalesce(1), clean);
    assertEquals(0, once.reusedChunks());
    assertEquals(new ExtractJob.Result(interrupted, once.documents(), once.mentions(), once.statements(),
        once.quarantined(), 2), resumed);
    assertEquals(4, once.documents());
    assertEquals(rows(spark, clean), rows(spark, interrupted), "row for row the output of a run that never failed");
    assertThrows(IllegalArgumentException.class, () -> job.run(spark, ExtractJob.files(spark, corpus.toString()),
        clean), "a finished output is never overwritten");

    try (Workspace ws = Workspace.open(tmp.resolve("ws")); Session s = ws.session(LOADER, CI)) {
      WorkspaceLoader.load(spark, clean, s);
      List<Document> first = s.documents(0, 100).items();
      int mentions = first.stream().mapToInt(d -> s.mentions(d.id()).size()).sum();
      WorkspaceLoader.Report again = WorkspaceLoader.load(spark, interrupted, s);
      assertEquals(4, again.documents());
      List<Document> after = s.documents(0, 100).items();
      assertEquals(first.stream().map(Document::id).sorted().toList(),
          after.stream().map(Document::id).sorted().toList());
      assertEquals(mentions, after.stream().mapToInt(d -> s.mentions(d.id()).size()).sum());
      assertEquals(4, mentions, "one e-mail address per file");
    }
  }

  /** The standard steps and a tripwire that fails the task (an Error: not a step failure) while armed. */
  static Enrichment tripwired() {
    return Enrichment.builder().step(EnrichmentSteps.language())
        .step(EnrichmentSteps.selectors(SelectorExtractor.create())).step(new Tripwire()).build();
  }

  static final class Tripwire implements EnrichmentStep {
    @Override
    public String name() {
      return "tripwire";
    }

    @Override
    public void enrich(EnrichmentContext context) {
      if (ARMED.get() && context.document().provenance().recordId().equals("c-poison.txt")) {
        throw new AssertionError("simulated loss of the job while c-poison.txt is extracted");
      }
    }
  }

  private static long chunkFiles(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> p.getFileName().toString().endsWith(".rows.gz")).count();
    }
  }

  /** Every row of an output, as sorted text. */
  private static List<String> rows(SparkSession spark, String out) {
    return spark.read().parquet(out + "/items").collectAsList().stream()
        .map(r -> ItemRows.fields(r).toString() + " kind=" + r.getAs("kind")).sorted().toList();
  }
}
