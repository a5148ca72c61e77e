package org.insight.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityBuilder;
import org.insight.core.EntityId;
import org.insight.core.Link;
import org.insight.ingest.TikaExtractor;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.ingest.OcrOptions;
import org.insight.policy.AuditCheckpoint;
import org.insight.policy.AuditVerification;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Hit;
import org.insight.search.Query;
import org.insight.search.Scan;
import org.insight.match.ComparisonOutcome;
import org.insight.match.ScreeningHit;
import org.insight.match.ScreeningQuery;
import org.insight.search.SearchResult;
import org.insight.workspace.Flag;
import org.insight.workspace.Page;
import org.insight.workspace.ResolutionRun;
import org.insight.workspace.ResolveOptions;
import org.insight.workspace.ResolvedEntity;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * The demo behind {@code insight demo}, and an embedding example: loads the bundled sample data with labels,
 * purposes and retention, then shows what four different readers see of the same workspace, one entity through
 * two clearances, and the audit log that recorded every read.
 */
public final class Demo {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  static final Purpose CT = Purpose.COUNTER_TERRORISM;

  /** The readers the demo compares. */
  static final List<Reader> READERS = List.of(
      new Reader(Principal.of("analyst.interpol", "INTERPOL"), CI),
      new Reader(Principal.of("investigator.lyon", "INTERPOL", "FR", "POLICE"), CI),
      new Reader(Principal.of("officer.ct", "INTERPOL", "FR", "CT"), CT),
      new Reader(Principal.of("guard.border", "INTERPOL", "FR", "POLICE"), Purpose.BORDER_CONTROL));

  record Reader(Principal principal, Purpose purpose) {}

  /** What the demo loaded and found, for tests and callers. */
  public record Result(int entitiesLoaded, int documentsLoaded, List<long[]> visibleCounts, AuditVerification audit,
      List<String> flagsSeen) {
    /** Without the flags (the first demo's shape). */
    public Result(int entitiesLoaded, int documentsLoaded, List<long[]> visibleCounts, AuditVerification audit) {
      this(entitiesLoaded, documentsLoaded, visibleCounts, audit, List.of());
    }
  }

  private Demo() {}

