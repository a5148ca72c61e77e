package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.nlp.EntitySpotter;
import org.insight.nlp.LanguagePair;
import org.insight.nlp.Translation;
import org.insight.nlp.Translator;
import org.insight.nlp.TranslatorUnavailableException;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotAndTranslateEnrichmentTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  @TempDir Path dir;

  private static String addDocument(Session s, String text, String lang, String label) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ContentHash hash = s.storeEvidence(new ByteArrayInputStream(bytes));
    Document d = new Document(null, hash, "report", text, lang, Map.of(), null, null, Label.of(label),
        Provenance.of("police-fr", "pv-1", "text:plain", SourceGrading.parse("B2")).withContentHash(hash));
    s.add(d);
    return d.id();
  }

  @Test
  void aPoliceReportIsConnectedToTheNoticeOnlyForThoseWhoMaySeeTheNotice() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session loader = ws.session(Fixtures.loader("loader"), CI);
      Dataset notices = Fixtures.dataset("notices", "INTERPOL");
      Entity rashid = notices.entity("Person", "red-1").add("name", "Omar AL-RASHID")
          .add("passportNumber", "X1234567").build();
      Entity hidden = Fixtures.dataset("secret", "SECRET").entity("Person", "s-1").add("name", "Marco ROSSI").build();
      loader.add(rashid, hidden);
      String doc = addDocument(loader, "PV: Rashid Omar, passeport X1234567, vu avec Marco Rossi.", "fr", "FR");

      Session cleared = ws.session(Principal.of("analyst", "FR", "INTERPOL"), CI);
      EnrichmentReport report = Enrichment.builder().step(EntitySpottingStep.create()).build().run(cleared);
      assertTrue(report.complete(), report.toString());
      List<Mention> mentions = cleared.mentions(doc);
      assertEquals(2, mentions.size(), mentions.toString()); // the name and the passport; Rossi is not visible
      for (Mention m : mentions) {
        assertEquals(rashid.id(), m.entityId().orElseThrow());
        assertEquals(Label.of("FR").and(Label.of("INTERPOL")), m.label());
        assertEquals(EntitySpotter.METHOD, m.provenance().method());
      }
      assertEquals(Set.of("Rashid Omar", "X1234567"), Set.copyOf(mentions.stream().map(Mention::text).toList()));

      // a reader of the report who may not see notices sees neither the link nor anything derived from the notice
      Session local = ws.session(Principal.of("local", "FR"), CI);
      assertTrue(local.document(doc).isPresent());
      assertEquals(List.of(), local.mentions(doc));
      // and spotting as that reader finds nothing: the notice is not in its dictionary
      Enrichment.builder().step(EntitySpottingStep.create()).build().run(local);
      assertEquals(List.of(), local.mentions(doc));
      assertEquals(1, EntitySpottingStep.spotter(cleared).stats().entities(), "the secret one is not in its dictionary");
      assertEquals(0, EntitySpottingStep.spotter(local).stats().entities());
    }
  }

  /** A translator that knows a few French words, to test the step without a service. */
  private static class WordTranslator implements Translator {
    @Override
    public String name() {
      return "words";
    }

    @Override
    public Set<LanguagePair> pairs() {
      return Set.of(LanguagePair.of("fr", "en"));
    }

    @Override
    public Translation translate(String text, String from, String to) {
      return new Translation(text.replace("maison", "house").replace("grande", "big"), "fra", "eng", "words@1",
          List.of("fra", "spa", "eng"), List.of("Zorglub"));
    }
  }

  @Test
  void aTranslationIsADerivedStatementNextToTheOriginal() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session s = ws.session(Principal.of("analyst", "FR"), CI);
      String fr = addDocument(s, "la maison grande de Zorglub", "fr", "FR");
      String en = addDocument(s, "already English", "en", "FR");
      String unknown = addDocument(s, "???", "", "FR");
      EnrichmentReport report = Enrichment.builder().step(TranslationStep.into("en", new WordTranslator())).build()
          .run(s);
      assertTrue(report.failures().isEmpty(), report.toString());
      assertEquals(1, report.steps().get(0).statements());
      assertTrue(report.notes().stream().anyMatch(n -> n.contains(fr) && n.contains("Zorglub")), report.notes().toString());
      assertTrue(report.notes().stream().anyMatch(n -> n.contains(unknown) && n.contains("language unknown")),
          report.notes().toString());

      Entity translated = s.entity(EntityId.of(fr)).orElseThrow();
      Statement st = translated.statements().get(0);
      assertEquals("la house big de Zorglub", st.value());
      assertEquals(Label.of("FR"), st.label());
      assertEquals("translate:words@1:fra>spa>eng", st.provenance().method());
      assertEquals("text:plain", st.provenance().derivedFrom().get(0).method());
      assertEquals("la maison grande de Zorglub", s.document(fr).orElseThrow().text(), "the original is kept");
      assertTrue(s.entity(EntityId.of(en)).isEmpty(), "nothing to translate in the target language");
    }
  }

  @Test
  void withoutAReachableTranslatorEnrichmentGoesOnAndSaysSo() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session s = ws.session(Principal.of("analyst", "FR"), CI);
      addDocument(s, "Omar Al-Rashid", "fr", "FR");
      Translator down = new WordTranslator() {
        @Override
        public Set<LanguagePair> pairs() {
          throw new TranslatorUnavailableException("Apertium APY at http://127.0.0.1:9/ cannot be reached", null);
        }
      };
      for (TranslationStep step : List.of(TranslationStep.into("en", null), TranslationStep.into("en", down))) {
        EnrichmentReport report = Enrichment.builder().step(step).step(EntitySpottingStep.create()).build().run(s);
        EnrichmentReport.StepReport translate = report.steps().get(0);
        assertFalse(translate.available());
        assertTrue(translate.unavailableReason().contains(step.translator().isEmpty() ? "no translator configured"
            : "cannot be reached"), translate.unavailableReason());
        assertTrue(report.steps().get(1).available(), "the other steps ran");
        assertEquals(1, report.documents());
        assertFalse(report.complete());
      }
    }
  }
}
