package org.insight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityType;
import org.insight.core.Statement;
import org.insight.core.json.ModelJson;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.ingest.OcrOptions;
import org.insight.ingest.TikaExtractor;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Scan;
import org.insight.spark.internal.extract.ItemRows;
import org.insight.workspace.IngestResult;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structured input through the Spark extraction against {@code Session.ingest} of the same files: call records
 * through the {@code cdr} mapping (phones and call links, a bad row) next to a text file, and FollowTheMoney JSON
 * lines (persons, a company, an ownership link, a line that is not JSON). Record by record the same statements —
 * values, labels, provenance (record {@code file:line}, method, the file's hash) — and the same quarantine; loaded,
 * the workspace holds what the embedded ingest wrote, with the record files' bytes in its evidence store, and a second
 * load adds nothing.
 */
class ExtractRecordsTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  static final Label LABEL = Label.builder("FR&POLICE").purposes(CI).build();
  static final Dataset DATASET = Dataset.of("telecom-returns", LABEL, SourceGrading.parse("A1"));
  static final Principal LOADER = Principal.of("loader", "FR", "POLICE");

  @TempDir Path tmp;

  @Test
  void mappedCallRecordsGiveTheEmbeddedStatementsAndQuarantine() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("cdr"));
    Files.writeString(in.resolve("calls.csv"), """
        caller,callee,start_time,duration
        +33612345678,+33698765432,2026-03-01T10:15:00Z,65
        +33698765432,+4915112345678,2026-03-01T11:00:00Z,12
        not-a-number,+33612345678,2026-03-02T09:00:00Z,30
        +33612345678,+4915112345678,2026-03-03T21:40:00Z,240
        """, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("note.txt"), "The caller used +33 6 12 34 56 78 from the harbour.",
        StandardCharsets.UTF_8);
    sameAsEmbedded(in, RecordInput.mapping("cdr"), 1);
  }

  @Test
  void followTheMoneyLinesGiveTheEmbeddedImportsStatementsAndQuarantine() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("ftm"));
    Files.writeString(in.resolve("entities.ftm.json"), """
        {"id": "p-1", "schema": "Person", "properties": {"name": ["Ivan Petrov"], "birthDate": ["1975-03"], "nationality": ["ru"]}}
        {"id": "c-1", "schema": "Company", "properties": {"name": ["Harbour Logistics SARL"], "jurisdiction": ["fr"]}}
        this line is not JSON
        {"id": "o-1", "schema": "Ownership", "properties": {"owner": ["p-1"], "asset": ["c-1"], "percentage": ["60"]}}
        {"id": "p-2", "schema": "Person", "properties": {"name": ["Anna Petrova"], "email": ["anna@example.org"]}}
        """, StandardCharsets.UTF_8);
    sameAsEmbedded(in, RecordInput.ftm(), 0);
  }

  /** The job and the embedded ingest over {@code in}, compared; then loaded twice. */
  private void sameAsEmbedded(Path in, RecordInput records, int documents) throws IOException {
    SparkSession spark = SparkTestSession.get();
    String out = tmp.resolve("out").toString();
    ExtractJob.Result result = ExtractJob.builder(DATASET).ocr(OcrOptions.OFF).enrichment(EnrichmentFactory.standard())
        .inProcessExtraction(true).records(records).build().run(spark, ExtractJob.files(spark, in.toString()), out);

    IngestResult embedded;
    Map<String, String> embeddedStatements;
    try (Workspace ws = Workspace.open(tmp.resolve("embedded")); Session s = ws.session(LOADER, CI);
        TikaExtractor tika = TikaExtractor.builder().inProcess(true).build()) {
      IngestRequest.Builder request = IngestRequest.builder(DATASET).source(IngestSource.directory(in))
          .ocr(OcrOptions.OFF).extractor(tika);
      embedded = s.ingest(records.applyTo(request).build(), EnrichmentFactory.standard().create());
      embeddedStatements = statements(s);
    }
    List<Row> rows = spark.read().parquet(out + "/items").where("kind = 'statement'").collectAsList();
    Map<String, String> sparkStatements = new TreeMap<>();
    for (Row r : rows) {
      Statement st = ItemRows.toStatement(r);
      assertEquals(LABEL.toString(), r.getAs("label"));
      assertEquals("", st.provenance().ingestedBy(), "stamped when loaded, by the loader");
      sparkStatements.put(st.id(), comparable(st));
    }
    assertTrue(embeddedStatements.size() >= 8, "the records make entities and links: " + embeddedStatements);
    assertEquals(embeddedStatements, sparkStatements);
    assertEquals(rows.size(), result.statements());
    assertEquals(documents, result.documents());

    List<String> embeddedFailures = new ArrayList<>();
    for (IngestReport.Failure f : embedded.ingest().failures()) {
      embeddedFailures.add(f.path() + " " + f.reason() + " " + f.sha256() + " " + f.message());
    }
    List<String> sparkFailures = new ArrayList<>();
    for (Row q : spark.read().parquet(out + "/items").where("kind = 'quarantine'").collectAsList()) {
      sparkFailures.add(q.getAs("record") + " " + q.getAs("reason") + " " + q.getAs("content_hash") + " "
          + q.getAs("message"));
    }
    assertFalse(embeddedFailures.isEmpty(), "the bad row or line is reported");
    assertEquals(embeddedFailures.stream().sorted().toList(), sparkFailures.stream().sorted().toList());

    try (Workspace ws = Workspace.open(tmp.resolve("loaded"))) {
      try (Session s = ws.session(LOADER, CI)) {
        WorkspaceLoader.Report first = WorkspaceLoader.load(spark, out, s);
        assertEquals(result.statements(), first.statements());
        Map<String, String> loaded = statements(s);
        assertEquals(embeddedStatements, loaded);
        String hash = rows.get(0).getAs("content_hash");
        assertFalse(hash.isEmpty(), "a record's statement names its file's bytes");
        assertTrue(s.evidence(new org.insight.core.ContentHash(hash)).isPresent(), "the record file is kept (rule 4)");
        WorkspaceLoader.load(spark, out, s);
        assertEquals(loaded, statements(s), "a second load replaces each statement with itself");
        try (Scan<Entity> all = s.scanEntities(types())) {
          for (Entity e : all) {
            e.statements().forEach(st -> assertEquals("loader", st.provenance().ingestedBy()));
          }
        }
      }
      try (Session other = ws.session(Principal.of("other", "FR"), CI)) {
        assertTrue(statements(other).isEmpty(), "loaded statements keep their label");
      }
    }
  }

  /** Every statement the session sees, by id, in comparable (unstamped) form. */
  private static Map<String, String> statements(Session s) {
    Map<String, String> out = new TreeMap<>();
    try (Scan<Entity> all = s.scanEntities(types())) {
      for (Entity e : all) {
        e.statements().forEach(st -> out.put(st.id(), comparable(st)));
      }
    }
    return out;
  }

  private static String[] types() {
    return org.insight.core.Schema.defaults().types().stream().map(EntityType::name).toArray(String[]::new);
  }

  private static String comparable(Statement s) {
    return ModelJson.write(ModelJson.statement(s.withProvenance(ExtractFixtures.unstamped(s.provenance()))));
  }
}
