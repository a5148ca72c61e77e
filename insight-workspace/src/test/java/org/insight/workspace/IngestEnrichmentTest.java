package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.insight.core.Document;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.nlp.SelectorExtractor;
import org.insight.policy.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest with enrichment: each batch of new documents arrives with its language and selectors, labelled as it is. */
class IngestEnrichmentTest {
  @TempDir Path tmp;

  private static final Enrichment ENRICHMENT = Enrichment.builder()
      .step(EnrichmentSteps.language())
      .step(EnrichmentSteps.selectors(SelectorExtractor.builder().defaultRegion("FR").build()))
      .build();

  @Test
  void ingestedDocumentsAreEnrichedOnceAndARerunEnrichesNothingNew() throws IOException {
    Path corpus = tmp.resolve("in");
    Files.createDirectories(corpus);
    Files.writeString(corpus.resolve("report.txt"), "The suspect called +33 6 12 34 56 78 twice from the harbour and "
        + "wrote to ivan.petrov@example.org about the transfer to FR76 3000 6000 0112 3456 7890 189.",
        StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("note.txt"), "Le suspect a quitté le port de Marseille vers vingt et une heures, "
        + "selon le témoin interrogé ce matin par les enquêteurs.", StandardCharsets.UTF_8);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      IngestResult first;
      try (Session s = ws.session(IngestTest.LOADER, IngestTest.CI)) {
        first = s.ingest(IngestRequest.builder(IngestTest.DATASET).source(IngestSource.directory(corpus))
            .extractor(new TestMailExtractor()).batchSize(1).build(), ENRICHMENT);
      }
      assertEquals(2, first.ingest().ingested(), first.ingest().toJson());
      assertEquals(2, first.enrichment().documents(), first.enrichment().toString());
      assertTrue(first.enrichment().complete(), first.enrichment().toString());

      try (Session s = ws.session(IngestTest.LOADER, IngestTest.CI)) {
        Map<String, Document> docs = s.documents(0, 10).items().stream()
            .collect(Collectors.toMap(d -> d.provenance().recordId(), d -> d));
        // the detected language, beside whatever the extractor said
        assertEquals(List.of("en"), docs.get("report.txt").metadata().get(EnrichmentSteps.LANGUAGE_DETECTED));
        assertEquals(List.of("fr"), docs.get("note.txt").metadata().get(EnrichmentSteps.LANGUAGE_DETECTED));
        List<Mention> mentions = s.mentions(docs.get("report.txt").id());
        assertEquals(List.of("+33612345678"), values(mentions, PropertyType.PHONE));
        assertEquals(List.of("ivan.petrov@example.org"), values(mentions, PropertyType.EMAIL));
        for (Mention m : mentions) {
          assertEquals(IngestTest.LABEL, m.label(), "a mention carries its document's label");
        }
      }
      // nothing new: nothing enriched again
      try (Session s = ws.session(IngestTest.LOADER, IngestTest.CI)) {
        IngestResult second = s.ingest(IngestRequest.builder(IngestTest.DATASET).source(IngestSource.directory(corpus))
            .extractor(new TestMailExtractor()).build(), ENRICHMENT);
        assertEquals(2, second.ingest().unchanged());
        assertEquals(0, second.enrichment().documents());
      }
      // and a reader without the label sees none of it
      try (Session s = ws.session(Principal.of("other", "FR"), IngestTest.CI)) {
        assertEquals(0, s.documents(0, 10).total());
      }
    }
  }

  private static List<String> values(List<Mention> mentions, PropertyType type) {
    return mentions.stream().filter(m -> m.type() == type).map(Mention::value).toList();
  }
}
