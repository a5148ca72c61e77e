package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.insight.core.Dataset;
import org.insight.core.EntityId;
import org.insight.core.ftm.FtmWriter;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FtM in (through the ingest pipeline) and out (through the session's one audited export), and CSV/JSON lines out. */
class FtmExportTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  static final Dataset OSINT = Dataset.of("osint", Label.of("OPEN"), SourceGrading.parse("B2"));
  static final ObjectMapper JSON = new ObjectMapper();

  static String sample() throws IOException {
    try (InputStream in = FtmExportTest.class.getResourceAsStream("every-schema.ftm.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static IngestReport ingestFtm(Session s, IngestSource source) {
    return s.ingest(IngestRequest.builder(OSINT).source(source).ftm(s.workspace().schema()).build());
  }

  /** What {@code s} exports with {@code options}, as text. */
  static String text(Session s, ExportOptions options) {
    StringWriter w = new StringWriter();
    s.export(options, w);
    return w.toString();
  }

  static Set<JsonNode> lines(String text) throws IOException {
    Set<JsonNode> out = new HashSet<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        ObjectNode n = (ObjectNode) JSON.readTree(line);
        n.remove("datasets");
        out.add(n);
      }
    }
    return out;
  }

  @Test
  void anFtmFileImportsWithIdsAndTypesKeptAndExportsBackEqual(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("every-schema.ftm.jsonl"), sample());
    try (Workspace ws = Workspace.builder(dir.resolve("ws")).clock(Fixtures.FIXED).open()) {
      Session s = ws.session(Fixtures.loader("loader"), CI);
      IngestReport r = ingestFtm(s, IngestSource.file(file));
      assertEquals(List.of(), r.failures());
      assertEquals(22 + 2, r.entities(), "22 FtM entities and the Call's two Phones");
      assertEquals("Company", s.entity(EntityId.fromSource("osint", "NK-company-1")).orElseThrow().schema());
      assertEquals("Transfer", s.entity(EntityId.fromSource("osint", "pay-1")).orElseThrow().schema());
      assertEquals("Passport", s.entity(EntityId.fromSource("osint", "pp-1")).orElseThrow().schema());

      long audit = ws.audit.size();
      StringWriter out = new StringWriter();
      Export export = s.export(ExportOptions.all(), out);
      assertEquals(audit + 1, ws.audit.size(), "one audit entry for the whole export");
      AuditRecord entry = ws.audit.tail(1).get(0);
      assertEquals("export", entry.event().operation());
      assertEquals(24, entry.event().items().size(), "every exported id (Phones too)");
      assertTrue(entry.event().query().contains("sha256=" + export.sha256()), entry.event().query());
      assertEquals(sha256(out.toString()), export.sha256(), "the audit names the bytes that went out");
      FtmWriter.Result result = export.ftm().orElseThrow();
      assertEquals(22, result.written());
      assertEquals(java.util.Map.of("Phone", 2L), result.omittedTypes());
      assertEquals(lines(sample()), lines(out.toString()), "ids, schemata and values come back as they went in");
      assertEquals("OPEN", export.label().orElseThrow().toString());

      // a re-import (the same file again, as a stream this time, so the ledger does not skip it) changes nothing
      long statements = export.statements();
      IngestReport again = ingestFtm(s, IngestSource.stream("every-schema.ftm.jsonl",
          () -> new java.io.ByteArrayInputStream(sampleBytes())));
      assertEquals(List.of(), again.failures());
      assertEquals(statements, s.export(ExportOptions.all(), new StringWriter()).statements());
      assertEquals(24, s.count(null));
    }
  }

  static byte[] sampleBytes() {
    try {
      return sample().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void badLinesAreReportedAsFileLineAndTheRestLoads(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("mixed.jsonl"), """
        {"id": "a", "schema": "Person", "properties": {"name": ["Anna"], "weakAlias": ["Anni"]}}
        {"id": "b", "schema": "Airplane", "properties": {"name": ["Jet"]}}
        not json
        {"id": "c", "schema": "Company", "properties": {"name": ["C Ltd"]}}
        """);
    try (Workspace ws = Workspace.builder(dir.resolve("ws")).clock(Fixtures.FIXED).open()) {
      Session s = ws.session(Fixtures.loader("loader"), CI);
      IngestReport r = ingestFtm(s, IngestSource.file(file));
      assertEquals(2, r.entities());
      assertEquals(List.of("mixed.jsonl:1", "mixed.jsonl:2", "mixed.jsonl:3"),
          r.failures().stream().map(IngestReport.Failure::path).toList());
      assertTrue(r.failures().get(0).message().startsWith("id a: property Person.weakAlias is not held"));
      assertEquals(2, s.count(null));
    }
  }

  @Test
  void anExportByAPartlyClearedSessionHoldsNoInvisibleValue(@TempDir Path dir) throws IOException {
    try (Workspace ws = Workspace.builder(dir.resolve("ws")).clock(Fixtures.FIXED).open()) {
      Session w = ws.session(Fixtures.loader("loader"), CI);
      Dataset fr = Dataset.of("fr", Label.of("FR"), SourceGrading.parse("B2"));
      Dataset secret = Dataset.of("fr", Label.of("FR&SECRET"), SourceGrading.parse("B2"));
      w.add(fr.entity("Person", "p1").add("name", "Ivan Petrov").add("birthDate", "1975").build(),
          secret.entity("Person", "p1").add("alias", "CANARY-ALIAS").add("notes", "CANARY-NOTE").build(),
          secret.entity("Person", "p2").add("name", "CANARY-PERSON").build(),
          secret.entity("Ownership", "o1").add("owner", EntityId.fromSource("fr", "p1").value())
              .add("role", "CANARY-ROLE").build(),
          fr.entity("Company", "c1").add("name", "Acme").build());
      Session reader = ws.session(Principal.of("analyst", List.of("FR")), CI);
      StringWriter ftm = new StringWriter();
      Export export = reader.export(ExportOptions.all(), ftm);
      assertEquals(2, export.entities());
      assertEquals("FR", export.label().orElseThrow().toString());
      String jsonl = text(reader, ExportOptions.all().shape(ExportOptions.Shape.JSONL));
      String csv = text(reader, ExportOptions.all().shape(ExportOptions.Shape.CSV));
      String statements = text(reader, ExportOptions.all().shape(ExportOptions.Shape.FTM_STATEMENTS));
      String header = export.header().toString();
      for (String written : List.of(ftm.toString(), jsonl, csv, statements, header)) {
        assertFalse(written.contains("CANARY"), written);
        assertFalse(written.contains("SECRET"), written);
      }
      assertTrue(ftm.toString().contains("Ivan Petrov"));
      assertTrue(csv.contains("Ivan Petrov"));
      assertTrue(statements.contains(",name,name,Person,Ivan Petrov,fr,,,"), statements);
      assertTrue(jsonl.startsWith("{\"format\":1,"), jsonl);

      assertEquals(1, reader.export(ExportOptions.all().types("Person"), new StringWriter()).entities());
      Export found = reader.export(ExportOptions.all().query(Query.text("Acme")), new StringWriter());
      assertEquals(List.of(EntityId.fromSource("fr", "c1").value()), ws.audit.tail(1).get(0).event().items());
      assertEquals(1, found.entities());
      assertEquals(0, reader.export(ExportOptions.all().query(Query.text("CANARY")), new StringWriter()).entities());
    }
  }

  static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 4180 rows (quoted cells, doubled quotes, CRLF). */
  static List<List<String>> csvRows(String text) {
    List<List<String>> rows = new java.util.ArrayList<>();
    List<String> row = new java.util.ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new java.util.ArrayList<>();
      } else if (c != '\r') {
        cell.append(c);
      }
    }
    return rows;
  }

  @Test
  void aWorkspaceWatchListShowsFtmTopicsAndSanctionsWithEachHitAndOnlyWhatTheSessionSees(@TempDir Path dir)
      throws IOException {
    Path list = Files.writeString(dir.resolve("wanted.ftm.jsonl"), """
        {"id": "NK-rossi", "schema": "Person", "properties": {"name": ["Marco Rossi"], "topics": ["wanted", "crime"]}}
        {"id": "san-1", "schema": "Sanction", "properties": {"entity": ["NK-rossi"], "program": ["EU-ITA"], "authority": ["Council of the EU"]}}
        """);
    Dataset secret = Dataset.of("notices", Label.of("OPEN&SECRET"), SourceGrading.parse("A1"));
    try (Workspace ws = Workspace.builder(dir.resolve("ws")).clock(Fixtures.FIXED).watchLists("notices").open()) {
      Session w = ws.session(Fixtures.loader("loader"), CI);
      IngestReport r = w.ingest(IngestRequest.builder(Dataset.of("notices", Label.of("OPEN"), SourceGrading.parse("A1")))
          .source(IngestSource.file(list)).ftm(ws.schema()).build());
      assertEquals(List.of(), r.failures());
      w.add(secret.entity("Sanction", "san-secret").add("entity", EntityId.fromSource("notices", "NK-rossi").value())
          .add("program", "CANARY-PROGRAMME").build());
      Session open = ws.session(Principal.of("analyst", List.of("OPEN")), CI);
      org.insight.match.ScreeningHit hit = open.screen(org.insight.match.ScreeningQuery.of("Марко Росси"), 1).get(0);
      assertEquals(EntityId.fromSource("notices", "NK-rossi").value(), hit.id());
      assertEquals(java.util.Map.of("topics", List.of("crime", "wanted"),
          "sanction", List.of("EU-ITA (Council of the EU)")), hit.attributes());
      Session cleared = ws.session(Principal.of("officer", List.of("OPEN", "SECRET")), CI);
      assertEquals(List.of("CANARY-PROGRAMME", "EU-ITA (Council of the EU)"), cleared.screen(
          org.insight.match.ScreeningQuery.of("Marco Rossi"), 1).get(0).attributes().get("sanction"));
    }
  }
}
