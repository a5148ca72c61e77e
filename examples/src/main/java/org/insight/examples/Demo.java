package org.insight.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityBuilder;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.policy.AuditCheckpoint;
import org.insight.policy.AuditVerification;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Hit;
import org.insight.search.Query;
import org.insight.search.SearchResult;
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
  public record Result(int entitiesLoaded, int documentsLoaded, List<long[]> visibleCounts, AuditVerification audit) {}

  private Demo() {}

  public static void main(String[] args) {
    run(Path.of(args.length > 0 ? args[0] : "insight-data"), new PrintWriter(System.out, true));
  }

  public static Result run(Path dir, PrintWriter out) {
    out.println("INSIGHT demo — workspace " + dir.toAbsolutePath().normalize());
    out.println();
    try (Workspace ws = Workspace.open(dir)) {
      int[] loaded = load(ws, out);
      List<long[]> counts = compareReaders(ws, out);
      showOneEntityTwoWays(ws, out);
      search(ws, out);
      AuditVerification audit = ws.verifyAudit();
      AuditCheckpoint checkpoint = ws.auditCheckpoint();
      Path cp = dir.resolve("audit-checkpoint.txt");
      Files.writeString(cp, checkpoint + "\n", StandardCharsets.UTF_8);
      out.println("5. Every read above was audited in a hash-chained log:");
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
      return new Result(loaded[0], loaded[1], counts, audit);
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

    Principal loader = Principal.of("demo.loader");
    try (Session s = ws.session(loader, CI)) {
      s.add(entities);
      Label reportLabel = Label.builder("FR&POLICE").purposes(CI).originator("FR-NCB").build();
      byte[] bytes;
      try (InputStream in = Demo.class.getResourceAsStream("sample/report-2026-0412.txt")) {
        bytes = in.readAllBytes();
      }
      ContentHash hash = s.storeEvidence(new java.io.ByteArrayInputStream(bytes));
      Provenance p = Provenance.of("fr-police-reports", "2026-0412", "text:plain", SourceGrading.parse("B3"))
          .withContentHash(hash);
      s.add(new Document(null, hash, "Police report 2026-0412", new String(bytes, StandardCharsets.UTF_8), "en",
          Map.of("fileName", List.of("report-2026-0412.txt")), null, new Document.Extraction("text:plain", "", -1),
          reportLabel, p));
    }
    out.printf("1. Loaded %d entities (people, phones, calls) and 1 report from 5 sources, each value with its own%n"
        + "   label, purposes, retention and source grading.%n", entities.size());
    enrich(ws, out);
    return new int[] {entities.size(), 1};
  }

  /** Enrichment of the report as a reader cleared for it: its language and validated selectors, as mentions. */
  static void enrich(Workspace ws, PrintWriter out) {
    try (Session s = ws.session(Principal.of("demo.enricher", "FR", "POLICE"), CI)) {
      org.insight.workspace.EnrichmentReport r = org.insight.workspace.Enrichment.builder()
          .step(org.insight.workspace.EnrichmentSteps.language())
          .step(org.insight.workspace.EnrichmentSteps.selectors(org.insight.nlp.SelectorExtractor.create()))
          .build().run(s);
      for (Document d : s.documents(0, 10).items()) {
        out.printf("   Enriched %s: language %s (confidence %s); selectors found, each a mention labelled %s:%n",
            d.title(), d.metadata().getOrDefault("language.detected", List.of("?")).get(0),
            d.metadata().getOrDefault("language.confidence", List.of("?")).get(0), d.label().expression());
        for (org.insight.core.Mention m : s.mentions(d.id())) {
          out.printf("      %-34s %-30s %s%n", m.provenance().method(), m.value(), '"' + m.text() + '"');
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
    out.printf("   %-20s %-24s %-22s %7s %6s %5s %9s%n", "reader", "authorizations", "purpose", "persons", "phones",
        "calls", "documents");
    List<long[]> counts = new ArrayList<>();
    for (Reader r : READERS) {
      try (Session s = ws.session(r.principal(), r.purpose())) {
        long[] c = {s.count("Person"), s.count("Phone"), s.count("Call"), s.documents(0, 1).total()};
        counts.add(c);
        out.printf("   %-20s %-24s %-22s %7d %6d %5d %9d%n", r.principal().id(),
            String.join(",", r.principal().authorizations()), r.purpose(), c[0], c[1], c[2], c[3]);
      }
    }
    out.println("   (the DE record is past its delete-after date: nobody sees it; border control is not a purpose");
    out.println("    the sources allowed, so the border guard sees nothing despite the same clearances)");
    out.println();
    return counts;
  }

  /** Search as the Lyon investigator: a name in Cyrillic, a passport typed with separators, words of a report. */
  static void search(Workspace ws, PrintWriter out) {
    out.println("4. Search, as investigator.lyon (names across scripts, identifiers however typed, full text):");
    try (Session s = ws.session(READERS.get(1).principal(), READERS.get(1).purpose())) {
      for (String q : List.of("name:\"Иван Петров\"", "passport:\"72-441-0981\"", "blue van")) {
        SearchResult r = s.search(Query.parse(q).limit(3));
        out.printf("   %-26s %d hit(s)%n", q, r.total());
        for (Hit h : r.hits()) {
          out.printf("      %-8s %.2f  %s%s%n", h.kind().name().toLowerCase(java.util.Locale.ROOT), h.score(), h.caption(),
              h.highlights().isEmpty() ? "" : "  — " + h.highlights().get(0));
        }
      }
    }
    out.println();
  }

  static void showOneEntityTwoWays(Workspace ws, PrintWriter out) {
    EntityId rossi = EntityId.fromSource("interpol-notices", "2026/4413");
    out.println("3. One notice, two clearances (cell-level labels: the notes need CT):");
    for (Reader r : List.of(READERS.get(0), READERS.get(2))) {
      try (Session s = ws.session(r.principal(), r.purpose())) {
        Entity e = s.entity(rossi).orElseThrow();
        out.printf("   as %s: %s%n", r.principal().id(), e.properties().keySet());
      }
    }
    out.println();
  }
}
