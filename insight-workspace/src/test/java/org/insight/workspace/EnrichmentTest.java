package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.nlp.EntityRecognizer;
import org.insight.nlp.EntitySpan;
import org.insight.nlp.SelectorExtractor;
import org.insight.nlp.Sentence;
import org.insight.nlp.Token;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Hit;
import org.insight.search.Query;
import org.insight.test.TemporaryWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EnrichmentTest {
  /** A fresh workspace per test, closed after it (and kept when the test fails). */
  @RegisterExtension
  final TemporaryWorkspace<Workspace> workspace =
      TemporaryWorkspace.of(dir -> Workspace.builder(dir).clock(Fixtures.FIXED).open());

  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;

  static final String EN = "Officers stopped Ivan Petrov near the harbour on Tuesday. He said he works for a freight"
      + " company and gave the address ivan.petrov@example.org. Payments went to FR76 3000 6000 0112 3456 7890 189.";
  static final String MIXED = "The informant met Marco Rossi at the station and handed over a phone. He said the"
      + " money would arrive before the end of the week and that nobody else knew about it.\n\n"
      + "Le suspect a été vu quittant le bâtiment la nuit. Il conduisait une camionnette bleue immatriculée à Lyon.";

  /** Finds capitalised token pairs as persons: a stand-in for a trained model, so the wiring is tested exactly. */
  static final EntityRecognizer CAPITALISED_PAIRS = new EntityRecognizer() {
    @Override public String method() { return "ner:pairs@1"; }
    @Override public Set<String> types() { return Set.of("Person"); }
    @Override public String language() { return ""; }
    @Override public List<EntitySpan> recognize(List<Sentence> sentences) {
      List<EntitySpan> out = new ArrayList<>();
      for (Sentence s : sentences) {
        List<Token> t = s.tokens();
        for (int i = 1; i + 1 < t.size(); i++) {
          if (cap(t.get(i).text()) && cap(t.get(i + 1).text()) && !cap(t.get(i - 1).text())) {
            int start = t.get(i).start();
            int end = t.get(i + 1).end();
            out.add(new EntitySpan(start, end, s.text().substring(start - s.start(), end - s.start()), "Person", 0.9));
          }
        }
      }
      return out;
    }
  };

  static boolean cap(String w) {
    return w.length() > 1 && Character.isUpperCase(w.charAt(0)) && w.chars().skip(1).allMatch(Character::isLowerCase);
  }

  static String addDocument(Session s, String title, String lang, String text, String label) {
    ContentHash hash = s.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    Document d = new Document(null, hash, title, text, lang, Map.of(), null, null, Label.of(label),
        Provenance.of("reports", title, "text:plain", SourceGrading.parse("B3")).withContentHash(hash));
    s.add(d);
    return d.id();
  }

  static Enrichment standard(EntityRecognizer ner) {
    return Enrichment.builder().step(EnrichmentSteps.language())
        .step(EnrichmentSteps.selectors(SelectorExtractor.create()))
        .step(EnrichmentSteps.ner(ner)).build();
  }

  @Test
  void enrichesVisibleDocumentsWithLanguageSelectorsAndEntitiesCarryingTheDocumentLabel() {
    Workspace ws = workspace.get();
    Session loader = ws.session(Fixtures.loader("loader"), CI);
    String en = addDocument(loader, "Report 12", "", EN, "FR&POLICE");
    String mixed = addDocument(loader, "Report 13", "", MIXED, "FR");
    Session analyst = ws.session(Principal.of("enricher", "FR", "POLICE"), CI);

    EnrichmentReport report = standard(CAPITALISED_PAIRS).run(analyst);

    assertEquals(2, report.documents());
    assertEquals(2, report.updatedDocuments());
    assertTrue(report.complete(), report::toString);
    Document d = analyst.document(en).orElseThrow();
    assertEquals("en", d.language());
    assertEquals(List.of("en"), d.metadata().get(EnrichmentSteps.LANGUAGE_DETECTED));
    assertEquals("loader", d.provenance().ingestedBy(), "enrichment keeps who ingested the document");
    assertEquals(EN, d.text());

    List<Mention> mentions = analyst.mentions(en);
    Mention email = only(mentions, m -> m.type() == PropertyType.EMAIL);
    assertEquals("ivan.petrov@example.org", email.value());
    Mention iban = only(mentions, m -> m.provenance().method().startsWith("pattern:iban"));
    assertEquals("FR7630006000011234567890189", iban.value());
    Mention person = only(mentions, m -> m.provenance().method().equals("ner:pairs@1#person"));
    assertEquals("Ivan Petrov", person.text());
    assertEquals(PropertyType.NAME, person.type());
    for (Mention m : mentions) {
      assertEquals(Label.of("FR&POLICE").toString(), m.label().toString(), "a mention carries its document's label");
      assertEquals("enricher", m.provenance().ingestedBy());
      assertEquals("Report 12", m.provenance().derivedFrom().get(0).recordId());
    }

    Document m = analyst.document(mixed).orElseThrow();
    List<String> passages = m.metadata().get(EnrichmentSteps.LANGUAGE_PASSAGES);
    assertEquals(2, passages.size(), passages::toString);
    assertTrue(passages.get(0).startsWith("en 0-") && passages.get(1).startsWith("fr "), passages::toString);
    assertEquals(3, report.steps().size());
    assertEquals(mentions.size() + analyst.mentions(mixed).size(),
        report.steps().get(1).mentions() + report.steps().get(2).mentions());
  }

  @Test
  void progressCountsTheDocumentsOfARunUpToTheirTotal(@TempDir Path dir) {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session s = ws.session(Principal.of("loader", "FR", "POLICE"), CI);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        ids.add(addDocument(s, "Report " + i, "", EN + " " + i, i % 2 == 0 ? "FR" : "FR&POLICE"));
      }
      List<String> seen = new ArrayList<>();
      Enrichment enrichment = Enrichment.builder().step(EnrichmentSteps.language()).batchSize(3)
          .progress((stage, done, total) -> seen.add(stage + " " + done + "/" + total)).build();
      enrichment.run(s);
      assertEquals(List.of("enrich 1/7", "enrich 2/7", "enrich 3/7", "enrich 4/7", "enrich 5/7", "enrich 6/7",
          "enrich 7/7"), seen, "one report per document, in batches of 3");

      seen.clear();
      Session frOnly = ws.session(Principal.of("fr", "FR"), CI);
      enrichment.run(frOnly, List.of(ids.get(0), ids.get(1), ids.get(2)));
      assertEquals(List.of("enrich 1/2", "enrich 2/2"), seen, "an invisible id is not work to do");

      seen.clear();
      enrichment.run(ws.session(Principal.of("nobody"), CI));
      assertEquals(List.of("enrich 0/0"), seen, "nothing to do still ends at its total");
      assertThrows(IllegalStateException.class, () -> Enrichment.builder().progress((a, b, c) -> { })
          .progress((a, b, c) -> { }), "set once");
    }
  }

  @Test
  void reRunningReplacesInsteadOfDuplicating(@TempDir Path dir) {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session s = ws.session(Principal.of("loader", "FR", "POLICE"), CI);
      String id = addDocument(s, "Report 12", "", EN, "FR");
      standard(CAPITALISED_PAIRS).run(s);
      List<Mention> first = s.mentions(id);
      EnrichmentReport again = standard(CAPITALISED_PAIRS).run(s);
      assertEquals(first.stream().map(Mention::id).toList(), s.mentions(id).stream().map(Mention::id).toList());
      assertEquals(0, again.updatedDocuments(), "nothing changed, nothing rewritten");
      assertTrue(first.size() >= 3, first::toString);
    }
  }

  @Test
  void anUnavailableStepIsReportedAndTheOthersStillRun() {
    Workspace ws = workspace.get();
    Session s = ws.session(Principal.of("loader", "FR"), CI);
    String id = addDocument(s, "Report 12", "", EN, "FR");
    EnrichmentReport r = Enrichment.builder().step(EnrichmentSteps.language())
        .step(EnrichmentSteps.ner((Path) null))
        .step(renamed(EnrichmentSteps.ner(workspace.directory().resolve("missing.bin")), "ner2"))
        .step(EnrichmentSteps.selectors(SelectorExtractor.create())).build().run(s);
    assertFalse(r.complete());
    EnrichmentReport.StepReport ner = r.steps().get(1);
    assertFalse(ner.available());
    assertTrue(ner.unavailableReason().contains("--ner-model"), ner::toString);
    assertTrue(r.steps().get(2).unavailableReason().contains("does not exist"), r.steps().get(2)::toString);
    assertTrue(r.steps().get(3).available());
    assertEquals(2, r.steps().get(3).mentions());
    assertEquals("en", s.document(id).orElseThrow().language());
  }

  @Test
  void aStepFailingOnOneDocumentFailsOnlyThatDocumentForThatStep() {
    Workspace ws = workspace.get();
    Session s = ws.session(Principal.of("loader", "FR"), CI);
    String bad = addDocument(s, "Bad", "", "BOOM " + EN, "FR");
    String good = addDocument(s, "Good", "", EN, "FR");
    EnrichmentStep fragile = new EnrichmentStep() {
      @Override public String name() { return "fragile"; }
      @Override public void enrich(EnrichmentContext ctx) {
        ctx.addMentions(List.of(new Mention(ctx.document().id(), 0, 4, ctx.document().text().substring(0, 4),
            PropertyType.TEXT, "x", null, 1, ctx.document().label(), ctx.derived("test:fragile@1"))));
        if (ctx.document().text().startsWith("BOOM")) {
          throw new IllegalStateException("cannot read this one");
        }
      }
    };
    EnrichmentReport r = Enrichment.builder().step(fragile)
        .step(EnrichmentSteps.selectors(SelectorExtractor.create())).build().run(s);
    assertEquals(List.of(new EnrichmentReport.Failure(bad, "fragile", "IllegalStateException: cannot read this one")),
        r.failures());
    assertEquals(1, r.steps().get(0).failed());
    assertEquals(1, r.steps().get(0).documents());
    assertTrue(s.mentions(bad).stream().noneMatch(m -> m.provenance().method().equals("test:fragile@1")),
        "a failed step's partial results are not written");
    assertEquals(2, s.mentions(bad).size(), "the other step still ran on it");
    assertEquals(3, s.mentions(good).size());
  }

  @Test
  void aSessionEnrichesOnlyWhatItMaySeeAndCannotProbeTheRest() {
    Workspace ws = workspace.get();
    Session loader = ws.session(Fixtures.loader("loader"), CI);
    String open = addDocument(loader, "Open", "", EN, "FR");
    String secret = addDocument(loader, "Secret", "", EN + " Secret.", "SECRET");
    Session fr = ws.session(Principal.of("fr-analyst", "FR"), CI);
    EnrichmentReport r = standard(CAPITALISED_PAIRS).run(fr);
    assertEquals(1, r.documents());
    EnrichmentReport byId = standard(CAPITALISED_PAIRS).run(fr, List.of(secret, "doc-missing"));
    assertEquals(byId.failures().get(0).reason(), byId.failures().get(1).reason(),
        "an invisible document is refused exactly like a missing one");
    Session cleared = ws.session(Principal.of("boss", "FR", "SECRET"), CI);
    assertEquals(List.of(), cleared.mentions(secret));
    assertEquals("", cleared.document(secret).orElseThrow().language());
    assertFalse(cleared.mentions(open).isEmpty());
  }

  @Test
  void documentHitsCarryTheirEnrichedMentions() {
    Workspace ws = workspace.get();
    Session s = ws.session(Principal.of("loader", "FR"), CI);
    String id = addDocument(s, "Report 12", "", EN, "FR");
    standard(CAPITALISED_PAIRS).run(s);
    Hit hit = s.search(Query.parse("harbour")).hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
    assertTrue(hit.mentions().stream().anyMatch(m -> m.text().equals("Ivan Petrov")), hit.mentions()::toString);
  }

  @Test
  void aTrainedOpenNlpModelFileRunsAsTheNerStep(@TempDir Path dir) {
    java.util.Random random = new java.util.Random(11);
    String[] first = {"Ivan", "Marco", "Fatima", "Jean", "Olga", "Ahmed", "Lucia", "Pierre"};
    String[] last = {"Petrov", "Rossi", "Haddad", "Dupont", "Ivanova", "Mansour", "Garcia", "Weber"};
    String[] templates = {"Officers stopped P near the harbour .", "P was seen leaving a warehouse .",
        "The informant said that P owns the van .", "P called P twice .", "Police arrested P on Friday ."};
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      StringBuilder sb = new StringBuilder();
      for (String w : templates[random.nextInt(templates.length)].split(" ")) {
        sb.append(w.equals("P") ? "<START:person> " + first[random.nextInt(first.length)] + " "
            + last[random.nextInt(last.length)] + " <END>" : w).append(' ');
      }
      lines.add(sb.toString().trim());
    }
    org.insight.nlp.OpenNlpEntityRecognizer trained = org.insight.nlp.NerTrainer.builder().iterations(40).build()
        .train(org.insight.nlp.AnnotatedSentence.parse(lines));
    Path model = dir.resolve("person.bin");
    trained.save(model);
    try (Workspace ws = Workspace.builder(dir.resolve("ws")).clock(Fixtures.FIXED).open()) {
      Session s = ws.session(Principal.of("loader", "FR"), CI);
      String id = addDocument(s, "Report 14", "", "Police arrested Viktor Kuznetsov on Friday. He was seen leaving a"
          + " warehouse with a second man and later called his lawyer twice from the station.", "FR");
      EnrichmentReport r = Enrichment.builder().step(EnrichmentSteps.language()).step(EnrichmentSteps.ner(model))
          .build().run(s);
      assertTrue(r.complete(), r::toString);
      Mention person = only(s.mentions(id), m -> m.text().equals("Viktor Kuznetsov"));
      assertEquals(trained.method() + "#person", person.provenance().method());
      assertEquals("Viktor Kuznetsov", person.value());
    }
  }

  @Test
  void stepNamesMustBeDistinctAndAPipelineNeedsOne() {
    assertThrows(IllegalArgumentException.class,
        () -> Enrichment.builder().step(EnrichmentSteps.language()).step(EnrichmentSteps.language()));
    assertThrows(IllegalStateException.class, () -> Enrichment.builder().build());
  }

  static EnrichmentStep renamed(EnrichmentStep step, String name) {
    return new EnrichmentStep() {
      @Override public String name() { return name; }
      @Override public java.util.Optional<String> unavailable() { return step.unavailable(); }
      @Override public void enrich(EnrichmentContext ctx) { step.enrich(ctx); }
    };
  }

  static Mention only(List<Mention> mentions, java.util.function.Predicate<Mention> p) {
    List<Mention> found = mentions.stream().filter(p).toList();
    assertEquals(1, found.size(), mentions::toString);
    return found.get(0);
  }
}
