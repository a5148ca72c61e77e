package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.insight.core.EntityId;
import org.insight.core.json.ModelJson;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  CliRun run(String... args) {
    return CliRun.of(args);
  }

  String ws() {
    return dir.resolve("ws").toString();
  }

  @Test
  void demoLeavesAWorkspaceTheOtherCommandsExplore() {
    CliRun demo = run("demo", "--workspace", ws());
    assertEquals(0, demo.code(), demo.err());
    assertTrue(demo.out().contains("OK: the audit log's chain is intact") && demo.out().contains("UNKEYED"), demo.out());

    CliRun entities = run("entities", "--workspace", ws(), "--auths", "INTERPOL", "--type", "Person", "--json");
    assertEquals(0, entities.code(), entities.err());
    JsonNode list = ModelJson.read(entities.out());
    assertEquals(4, list.get("total").asInt(), "an INTERPOL analyst sees the four notices only");

    String rossi = EntityId.fromSource("interpol-notices", "2026/4413").value();
    CliRun withoutCt = run("entity", rossi, "--workspace", ws(), "--auths", "INTERPOL", "--json");
    CliRun withCt = run("entity", rossi, "--workspace", ws(), "--auths", "INTERPOL,CT", "--purpose", "counter-terrorism", "--json");
    assertFalse(ModelJson.read(withoutCt.out()).get("properties").has("notes"));
    assertTrue(ModelJson.read(withCt.out()).get("properties").has("notes"));

    CliRun nothing = run("count", "--workspace", ws(), "--auths", "INTERPOL,FR,POLICE", "--purpose", "border-control", "--json");
    assertEquals("{\"format\":1,\"entities\":0,\"documents\":0}", nothing.out().trim());
  }

  @Test
  void anInvisibleEntityAndAMissingOneGetTheSameAnswer() {
    run("demo", "--workspace", ws());
    String rossi = EntityId.fromSource("interpol-notices", "2026/4413").value();
    CliRun invisible = run("entity", rossi, "--workspace", ws(), "--auths", "FR");
    CliRun missing = run("entity", "no-such-entity", "--workspace", ws(), "--auths", "FR");
    assertEquals(1, invisible.code());
    assertEquals(1, missing.code());
    assertEquals(invisible.err().replace(rossi, "ID"), missing.err().replace("no-such-entity", "ID"));
  }

  @Test
  void addThenReadBack() {
    CliRun add = run("add", "--workspace", ws(), "--dataset", "fr", "--label", "FR&POLICE", "--auths", "FR,POLICE", "--grading", "A2",
        "--type", "Person", "--record", "77", "name=Jean Dupont", "birthDate=11/02/1980");
    assertEquals(0, add.code(), add.err());
    CliRun list = run("entities", "--workspace", ws(), "--auths", "FR,POLICE", "--json");
    JsonNode item = ModelJson.read(list.out()).get("items").get(0);
    assertEquals("1980-02-11", item.get("properties").get("birthDate").get(0).asText());
    CliRun bad = run("add", "--workspace", ws(), "--dataset", "fr", "--label", "FR", "--auths", "FR", "--type", "Person", "--record", "78",
        "birthDate=1980-02-30");
    assertEquals(1, bad.code());
    assertTrue(bad.err().startsWith("insight: ") && bad.err().contains("birthDate"), bad.err());
    assertFalse(bad.err().contains("\tat "), "no stack trace without --debug");
  }

  /** add, ingest and watch share one set of source options: the same names, the same usage errors. */
  @Test
  void sourceOptionsAreOneSetAcrossWritingCommands() throws Exception {
    Path file = dir.resolve("note.txt");
    Files.writeString(file, "a note");
    String[] record = {"--type", "Person", "--record", "79", "name=Ana Lima"};
    for (String[] command : List.of(new String[] {"add"}, new String[] {"ingest", file.toString()},
        new String[] {"watch", dir.toString(), "--once"})) {
      String[] tail = command[0].equals("add") ? record : new String[0];
      CliRun grading = run(concat(concat(command, "--workspace", ws(), "--dataset", "fr", "--label", "FR", "--auths",
          "FR", "--grading", "Z9"), tail));
      assertEquals(2, grading.code(), command[0] + ": " + grading.err());
      assertTrue(grading.err().contains("--grading"), grading.err());
      CliRun label = run(concat(concat(command, "--workspace", ws(), "--dataset", "fr", "--label", "FR&&", "--auths",
          "FR"), tail));
      assertEquals(2, label.code(), command[0] + ": " + label.err());
      assertTrue(label.err().contains("--label"), label.err());
    }
    CliRun add = run("add", "--workspace", ws(), "--dataset", "fr", "--label", "FR", "--auths", "FR", "--originator",
        "FR-NCB", "--delete-after", "2099-01-01", "--type", "Person", "--record", "79", "name=Ana Lima");
    assertEquals(0, add.code(), "add keeps its --delete-after: " + add.err());
    JsonNode statement = ModelJson.read(run("entities", "--workspace", ws(), "--auths", "FR", "--json").out())
        .get("items").get(0).get("statements").get(0);
    assertTrue(statement.toString().contains("delete-after=2099-01-01"), statement.toString());
    assertTrue(statement.toString().contains("FR-NCB"), statement.toString());
  }

  @Test
  void searchFindsOnlyWhatTheSessionMaySee() {
    run("demo", "--workspace", ws());
    CliRun investigator = run("search", "name:\"Иван Петров\"", "--workspace", ws(), "--auths", "INTERPOL,FR,POLICE", "--json");
    assertEquals(0, investigator.code(), investigator.err());
    JsonNode r = ModelJson.read(investigator.out());
    assertEquals(2, r.get("entities").asInt(), "the notice and the national record, across scripts");
    CliRun analyst = run("search", "name:\"Иван Петров\"", "--workspace", ws(), "--auths", "INTERPOL", "--json");
    assertEquals(1, ModelJson.read(analyst.out()).get("entities").asInt(), "the national record is not visible");

    CliRun text = run("search", "blue van", "--workspace", ws(), "--auths", "FR,POLICE", "--facets");
    assertTrue(text.out().contains("document"), text.out());
    assertTrue(text.out().contains("<b>"), "snippets are highlighted: " + text.out());

    CliRun suggest = run("suggest", "ivan pe", "--workspace", ws(), "--auths", "INTERPOL", "--json");
    assertEquals("{\"format\":1,\"items\":[{\"text\":\"Ivan Sergeyevich PETROV\",\"entities\":1}]}", suggest.out().trim(),
        "only the notice: the national record needs FR&POLICE");

    CliRun bad = run("search", "name:(Ivan", "--workspace", ws());
    assertEquals(2, bad.code(), "a bad query is a usage error");
    assertTrue(bad.err().contains("position"), bad.err());
  }

  @Test
  void anyWordSearchRanksASentenceThatTheAllWordsFormDoesNotFind() {
    run("demo", "--workspace", ws());
    String sentence = "was a blue van seen near the harbour";
    CliRun all = run("search", sentence, "--workspace", ws(), "--auths", "FR,POLICE", "--json");
    assertEquals(0, all.code(), all.err());
    assertEquals(0, ModelJson.read(all.out()).get("documents").asInt(), "every word must match: " + all.out());
    CliRun any = run("search", "--any", sentence, "--workspace", ws(), "--auths", "FR,POLICE", "--json");
    assertEquals(0, any.code(), any.err());
    JsonNode r = ModelJson.read(any.out());
    assertTrue(r.get("documents").asInt() > 0, any.out());
    assertEquals("document", r.get("hits").get(0).get("kind").asText(), any.out());
    assertEquals(1.0, r.get("hits").get(0).get("score").asDouble(), 1e-9, "the best hit scores 1");
    CliRun operators = run("search", "--any", "NOT blue AND van", "--workspace", ws(), "--auths", "FR,POLICE", "--json");
    assertEquals(0, operators.code(), "--any reads no operators: " + operators.err());
    assertTrue(ModelJson.read(operators.out()).get("documents").asInt() > 0, operators.out());
  }

  @Test
  void outOfRangePagesAndInvertedRangesAreUsageErrorsThatSayWhatToDo() {
    run("demo", "--workspace", ws());
    // issue 14, finding 8: these used to answer with Lucene's and the JDK's internals
    CliRun offset = run("search", "ivan", "--offset", "2147483647", "--workspace", ws(), "--auths", "INTERPOL");
    assertEquals(2, offset.code(), offset.err());
    assertTrue(offset.err().contains("the page offset 2147483647 is out of range"), offset.err());
    assertFalse(offset.err().contains("fromIndex"), offset.err());
    CliRun limit = run("search", "ivan", "--limit", "-1", "--workspace", ws(), "--auths", "INTERPOL");
    assertEquals(2, limit.code(), limit.err());
    assertTrue(limit.err().contains("the page limit -1 is out of range"), limit.err());
    CliRun range = run("search", "birthDate:[2000 TO 1900]", "--workspace", ws(), "--auths", "INTERPOL");
    assertEquals(2, range.code(), range.err());
    assertTrue(range.err().contains("ends before it starts"), range.err());
    assertFalse(range.err().contains("min value"), range.err());
  }

  @Test
  void batchSearchWritesOneRowPerHit() throws Exception {
    run("demo", "--workspace", ws());
    Path queries = dir.resolve("queries.csv");
    Files.writeString(queries, "\uFEFFid,query\nq1,passport:724410981\nq2,\"name:\"\"Amina El Khoury\"\"\"\nq3,name:(broken\n",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("hits.csv");
    CliRun batch = run("search", "--queries", queries.toString(), "--out", out.toString(), "--workspace", ws(),
        "--auths", "INTERPOL");
    assertEquals(1, batch.code(), "one query failed: exit 1, the others still ran");
    assertTrue(batch.err().contains("query q3"), batch.err());
    List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals("query_id,rank,kind,item_id,score,caption", rows.get(0));
    assertTrue(rows.stream().anyMatch(l -> l.startsWith("q1,1,entity," + EntityId.fromSource("interpol-notices", "2026/4411"))), rows.toString());
    assertTrue(rows.stream().anyMatch(l -> l.startsWith("q2,1,entity," + EntityId.fromSource("interpol-notices", "2026/4412"))), rows.toString());
  }

  @Test
  void matchDedupeReadsAMessyExportAndWritesPairsAndClusters() throws Exception {
    Path csv = dir.resolve("people.csv");
    Files.writeString(csv, "\uFEFFid, full_name , dob,passport\n"
        + "1, Ivan Petrov, 1975-03-14, 724410981\n"
        + "2,\"PETROV, Ivan\",14/03/1975,72 4410981\n"
        + "3, Marco Rossi,1969,YA5539120\n"
        + "4,Bad Date,1975-02-30,\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("match");
    CliRun r = run("match", "dedupe", csv.toString(), "--id", "id", "--map", "full_name=name", "--map", "dob=birthDate",
        "--map", "passport=passportNumber", "--out", out.toString(), "--explain");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("line 5 column 'dob'") && r.err().contains("1975-02-30") && r.err().contains("left out"),
        "the bad value is reported and left out: " + r.err());
    List<String> pairs = Files.readAllLines(out.resolve("pairs.csv"), StandardCharsets.UTF_8);
    assertEquals(2, pairs.size(), pairs.toString());
    assertTrue(pairs.get(1).startsWith("1,2,"), pairs.toString());
    assertTrue(pairs.get(1).contains("passportNumber:exact"), "explained: " + pairs);
    List<String> clusters = Files.readAllLines(out.resolve("clusters.csv"), StandardCharsets.UTF_8);
    assertEquals(5, clusters.size(), "header + records 1, 2 (together), 3 and 4 (kept without its date): " + clusters);
    java.util.Map<String, String> clusterOf = new java.util.HashMap<>();
    clusters.stream().skip(1).forEach(l -> clusterOf.put(l.split(",")[1], l.split(",")[0]));
    assertEquals(clusterOf.get("1"), clusterOf.get("2"));
    assertTrue(!clusterOf.get("1").equals(clusterOf.get("3")));
    CliRun missing = run("match", "dedupe", csv.toString(), "--id", "nope", "--map", "full_name=name", "--out", out.toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("no column 'nope'"), missing.err());
  }

  @Test
  void matchDedupeTrainsFromLabelledPairsAndWritesTheModel() throws Exception {
    Path csv = dir.resolve("people.csv");
    Files.writeString(csv, "id,name,dob\n"
        + "1,Ivan Petrov,1975-03-14\n"
        + "2,Ivan Petrov,1975-03-14\n"
        + "3,Marco Rossi,1969-01-02\n"
        + "4,Marco Rossi,1981-07-30\n", StandardCharsets.UTF_8);
    Path labels = dir.resolve("labels.csv");
    Files.writeString(labels, "left_id,right_id,match\n1,2,yes\n3,4,different\n1,99,true\n1,3,maybe\n",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("trained");
    CliRun r = run("match", "dedupe", csv.toString(), "--id", "id", "--map", "name=name", "--map", "dob=birthDate",
        "--train", labels.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("line 4") && r.err().contains("'99'"), "the unknown id is reported: " + r.err());
    assertTrue(r.err().contains("line 5") && r.err().contains("'maybe'"), "the bad verdict is reported: " + r.err());
    JsonNode model = ModelJson.read(Files.readString(out.resolve("model.json"), StandardCharsets.UTF_8));
    assertEquals("labels", model.get("fitted").asText());
    assertEquals(0.5, model.get("lambda").asDouble(), 1e-9, "one match among two usable labels");
    JsonNode birth = model.get("comparisons").get(1);
    assertEquals("birthDate", birth.get("comparison").asText());
    assertTrue(birth.get("levels").get(0).get("weight").asDouble() > 0, "an exact date is evidence of a match: " + birth);
    assertTrue(birth.get("levels").get(4).get("weight").asDouble() < 0, "a clashing date is evidence against: " + birth);

    Files.writeString(labels, "left_id,right_id,match\n1,2,true\n", StandardCharsets.UTF_8);
    CliRun onlyMatches = run("match", "dedupe", csv.toString(), "--id", "id", "--map", "name=name",
        "--train", labels.toString(), "--out", out.toString());
    assertEquals(1, onlyMatches.code());
    assertTrue(onlyMatches.err().contains("needs both matches and non-matches"), onlyMatches.err());
  }

  @Test
  void matchLinkMeasuresItselfAgainstLabelledPairs() throws Exception {
    Path left = dir.resolve("left.csv");
    Files.writeString(left, "id,name,dob\nL1,Ivan Petrov,1975-03-14\nL2,Zed Quux,1990-01-01\nL3,Marco Rossi,1969-01-02\n",
        StandardCharsets.UTF_8);
    Path right = dir.resolve("right.csv");
    Files.writeString(right, "id,name,dob\nR1,PETROV Ivan,14/03/1975\nR2,Amina Haddad,1988-07-02\n"
        + "R3,Marco Rossi,1981-07-30\n", StandardCharsets.UTF_8);
    Path truth = dir.resolve("truth.csv");
    // L2 = R2 is a match no key can find (nothing in common): blocking recall 1 of 2
    Files.writeString(truth, "left_id,right_id,match\nL1,R1,true\nL2,R2,true\nL3,R3,false\nL1,L3,false\n",
        StandardCharsets.UTF_8);
    CliRun r = run("match", "link", left.toString(), right.toString(), "--id", "id", "--map", "name=name",
        "--map", "dob=birthDate", "--truth", truth.toString(), "--out", dir.resolve("linked").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("line 5") && r.err().contains("same side"), "a same-side label is reported: " + r.err());
    assertTrue(r.out().contains("3 labelled pairs") && r.out().contains("(2 matches, 1 non-matches)"), r.out());
    assertTrue(r.out().contains("blocking recall 0.5000 (1 of 2 matches compared)"), r.out());
    assertTrue(r.out().contains("precision 1.0000, recall 0.5000") && r.out().contains("(1 matches, 0 non-matches paired)"),
        r.out());
  }

  @Test
  void matchDedupeComparesAddressesPhonesAndEmails() throws Exception {
    Path csv = dir.resolve("contacts.csv");
    Files.writeString(csv, "id,name,street,tel,mail\n"
        + "a, Karim Benali,\"12 Rue de la Paix, 75002 Paris\",+44 7911 123456,karim.benali+shop@gmail.com\n"
        + "b,\"BENALI, Karim\",\"12, r. de la paix 75002 PARIS\",07911 123456,karimbenali@googlemail.com\n"
        + "c,Karim Benali,\"Hauptstr. 5, 10115 Berlin\",+49 30 1234567,kb@example.org\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("contacts");
    CliRun r = run("match", "dedupe", csv.toString(), "--id", "id", "--map", "name=name", "--map", "street=address",
        "--map", "tel=phone", "--map", "mail=email", "--out", out.toString(), "--explain", "--threshold", "0");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().isBlank(), "a national number is not a bad row: " + r.err());
    List<String> pairs = Files.readAllLines(out.resolve("pairs.csv"), StandardCharsets.UTF_8);
    String ab = pairs.stream().filter(l -> l.startsWith("a,b,")).findFirst().orElseThrow(() -> new AssertionError(pairs));
    assertTrue(ab.contains("address:exact") && ab.contains("phone:national") && ab.contains("email:normalised"), ab);
    String ac = pairs.stream().filter(l -> l.startsWith("a,c,")).findFirst().orElseThrow(() -> new AssertionError(pairs));
    assertTrue(ac.contains("address:else") && ac.contains("phone:else") && ac.contains("email:else"), ac);
  }

  @Test
  void matchResolveJudgeAndEventsInTheDemoWorkspace() {
    run("demo", "--workspace", ws());
    String notice = EntityId.fromSource("interpol-notices", "2026/4411").value();
    String national = EntityId.fromSource("fr-police-records", "FR-77-0192").value();
    String[] who = {"--workspace", ws(), "--auths", "INTERPOL,FR,POLICE"};
    CliRun resolve = run(concat(new String[] {"match", "resolve", "--json"}, who));
    assertEquals(0, resolve.code(), resolve.err());
    JsonNode r = ModelJson.read(resolve.out());
    assertEquals(7, r.get("records").asInt(), "the DE record is past its retention date: " + resolve.out());
    JsonNode cluster = r.get("clusters").get(0);
    assertEquals(List.of(notice, national).stream().sorted().toList(),
        List.of(cluster.get("members").get(0).asText(), cluster.get("members").get(1).asText()), resolve.out());
    assertEquals(0, r.get("events").size(), "the demo's own run merged them; nothing changed since: " + resolve.out());

    CliRun show = run(concat(new String[] {"match", "show", national}, who));
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("same-as") && show.out().contains("name:"), show.out());
    CliRun frOnly = run("match", "show", national, "--workspace", ws(), "--auths", "FR,POLICE", "--json");
    assertEquals(1, ModelJson.read(frOnly.out()).get("members").size(), "FR alone cannot see the notice side");

    CliRun judge = run(concat(new String[] {"match", "judge", notice, national, "--different", "--reason", "other father"},
        who));
    assertEquals(0, judge.code(), judge.err());
    assertTrue(judge.out().contains("different from") && judge.out().contains("other father"), judge.out());
    CliRun again = run(concat(new String[] {"match", "resolve"}, who));
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("0 clusters of two or more"), again.out());
    CliRun events = run(concat(new String[] {"match", "events", "--json"}, who));
    JsonNode list = ModelJson.read(events.out()).get("items");
    assertEquals(List.of("merge", "split"), List.of(list.get(0).get("kind").asText(), list.get(1).get("kind").asText()));
    CliRun undo = run(concat(new String[] {"match", "undo", list.get(1).get("id").asText()}, who));
    assertEquals(0, undo.code(), undo.err());
    CliRun third = run(concat(new String[] {"match", "resolve"}, who));
    assertTrue(third.out().contains("1 clusters of two or more"), "the undone split merges again: " + third.out());

    CliRun usage = run("match", "judge", notice, national, "--workspace", ws());
    assertEquals(2, usage.code(), "a verdict is required");
    CliRun invisible = run("match", "judge", notice, national, "--same", "--workspace", ws(), "--auths", "FR,POLICE");
    assertEquals(1, invisible.code());
    assertTrue(invisible.err().contains("is visible to this session"), invisible.err());
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void nlpSelectorsReadStandardInput() {
    java.io.InputStream saved = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(
          "Call +33 6 12 34 56 78, pay FR76 3000 6000 0112 3456 7890 189, not FR76 3000 6000 0112 3456 7890 188."
              .getBytes(StandardCharsets.UTF_8)));
      CliRun r = run("nlp", "selectors", "--json");
      assertEquals(0, r.code(), r.err());
      List<String> lines = r.out().lines().toList();
      assertEquals(2, lines.size(), "the IBAN with a wrong check digit is no hit: " + lines);
      assertEquals("+33612345678", ModelJson.read(lines.get(0)).get("value").asText());
      assertEquals("FR7630006000011234567890189", ModelJson.read(lines.get(1)).get("value").asText());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("entities", "--no-such-option").code());
    assertEquals(2, run("no-such-command").code());
    assertEquals(2, run("entity").code(), "missing ID");
  }

  @Test
  void labelCommandCanonicalisesAndDecides() {
    CliRun r = run("label", "A|(A&B)", "--auths", "A");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("canonical: A"), r.out());
    CliRun denied = run("label", "A&B", "--auths", "A");
    assertEquals(1, denied.code());
    CliRun syntax = run("label", "A&|B");
    assertEquals(2, syntax.code(), "a bad label is a usage error");
    assertTrue(syntax.err().contains("position 2"), syntax.err());
  }

  @Test
  void auditVerifyCatchesTamperingAndRollback() throws Exception {
    run("demo", "--workspace", ws());
    Path cp = dir.resolve("cp.txt");
    assertEquals(0, run("audit", "checkpoint", "--workspace", ws(), "--out", cp.toString()).code());
    assertEquals(0, run("audit", "verify", "--workspace", ws(), "--checkpoint", cp.toString()).code());

    Path log = Workspace.auditFile(Path.of(ws()));
    List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
    List<String> original = List.copyOf(lines);
    lines.set(3, lines.get(3).replace("\"ok\"", "\"OK\""));
    Files.write(log, lines, StandardCharsets.UTF_8);
    CliRun altered = run("audit", "verify", "--workspace", ws(), "--json");
    assertEquals(1, altered.code());
    assertEquals("ALTERED", ModelJson.read(altered.out()).get("problem").asText());
    assertEquals(4, ModelJson.read(altered.out()).get("firstBadLine").asInt());

    Files.write(log, original.subList(0, original.size() - 2), StandardCharsets.UTF_8);
    assertEquals(0, run("audit", "verify", "--workspace", ws()).code(), "a truncated chain is self-consistent");
    CliRun truncated = run("audit", "verify", "--workspace", ws(), "--checkpoint", cp.toString());
    assertEquals(1, truncated.code(), "but the checkpoint catches it");
  }

  /** Issue 14, finding 5: a keyed chain and a signed checkpoint catch what the unkeyed chain could not. */
  @Test
  void aKeyedAuditChainCatchesForgedAppendsAndDeletion() throws Exception {
    run("demo", "--workspace", ws());
    String key = dir.resolve("keys/audit.key").toString();
    String priv = dir.resolve("keys/cp.pem").toString();
    String pub = dir.resolve("keys/cp.pub.pem").toString();
    assertEquals(0, run("audit", "keygen", "--out", key).code());
    assertEquals(0, run("audit", "keygen", "--signing", priv, "--public", pub).code());
    assertTrue(run("audit", "keygen", "--out", key).code() != 0, "never overwrites a key");

    CliRun plain = run("audit", "verify", "--workspace", ws(), "--json");
    assertEquals(0, plain.code());
    assertEquals("UNKEYED", ModelJson.read(plain.out()).get("integrity").asText(), "says plainly it is unkeyed");

    // a read with the key keys the log from here on; then it refuses to open without the key
    assertEquals(0, run("count", "--workspace", ws(), "--auths", "INTERPOL", "--audit-key", key).code());
    CliRun noKey = run("count", "--workspace", ws(), "--auths", "INTERPOL");
    assertEquals(1, noKey.code(), noKey.err());
    assertTrue(noKey.err().contains("--audit-key"), noKey.err());

    Path cp = dir.resolve("cp.txt");
    assertEquals(0, run("audit", "checkpoint", "--workspace", ws(), "--audit-key", key, "--sign-key", priv, "--out",
        cp.toString()).code());
    assertTrue(Files.readString(cp).contains("signature=ed25519:"));
    CliRun ok = run("audit", "verify", "--workspace", ws(), "--key", key, "--checkpoint", cp.toString(),
        "--public-key", pub, "--json");
    assertEquals(0, ok.code(), ok.out());
    assertEquals("KEYED", ModelJson.read(ok.out()).get("integrity").asText());

    Path log = Workspace.auditFile(Path.of(ws()));
    List<String> original = Files.readAllLines(log, StandardCharsets.UTF_8);
    // a forged append with a recomputed SHA-256, as the red team made: plain verify notices the downgrade too
    JsonNode last = ModelJson.read(original.get(original.size() - 1));
    String prev = last.get("hash").asText();
    String canonical = "{\"seq\":" + (last.get("seq").asLong() + 1) + ",\"at\":\"2026-12-01T00:00:00Z\",\"principal\":"
        + "\"mallory\",\"purpose\":\"criminal-investigation\",\"operation\":\"count\",\"query\":\"\",\"items\":[],"
        + "\"outcome\":\"ok\"}";
    String hash = org.insight.Hashing.sha256Hex(prev + canonical);
    List<String> forged = new ArrayList<>(original);
    forged.add(canonical.substring(0, canonical.length() - 1) + ",\"prev\":\"" + prev + "\",\"hash\":\"" + hash + "\"}");
    Files.write(log, forged, StandardCharsets.UTF_8);
    CliRun caught = run("audit", "verify", "--workspace", ws(), "--key", key, "--json");
    assertEquals(1, caught.code());
    assertEquals("UNKEYED", ModelJson.read(caught.out()).get("problem").asText());

    // a forged checkpoint (count lowered to hide a truncation) fails its signature
    Path lowered = dir.resolve("lowered.txt");
    Files.writeString(lowered, Files.readString(cp).replaceFirst("entries=(\\d+)", "entries=1"));
    CliRun badSig = run("audit", "verify", "--workspace", ws(), "--key", key, "--checkpoint", lowered.toString(),
        "--public-key", pub, "--json");
    assertEquals(1, badSig.code());
    assertEquals("BAD_SIGNATURE", ModelJson.read(badSig.out()).get("problem").asText());

    Files.delete(log);
    CliRun deleted = run("audit", "verify", "--workspace", ws(), "--key", key, "--checkpoint", cp.toString(), "--json");
    assertEquals(1, deleted.code());
    assertEquals("DELETED", ModelJson.read(deleted.out()).get("problem").asText());
  }
}
