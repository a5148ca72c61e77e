package org.insight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Mention;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.ingest.OcrOptions;
import org.insight.ingest.TikaExtractor;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Hit;
import org.insight.spark.internal.extract.ItemRows;
import org.insight.workspace.IngestResult;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark extraction against {@code Session.ingest} of the same files with the same enrichment: the same documents
 * (text, metadata, labels, provenance), the same mentions, the same quarantine; loaded into a workspace, the same
 * search hits; loaded twice, nothing doubles. One corpus, one job and one embedded ingest for the whole class.
 */
class ExtractJobTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  static final Label LABEL = Label.builder("FR&POLICE").purposes(CI).originator("FR-NCB").build();
  static final Dataset DATASET = Dataset.of("seized-laptop", LABEL, SourceGrading.parse("B2"));
  static final Principal LOADER = Principal.of("loader", "FR", "POLICE");

  @TempDir static Path tmp;
  static Path corpus;
  static ExtractJob.Result result;
  static IngestResult embedded;
  static Path embeddedWs;

  @BeforeAll
  static void extractBothWays() throws IOException {
    corpus = ExtractFixtures.corpus(tmp.resolve("corpus"));
    SparkSession spark = SparkTestSession.get();
    // in-process extraction on both sides: the same Tika code and limits without a worker JVM's start-up per task
    ExtractJob job = ExtractJob.builder(DATASET).ocr(OcrOptions.OFF).enrichment(EnrichmentFactory.standard())
        .inProcessExtraction(true).build();
    result = job.run(spark, ExtractJob.files(spark, corpus.toString()), tmp.resolve("out").toString());
    embeddedWs = tmp.resolve("embedded");
    try (Workspace ws = Workspace.open(embeddedWs); Session s = ws.session(LOADER, CI);
        TikaExtractor tika = TikaExtractor.builder().inProcess(true).build()) {
      embedded = s.ingest(IngestRequest.builder(DATASET).source(IngestSource.directory(corpus)).ocr(OcrOptions.OFF)
          .extractor(tika).build(), EnrichmentFactory.standard().create());
    }
  }

  private static List<Row> items(String kind) {
    return SparkTestSession.get().read().parquet(tmp.resolve("out").resolve("items").toString())
        .where("kind = '" + kind + "'").collectAsList();
  }

  @Test
  void extractedDocumentsAndMentionsEqualTheEmbeddedIngestsOneByOne() {
    List<Document> sparkDocs = items(ItemRows.DOCUMENT).stream().map(ItemRows::toDocument).toList();
    List<Mention> sparkMentions = items(ItemRows.MENTION).stream().map(ItemRows::toMention).toList();
    try (Workspace ws = Workspace.open(embeddedWs); Session s = ws.session(LOADER, CI)) {
      List<Document> docs = s.documents(0, 100).items();
      assertEquals(4, docs.size(), "report, note, the zip and its member: " + docs);
      assertEquals(ExtractFixtures.byId(docs), ExtractFixtures.byId(sparkDocs));
      List<Mention> mentions = new ArrayList<>();
      docs.forEach(d -> mentions.addAll(s.mentions(d.id())));
      assertFalse(mentions.isEmpty(), "the corpus has phones, e-mails and an IBAN");
      assertEquals(ExtractFixtures.mentionsById(mentions), ExtractFixtures.mentionsById(sparkMentions));
    }
    assertEquals(new ExtractJob.Result(result.out(), 4, sparkMentions.size(), 0, 1, 0), result);
    for (Document d : sparkDocs) {
      assertEquals(LABEL, d.label());
      assertEquals("", d.provenance().ingestedBy(), "stamped when loaded, by the loader");
    }
  }

  @Test
  void aCorruptFileIsQuarantinedWithTheReasonTheEmbeddedIngestGives() {
    List<Row> quarantined = items(ItemRows.QUARANTINE);
    assertEquals(1, quarantined.size());
    Row q = quarantined.get(0);
    IngestReport.Failure f = embedded.ingest().failures().get(0);
    assertEquals(List.of("broken.pdf"), embedded.ingest().failures().stream().map(IngestReport.Failure::path).toList());
    assertEquals(f.path(), q.getAs("record"));
    assertEquals(f.reason(), q.getAs("reason"));
    assertEquals(f.sha256(), q.getAs("content_hash"));
    assertEquals(LABEL.toString(), q.getAs("label"));
  }

  @Test
  void loadingGivesTheEmbeddedSearchHitsAndReloadingAddsNothing() {
    Path loaded = tmp.resolve("loaded-" + System.nanoTime());
    try (Workspace ws = Workspace.open(loaded)) {
      WorkspaceLoader.Report first;
      try (Session s = ws.session(LOADER, CI)) {
        first = WorkspaceLoader.load(SparkTestSession.get(), result.out(), s);
      }
      assertEquals(4, first.documents());
      assertEquals(result.mentions(), first.mentions());
      assertEquals(1, first.quarantined());
      assertEquals("broken.pdf", first.listed().get(0).record());
      Map<String, List<String>> afterFirst = hits(ws);
      try (Session s = ws.session(LOADER, CI)) {
        WorkspaceLoader.load(SparkTestSession.get(), result.out(), s);
        assertEquals(4, s.documents(0, 100).total(), "a re-load replaces each document with itself");
      }
      assertEquals(afterFirst, hits(ws));
      try (Workspace emb = Workspace.open(embeddedWs)) {
        assertEquals(hits(emb), afterFirst);
      }
      try (Session s = ws.session(LOADER, CI)) {
        for (Document d : s.documents(0, 100).items()) {
          assertEquals("loader", d.provenance().ingestedBy(), "the load wrote it as the session's principal");
          assertEquals(LABEL, d.label());
          for (Mention m : s.mentions(d.id())) {
            assertEquals(LABEL, m.label());
          }
        }
      }
      try (Session s = ws.session(Principal.of("other", "FR"), CI)) {
        assertEquals(0, s.documents(0, 10).total(), "loaded data keeps its label: a reader without POLICE sees none");
      }
    }
  }

  /** Search hits (ids, in order) for a few queries. */
  private static Map<String, List<String>> hits(Workspace ws) {
    Map<String, List<String>> out = new TreeMap<>();
    try (Session s = ws.session(LOADER, CI)) {
      for (String q : List.of("suspect", "harbour", "courier", "Marseille", "ivan.petrov@example.org")) {
        out.put(q, s.search(q).hits().stream().map(Hit::id).collect(Collectors.toList()));
      }
    }
    assertTrue(out.get("suspect").size() >= 2, "the corpus mentions the suspect in several files: " + out);
    return out;
  }
}