  public static void main(String[] args) {
    // the console's own encoding, named: a terminal shows what its platform charset encodes
    run(Path.of(args.length > 0 ? args[0] : "insight-data"),
        new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true));
  }

  public static Result run(Path dir, PrintWriter out) {
    out.println("INSIGHT demo — workspace " + dir.toAbsolutePath().normalize());
    out.println();
    // the INTERPOL notices are a watch list: every person added after them is screened against them
    try (Workspace ws = Workspace.builder(dir).watchLists("interpol-notices").open()) {
      int[] loaded = load(ws, out);
      List<long[]> counts = compareReaders(ws, out);
      showOneEntityTwoWays(ws, out);
      search(ws, out);
      List<String> flags = screening(ws, out);
      resolution(ws, out);
      WriteModelStep.run(ws, out);
      Retention.purge(ws, out);
      GeoDemo.run(ws, out);
      GraphStep.run(ws, out);
      FtmStep.run(ws, dir, out);
      TrendsStep.run(ws, dir, out);
      ReportStep.run(ws, dir, out);
      AlertsStep.run(ws, out);
      CaseStep.run(ws, out);
      ShareStep.run(ws, dir, out);
      AuditVerification audit = ws.verifyAudit();
      AuditCheckpoint checkpoint = ws.auditCheckpoint();
      Path cp = dir.resolve("audit-checkpoint.txt");
      Files.writeString(cp, checkpoint + "\n", StandardCharsets.UTF_8);
      out.println("7. Every read above was audited in a hash-chained log:");
      out.println("   " + (audit.valid() ? "OK: " : "BROKEN: ") + audit.message());
      out.println("   checkpoint saved to " + cp);
      out.println();
      out.println("Explore the workspace:");
      out.println("   ./insight entities --workspace " + dir + " --auths INTERPOL,FR,POLICE");
      out.println("   ./insight entity " + EntityId.fromSource("interpol-notices", "2026/4413") + " --workspace " + dir
          + " --auths INTERPOL,CT --purpose counter-terrorism");
      out.println("   ./insight count --workspace " + dir + " --auths INTERPOL --purpose border-control");
      out.println("   ./insight audit verify --workspace " + dir + " --checkpoint " + cp);
      out.println("   ./insight search 'name:\"Иван Петров\"' --workspace " + dir + " --auths INTERPOL,FR,POLICE");
      out.println("   ./insight search 'blue van' --workspace " + dir + " --auths FR,POLICE --facets");
      out.println("   ./insight label 'FR&(POLICE|CT);purposes=counter-terrorism' --auths FR,CT --purpose counter-terrorism");
      out.println("   ./insight ingest " + dir.resolve("sample-inbox") + " --workspace " + dir
          + " --dataset fr-police-reports --label 'FR&POLICE' --purposes criminal-investigation --originator FR-NCB"
          + " --grading B3 --auths FR,POLICE --json");
      out.println("   ./insight screen 'Петров Иван' --dob 1975 --explain --workspace " + dir + " --auths INTERPOL");
      out.println("   ./insight flags --workspace " + dir + " --auths INTERPOL,FR,POLICE");
      out.println("   ./insight match resolve --workspace " + dir + " --auths INTERPOL,FR,POLICE   # the notice and the FR record of Ivan Petrov");
      return new Result(loaded[0], loaded[1], counts, audit, flags);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads every sample file as one writer would; returns {entities, documents}. */
  static int[] load(Workspace ws, PrintWriter out) throws IOException {
    Dataset notices = Dataset.of("interpol-notices",
        Label.builder("INTERPOL").purposes(CI, CT, Purpose.MISSING_PERSONS).originator("INTERPOL-GS").build(),
        SourceGrading.parse("B2"));
    Label noticeNotes = Label.builder("INTERPOL&CT").purposes(CI, CT).originator("INTERPOL-GS").build();
    Dataset fr = Dataset.of("fr-police-records",
        Label.builder("FR&POLICE").purposes(CI).originator("FR-NCB").reviewBy(LocalDate.of(2028, 12, 31)).build(),
        SourceGrading.parse("A2"));
    Dataset calls = Dataset.of("fr-call-records",
        Label.builder("FR&(POLICE|CT)").purposes(CI, CT).originator("FR-NCB").build(), SourceGrading.parse("A1"));
    Dataset de = Dataset.of("de-archive",
        Label.builder("DE").deleteAfter(LocalDate.of(2020, 1, 1)).originator("DE-BKA").build(), SourceGrading.parse("B2"));

    List<Entity> entities = new ArrayList<>();
    for (Map<String, String> r : SampleCsv.read("notices.csv")) {
      EntityBuilder b = notices.entity("Person", r.get("id")).method("record:csv")
          .add("name", r.get("name")).add("birthDate", r.get("birthDate")).add("nationality", r.get("nationality"))
          .add("gender", r.get("gender")).add("passportNumber", r.get("passportNumber"))
          .add("notes", r.get("notes"), noticeNotes); // cell-level: the notes are more sensitive than the rest
      entities.add(b.build());
    }
    for (Map<String, String> r : SampleCsv.read("fr-records.csv")) {
      entities.add(fr.entity("Person", r.get("id")).method("record:csv")
          .add("name", r.get("name")).add("birthDate", r.get("birthDate")).add("nationality", r.get("nationality"))
          .add("phone", r.get("phone")).add("address", r.get("address")).build());
    }
    for (Map<String, String> r : SampleCsv.read("calls.csv")) {
      EntityId caller = phone(calls, r.get("caller"), entities);
      EntityId callee = phone(calls, r.get("callee"), entities);
      entities.add(calls.entity("Call", r.get("id")).method("record:csv")
          .add("caller", caller.value()).add("callee", callee.value())
          .add("startDate", r.get("startDate")).add("duration", r.get("duration")).add("cellId", r.get("cellId")).build());
    }
    for (Map<String, String> r : SampleCsv.read("de-records.csv")) {
      entities.add(de.entity("Person", r.get("id")).method("record:csv")
          .add("name", r.get("name")).add("birthDate", r.get("birthDate")).add("nationality", r.get("nationality")).build());
    }

    // a writer attaches only labels it holds (rule 7): the loader is cleared for every source it loads
    Principal loader = Principal.of("demo.loader", "INTERPOL", "CT", "FR", "POLICE", "DE");
    try (Session s = ws.session(loader, CI)) {
      s.add(entities);
    }
    out.printf(Locale.ROOT, "1. Loaded %d entities (people, phones, calls) from 4 sources, each value with its own%n"
        + "   label, purposes, retention and source grading.%n", entities.size());
    int documents = ingestInbox(ws, out);
    enrich(ws, out);
    return new int[] {entities.size(), documents};
  }

  /**
   * Ingests the sample inbox (a report, an e-mail with an attachment, an HTML note) through the ingest pipeline:
   * originals to the evidence store, children for embedded items, provenance and the source's label on each.
   */
  static int ingestInbox(Workspace ws, PrintWriter out) throws IOException {
    Path inbox = ws.directory().resolve("sample-inbox");
    Files.createDirectories(inbox);
    for (String name : INBOX) {
      Path target = inbox.resolve(name);
      try (InputStream in = Demo.class.getResourceAsStream("sample/inbox/" + name)) {
        byte[] bytes = in.readAllBytes();
        if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
          Files.write(target, bytes);
        }
      }
      // a fixed time, so that a second demo run finds the files unchanged
      Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-04-16T08:00:00Z")));
    }
    Dataset reports = Dataset.of("fr-police-reports",
        Label.builder("FR&POLICE").purposes(CI).originator("FR-NCB").build(), SourceGrading.parse("B3"));
    IngestReport report;
    // the bundled samples are trusted, so Tika runs in this JVM: no worker processes to start
    try (TikaExtractor extractor = TikaExtractor.builder().inProcess(true).workers(2).noOcr().build();
         Session s = ws.session(Principal.of("demo.ingest", "FR", "POLICE"), CI)) {
      report = s.ingest(IngestRequest.builder(reports).source(IngestSource.directory(inbox)).extractor(extractor)
          .ocr(OcrOptions.OFF).build());
    }
    out.printf(Locale.ROOT, "   Ingested the sample inbox (%s) through the pipeline: %d files found, %d ingested as %d documents,%n"
        + "   %d unchanged since an earlier run, %d quarantined. Each document keeps its original bytes (SHA-256),%n"
        + "   its parser and its container chain:%n", ws.directory().relativize(inbox), report.found(), report.ingested(),
        report.documents(), report.unchanged(), report.quarantined());
    try (Session s = ws.session(Principal.of("demo.ingest", "FR", "POLICE"), CI)) {
      for (Document d : s.documents(0, 100).items()) {
        if (d.provenance().dataset().equals("fr-police-reports")) {
          out.printf(Locale.ROOT, "     %-40s %-26s %s%n", d.provenance().recordId(), d.provenance().method(),
              d.parentId().isPresent() ? "(child)" : d.title());
        }
      }
    }
    out.println();
    try (Session s = ws.session(Principal.of("demo.ingest", "FR", "POLICE"), CI)) {
      return (int) s.documents(0, 1).total();
    }
  }

  static final List<String> INBOX = List.of("report-2026-0412.txt", "tip-2026-0415.eml", "surveillance-2026-0416.html");

  /** Enrichment of the report as a reader cleared for it: its language and validated selectors, as mentions. */
  static void enrich(Workspace ws, PrintWriter out) {
    try (Session s = ws.session(Principal.of("demo.enricher", "FR", "POLICE"), CI)) {
      org.insight.workspace.EnrichmentReport r = org.insight.workspace.Enrichment.builder()
          .step(org.insight.workspace.EnrichmentSteps.language())
          .step(org.insight.workspace.EnrichmentSteps.selectors(org.insight.nlp.SelectorExtractor.create()))
          .build().run(s);
      for (Document d : s.documents(0, 10).items()) {
        out.printf(Locale.ROOT, "   Enriched %s: language %s (confidence %s); selectors found, each a mention labelled %s:%n",
            d.title(), d.metadata().getOrDefault("language.detected", List.of("?")).get(0),
            d.metadata().getOrDefault("language.confidence", List.of("?")).get(0), d.label().expression());
        for (org.insight.core.Mention m : s.mentions(d.id())) {
          out.printf(Locale.ROOT, "      %-34s %-30s %s%n", m.provenance().method(), m.value(), '"' + m.text() + '"');
        }
      }
      if (!r.complete()) {
        out.println("   enrichment incomplete: " + r.failures() + " " + r.steps());
      }
    }
    out.println();
  }

  private static EntityId phone(Dataset calls, String number, List<Entity> entities) {
    Entity phone = calls.entity("Phone", number).method("record:csv").add("number", number).build();
    if (entities.stream().noneMatch(e -> e.id().equals(phone.id()))) {
      entities.add(phone);
    }
    return phone.id();
  }

  static List<long[]> compareReaders(Workspace ws, PrintWriter out) {
    out.println("2. The same workspace, four readers (counts are of what each may see; nothing else leaks):");
    out.printf(Locale.ROOT, "   %-20s %-24s %-22s %7s %6s %5s %9s%n", "reader", "authorizations", "purpose", "persons", "phones",
        "calls", "documents");
    List<long[]> counts = new ArrayList<>();
    for (Reader r : READERS) {
      try (Session s = ws.session(r.principal(), r.purpose())) {
        long[] c = {s.count("Person"), s.count("Phone"), s.count("Call"), s.documents(0, 1).total()};
        counts.add(c);
        out.printf(Locale.ROOT, "   %-20s %-24s %-22s %7d %6d %5d %9d%n", r.principal().id(),
            String.join(",", r.principal().authorizations()), r.purpose(), c[0], c[1], c[2], c[3]);
      }
    }
    out.println("   (the DE record is past its delete-after date: nobody sees it; border control is not a purpose");
    out.println("    the sources allowed, so the border guard sees nothing despite the same clearances)");
    scanForAnalysis(ws, READERS.get(1), out);
    out.println();
    return counts;
  }

  /**
   * The visible-data scan graph, geo and trends build on: every person a reader may see, each with its visible
   * statements, in one pass and one audit entry however many it hands out.
   */
  static void scanForAnalysis(Workspace ws, Reader r, PrintWriter out) {
    try (Session s = ws.session(r.principal(), r.purpose());
        Scan<Entity> persons = s.scanEntities("Person")) {
      long statements = persons.stream().mapToLong(e -> e.statements().size()).sum();
      out.printf(Locale.ROOT, "   a scan for analysis (Session.scanEntities): %s streams its %d persons with %d visible statements"
          + " in one audited call%n", r.principal().id(), persons.size(), statements);
    }
  }

  /** Search as the Lyon investigator: a name in Cyrillic, a passport typed with separators, words of a report. */
  static void search(Workspace ws, PrintWriter out) {
    out.println("4. Search, as investigator.lyon (names across scripts, identifiers however typed, full text):");
    try (Session s = ws.session(READERS.get(1).principal(), READERS.get(1).purpose())) {
      for (String q : List.of("name:\"Иван Петров\"", "passport:\"72-441-0981\"", "blue van")) {
        SearchResult r = s.search(Query.parse(q).limit(3));
        out.printf(Locale.ROOT, "   %-26s %d hit(s)%n", q, r.total());
        for (Hit h : r.hits()) {
          out.printf(Locale.ROOT, "      %-8s %.2f  %s%s%n", h.kind().name().toLowerCase(java.util.Locale.ROOT), h.score(), h.caption(),
              h.highlights().isEmpty() ? "" : "  — " + h.highlights().get(0));
        }
      }
    }
    out.println();
  }

  /**
   * Screening: a name in Cyrillic with only a birth year against the notices, explained; then the flag that
   * continuous screening raised when the Lyon record of Ivan PETROV was loaded, which only a reader cleared for both
   * the notice (INTERPOL) and the record (FR&POLICE) sees. Returns the flags the Lyon investigator sees.
   */
  static List<String> screening(Workspace ws, PrintWriter out) {
    out.println("5. Screening against the INTERPOL notices (a watch list), as investigator.lyon:");
    List<String> seen = new ArrayList<>();
    try (Session s = ws.session(READERS.get(1).principal(), READERS.get(1).purpose())) {
      List<ScreeningHit> hits = s.screen(ScreeningQuery.of("Петров Иван").withBirthDate("1975"), 3);
      ScreeningHit top = hits.get(0);
      out.printf(Locale.ROOT, "   screen \"Петров Иван\" born 1975 -> %s (p=%.3f)%n", String.join("/", top.entry().get("name")),
          top.probability());
      for (ComparisonOutcome o : top.explanation().comparisons()) {
        if (!o.level().equals("null")) {
          out.printf(Locale.ROOT, "      %-14s %-16s %+6.1f   %s | %s%n", o.comparison(), o.level(), o.weight(), o.left(), o.right());
        }
      }
      Page<Flag> flags = s.flags(null, 0, 10);
      out.printf(Locale.ROOT, "   flags raised when the records were loaded: %d%n", flags.total());
      for (Flag f : flags.items()) {
        seen.add(f.id().value());
        out.printf(Locale.ROOT, "      %s ~ %s  p=%.3f  label %s  (%s)%n", f.subjectName(), f.entryId(), f.probability(),
            f.label().expression(), f.provenance().method());
      }
    }
    try (Session s = ws.session(READERS.get(0).principal(), READERS.get(0).purpose())) {
      out.printf(Locale.ROOT, "   analyst.interpol (no FR&POLICE) sees %d flag(s): a flag needs both sides' clearances%n",
          s.flags(null, 0, 10).total());
    }
    out.println();
    return seen;
  }

  /**
   * Entity resolution of the persons the Lyon investigator may see: the notice and the Lyon record of Ivan PETROV
   * become one cluster with a stable id, the link explained comparison by comparison; the INTERPOL analyst, who cannot
   * see the Lyon record, sees the notice alone.
   */
  static void resolution(Workspace ws, PrintWriter out) {
    out.println("6. Entity resolution of the persons investigator.lyon may see (blocking, EM-learned weights):");
    EntityId national = EntityId.fromSource("fr-police-records", "FR-77-0192");
    try (Session s = ws.session(READERS.get(1).principal(), READERS.get(1).purpose())) {
      ResolutionRun run = s.resolution().run(ResolveOptions.defaults());
      out.printf(Locale.ROOT, "   %d person records, %d candidate pairs, %d cluster(s) of two or more%n", run.records(),
          run.blocking().candidatePairs(), run.clusters().size());
      ResolvedEntity petrov = s.resolution().resolved(national).orElseThrow();
      out.printf(Locale.ROOT, "   cluster %s: %s%n", petrov.cluster().orElse("-"), String.join(" + ", petrov.members().stream()
          .map(e -> e.first("name").orElse("?") + " (" + e.statements().get(0).provenance().dataset() + ")").toList()));
      for (Link l : petrov.sameAs()) {
        // the comparisons with evidence on both sides (a missing value is a null level, weight 0)
        List<String> parts = java.util.Arrays.stream(l.entity().first("explanation").orElse("").split("; "))
            .filter(x -> !x.contains(":null(")).toList();
        out.printf(Locale.ROOT, "      p=%s  %s%n", l.entity().first("score").orElse("?"), String.join("  ", parts));
      }
    }
    try (Session s = ws.session(READERS.get(0).principal(), READERS.get(0).purpose())) {
      EntityId notice = EntityId.fromSource("interpol-notices", "2026/4411");
      out.printf(Locale.ROOT, "   analyst.interpol sees %d member(s) of that cluster: the FR record and the link stay hidden%n",
          s.resolution().resolved(notice).map(r -> r.members().size()).orElse(0));
    }
    out.println();
  }

  static void showOneEntityTwoWays(Workspace ws, PrintWriter out) {
    EntityId rossi = EntityId.fromSource("interpol-notices", "2026/4413");
    out.println("3. One notice, two clearances (cell-level labels: the notes need CT):");
    for (Reader r : List.of(READERS.get(0), READERS.get(2))) {
      try (Session s = ws.session(r.principal(), r.purpose())) {
        Entity e = s.entity(rossi).orElseThrow();
        out.printf(Locale.ROOT, "   as %s: %s%n", r.principal().id(), e.properties().keySet());
      }
    }
    out.println();
  }
}
