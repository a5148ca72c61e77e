package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.insight.core.json.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** insight ingest --format ftm and insight export: FtM in and out, bad lines reported, a partly-cleared export. */
class FtmCommandTest {
  @TempDir Path dir;

  static final String FILE = """
      {"id": "NK-1", "schema": "Person", "properties": {"name": ["Ivan Petrov"], "birthDate": ["1975-03-14"], "topics": ["sanction"]}}
      {"id": "co-1", "schema": "Company", "properties": {"name": ["Acme Holdings"], "jurisdiction": ["cy"]}}
      {"id": "own-1", "schema": "Ownership", "properties": {"owner": ["NK-1"], "asset": ["co-1"], "percentage": ["51"]}}
      {"id": "san-1", "schema": "Sanction", "properties": {"entity": ["NK-1"], "program": ["EU-RUS"], "authority": ["Council of the EU"]}}
      {"id": "x", "schema": "Airplane", "properties": {"name": ["Jet"]}}
      {"schema": "Person", "properties": {"name": ["No Id"]}}
      {oops
      """;

  @Test
  void ftmInWithEachBadLineReportedAndOutAgainEqual() throws Exception {
    String ws = dir.resolve("ws").toString();
    Path in = Files.writeString(dir.resolve("list.ftm.jsonl"), FILE, StandardCharsets.UTF_8);
    CliRun ingest = CliRun.of("ingest", in.toString(), "--format", "ftm", "--workspace", ws, "--dataset", "eu-list",
        "--label", "OPEN", "--grading", "A1", "--auths", "OPEN");
    assertEquals(1, ingest.code(), "problems make exit code 1: " + ingest.err());
    assertTrue(ingest.out().contains("4 entities"), ingest.out());
    for (String where : List.of("list.ftm.jsonl:5", "list.ftm.jsonl:6", "list.ftm.jsonl:7")) {
      assertTrue(ingest.out().contains(where), where + " in " + ingest.out());
    }
    assertTrue(ingest.out().contains("schema 'Airplane' is not held"), ingest.out());

    Path out = dir.resolve("out.ftm.jsonl");
    CliRun export = CliRun.of("export", "--format", "ftm", "--out", out.toString(), "--workspace", ws, "--auths",
        "OPEN", "--json");
    assertEquals(0, export.code(), export.err());
    JsonNode header = ModelJson.read(Files.readString(dir.resolve("out.ftm.jsonl.meta.json")));
    assertEquals("OPEN", header.get("label").asText());
    assertEquals(4, header.get("entities").asInt());
    List<String> lines = Files.readAllLines(out);
    assertEquals(4, lines.size());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"id\":\"own-1\",\"schema\":\"Ownership\",\"properties\":"
        + "{\"asset\":[\"co-1\"],\"owner\":[\"NK-1\"],\"percentage\":[\"51\"]}")), lines.toString());

    // the exported file imports into another workspace as it is, from standard input
    String ws2 = dir.resolve("ws2").toString();
    CliRun again = CliRun.withInput(Files.readString(out), "ingest", "-", "--format", "ftm", "--workspace", ws2,
        "--dataset", "eu-list", "--label", "OPEN", "--auths", "OPEN");
    assertEquals(0, again.code(), again.out() + again.err());
    Path back = dir.resolve("back.ftm.jsonl");
    assertEquals(0, CliRun.of("export", "--out", back.toString(), "--workspace", ws2, "--auths", "OPEN").code());
    assertEquals(Set.copyOf(lines), Set.copyOf(Files.readAllLines(back)));

    // FtM statement CSV out, in again elsewhere, out again: the same rows (ids, props, values, labels)
    Path statements = dir.resolve("out.statements.csv");
    assertEquals(0, CliRun.of("export", "--format", "ftm-statements", "--out", statements.toString(), "--workspace",
        ws, "--auths", "OPEN").code());
    List<String> rows = Files.readAllLines(statements);
    assertEquals("id,entity_id,canonical_id,prop,prop_type,schema,value,dataset,lang,original_value,first_seen,"
        + "last_seen,label", rows.get(0));
    assertTrue(rows.stream().anyMatch(r -> r.contains(",own-1,own-1,owner,entity,Ownership,NK-1,eu-list,")),
        rows.toString());
    String ws3 = dir.resolve("ws3").toString();
    assertEquals(0, CliRun.of("ingest", statements.toString(), "--format", "ftm", "--workspace", ws3, "--dataset",
        "eu-list", "--label", "OPEN", "--auths", "OPEN").code());
    Path statementsBack = dir.resolve("back.statements.csv");
    assertEquals(0, CliRun.of("export", "--format", "ftm-statements", "--out", statementsBack.toString(),
        "--workspace", ws3, "--auths", "OPEN").code());
    assertEquals(withoutSeen(rows), withoutSeen(Files.readAllLines(statementsBack)));

    CliRun bad = CliRun.of("ingest", in.toString(), "--format", "xml", "--workspace", ws, "--dataset", "d",
        "--label", "OPEN", "--auths", "OPEN");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--format xml"), bad.err());
  }

  @Test
  void anExportByAPartlyClearedPrincipalHoldsNoInvisibleValue() throws Exception {
    String ws = dir.resolve("ws").toString();
    Path open = Files.writeString(dir.resolve("open.jsonl"), """
        {"id": "p1", "schema": "Person", "properties": {"name": ["Anna Schmidt"]}}
        """);
    Path secret = Files.writeString(dir.resolve("secret.jsonl"), """
        {"id": "p1", "schema": "Person", "properties": {"alias": ["CANARY-ALIAS"], "notes": ["CANARY-NOTE"]}}
        {"id": "p2", "schema": "Person", "properties": {"name": ["CANARY-PERSON"]}}
        """);
    assertEquals(0, CliRun.of("ingest", open.toString(), "--format", "ftm", "--workspace", ws, "--dataset", "d",
        "--label", "FR", "--auths", "FR,SECRET").code());
    assertEquals(0, CliRun.of("ingest", secret.toString(), "--format", "ftm", "--workspace", ws, "--dataset", "d",
        "--label", "FR&SECRET", "--auths", "FR,SECRET").code());
    for (String format : List.of("ftm", "ftm-statements", "jsonl", "csv")) {
      Path out = dir.resolve("export." + format);
      CliRun r = CliRun.of("export", "--format", format, "--out", out.toString(), "--workspace", ws, "--auths", "FR");
      assertEquals(0, r.code(), r.err());
      String written = Files.readString(out);
      assertTrue(written.contains("Anna Schmidt"), written);
      assertFalse(written.contains("CANARY"), written);
      assertFalse(written.contains("SECRET"), written);
    }
    Path all = dir.resolve("all.csv");
    assertEquals(0, CliRun.of("export", "--format", "csv", "--out", all.toString(), "--workspace", ws, "--auths",
        "FR,SECRET").code());
    assertTrue(Files.readString(all).contains("CANARY-ALIAS"));
    assertTrue(Files.readString(dir.resolve("all.csv.meta.json")).contains("\"label\":\"FR&SECRET\""));
  }

  @Test
  void screensAgainstAnFtmListWithoutAMappingAndShowsItsSanctions() throws Exception {
    Path list = Files.writeString(dir.resolve("list.ftm.jsonl"), FILE, StandardCharsets.UTF_8);
    CliRun r = CliRun.of("screen", "Иван Петров", "--dob", "1975", "--watchlist-ftm", list.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("NK-1"), r.out());
    assertTrue(r.out().contains("sanction: EU-RUS (Council of the EU)"), r.out());
    assertTrue(r.out().contains("topics: sanction"), r.out());
    assertTrue(r.err().contains("list.ftm.jsonl:5: id x: schema 'Airplane' is not held"), r.err());
    CliRun json = CliRun.of("screen", "Иван Петров", "--watchlist-ftm", list.toString(), "--json");
    JsonNode hit = JsonSchemas.valid("screen", json.out()).get("items").get(0);
    assertEquals("NK-1", hit.get("id").asText());
    assertEquals("EU-RUS (Council of the EU)", hit.get("attributes").get("sanction").get(0).asText());
    CliRun both = CliRun.of("screen", "x", "--watchlist-ftm", list.toString(), "--watchlist", list.toString());
    assertEquals(2, both.code());
  }

  /** Rows without first_seen/last_seen (when each workspace took the value in). */
  private static Set<String> withoutSeen(List<String> rows) {
    Set<String> out = new java.util.TreeSet<>();
    for (String r : rows) {
      String[] c = r.split(",", -1);
      if (c.length >= 13) {
        out.add(String.join(",", List.of(c).subList(0, 10)) + "," + c[c.length - 1]);
      } else {
        out.add(r);
      }
    }
    return out;
  }
}
