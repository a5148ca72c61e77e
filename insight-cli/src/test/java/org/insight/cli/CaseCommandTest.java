package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.insight.core.EntityId;
import org.insight.core.json.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two analysts of different clearances on one case, through the CLI: what each sees, conflicts and refusals. */
class CaseCommandTest {
  @TempDir Path dir;

  private CliRun run(String user, String auths, String... args) {
    String[] all = new String[args.length + 6];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(new String[] {"--workspace", dir.toString(), "--user", user, "--auths", auths}, 0, all,
        args.length, 6);
    return CliRun.of(all);
  }

  private JsonNode ok(CliRun r) {
    assertEquals(0, r.code(), r.err());
    return ModelJson.read(r.out());
  }

  @Test
  void eachAnalystSeesTheCaseAsFarAsItsClearanceAllows() {
    ok(run("loader", "INTERPOL,SECRET", "add", "--dataset", "d", "--label", "INTERPOL&SECRET", "--type", "Person",
        "--record", "1", "name=Hidden Person", "--json"));
    String hidden = EntityId.fromSource("d", "1").value();
    String id = ok(run("alice", "INTERPOL", "case", "create", "Operation Heron", "--label", "INTERPOL", "--json"))
        .get("case").get("id").asText();
    ok(run("alice", "INTERPOL", "case", "add", id, "--member", "bob", "--json"));
    JsonNode note = ok(run("bob", "INTERPOL,SECRET", "case", "note", id, "seen in Lyon", "--on", "entity:" + hidden,
        "--json")).get("item");
    assertEquals("INTERPOL&SECRET", note.get("label").asText().split(";")[0], "raised to the entity's label");
    ok(run("bob", "INTERPOL,SECRET", "case", "note", id, "call the liaison officer", "--json"));

    JsonNode bobs = ok(run("bob", "INTERPOL,SECRET", "case", "show", id, "--json"));
    JsonNode alices = ok(run("alice", "INTERPOL", "case", "show", id, "--json"));
    assertEquals(2, bobs.get("notes").size());
    assertEquals(1, alices.get("notes").size());
    assertFalse(alices.toString().contains(note.get("id").asText()), "nothing of the hidden note: " + alices);
    assertFalse(alices.toString().contains(hidden), "nor of its entity");

    // a non-member is answered as for a case that does not exist
    CliRun carol = run("carol", "INTERPOL,SECRET", "case", "show", id);
    CliRun missing = run("carol", "INTERPOL,SECRET", "case", "show", "case-missing");
    assertEquals(1, carol.code());
    assertEquals(missing.err().replace("case-missing", "ID"), carol.err().replace(id, "ID"));
    assertTrue(ok(run("carol", "INTERPOL,SECRET", "case", "list", "--json")).get("items").isEmpty());

    // two edits of one version: the second is refused with the versions, nothing lost
    String task = ok(run("alice", "INTERPOL", "case", "task", id, "Check the phone", "--json")).get("item").get("id")
        .asText();
    ok(run("alice", "INTERPOL", "case", "task", id, "--update", task, "--version", "1", "--state", "in-progress", "--json"));
    CliRun late = run("bob", "INTERPOL,SECRET", "case", "task", id, "--update", task, "--version", "1", "--owner", "bob");
    assertEquals(1, late.code());
    assertTrue(late.err().contains("version 2") && late.err().contains("version 1"), late.err());
    CliRun bad = run("bob", "INTERPOL,SECRET", "case", "task", id, "--update", task, "--version", "2", "--state", "maybe");
    assertEquals(2, bad.code(), "an unknown state is a usage error: " + bad.err());
    CliRun text = run("alice", "INTERPOL", "case", "show", id);
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("Operation Heron") && text.out().contains("in-progress"), text.out());
  }

  @Test
  void aSignedPackageGoesToAnotherWorkspaceOnceAndATamperedOneIsRefused() throws Exception {
    ok(run("loader", "INTERPOL", "add", "--dataset", "d", "--label", "INTERPOL", "--type", "Person", "--record", "1",
        "name=Ivan Petrov", "--json"));
    String person = EntityId.fromSource("d", "1").value();
    String id = ok(run("alice", "INTERPOL", "case", "create", "Operation Heron", "--label", "INTERPOL", "--json"))
        .get("case").get("id").asText();
    ok(run("alice", "INTERPOL", "case", "note", id, "seen in Lyon", "--on", "entity:" + person, "--json"));
    Path priv = dir.resolve("k.pem");
    Path pub = dir.resolve("k.pub.pem");
    CliRun keygen = CliRun.of("audit", "keygen", "--signing", priv.toString(), "--public", pub.toString());
    assertEquals(0, keygen.code(), keygen.err());
    Path pkg = dir.resolve("pkg");
    JsonNode exported = ok(run("alice", "INTERPOL", "case", "export", id, "--out", pkg.toString(), "--sign-key",
        priv.toString(), "--public-key", pub.toString(), "--origin", "lyon", "--json"));
    assertEquals(1, exported.get("format").asInt());
    assertEquals(1, exported.get("entities").asInt());
    String other = dir.resolve("other").toString();
    String[] receiver = {"--workspace", other, "--user", "rita", "--auths", "INTERPOL"};
    JsonNode first = ok(CliRun.of(concat(new String[] {"case", "import", pkg.toString(), "--trust", pub.toString(),
        "--json"}, receiver)));
    assertEquals("lyon", first.get("origin").asText());
    assertEquals(1, first.get("format").asInt());
    ok(CliRun.of(concat(new String[] {"case", "import", pkg.toString(), "--trust", pub.toString(), "--json"},
        receiver)));
    JsonNode shown = ok(CliRun.of(concat(new String[] {"case", "show", id, "--json"}, receiver)));
    assertEquals(1, shown.get("notes").size(), "imported once: " + shown);
    assertEquals("seen in Lyon", shown.get("notes").get(0).get("text").asText());

    java.nio.file.Files.writeString(pkg.resolve("case.jsonl"), "{}\n", java.nio.file.StandardOpenOption.APPEND);
    CliRun refused = CliRun.of(concat(new String[] {"case", "import", pkg.toString(), "--trust", pub.toString()},
        receiver));
    assertEquals(1, refused.code(), refused.err());
    assertTrue(refused.err().contains("case.jsonl"), refused.err());
  }

  @Test
  void aReportProductIsDraftedFromTheCliAndItsReleaseIsRefusedItemByItemForAProfileThatCannotSeeSomeItem()
      throws Exception {
    ok(run("loader", "INTERPOL,FR", "add", "--dataset", "d", "--label", "INTERPOL", "--type", "Person", "--record",
        "1", "name=Ivan Petrov", "--json"));
    ok(run("loader", "INTERPOL,FR", "add", "--dataset", "d", "--label", "INTERPOL&FR", "--type", "Person", "--record",
        "1", "passportNumber=X1234567", "--json"));
    String person = EntityId.fromSource("d", "1").value();
    String id = ok(run("alice", "INTERPOL,FR", "case", "create", "Operation Heron", "--label", "INTERPOL", "--json"))
        .get("case").get("id").asText();
    ok(run("alice", "INTERPOL,FR", "case", "add", id, "--member", "bob", "--json"));
    Path html = dir.resolve("ivan.html");
    JsonNode drafted = ok(run("alice", "INTERPOL,FR", "release", "draft", id, "Ivan Petrov profile", "--product",
        "profile", "--subject", person, "--out", html.toString(), "--json")).get("production");
    assertTrue(java.nio.file.Files.readString(html).contains("X1234567"), "the product was rendered to --out");
    assertEquals(org.insight.Hashing.sha256Hex(java.nio.file.Files.readAllBytes(html)),
        drafted.get("sha256").asText(), "its hash is recorded");
    java.util.Set<String> frItems = new java.util.TreeSet<>();
    drafted.get("items").forEach(i -> {
      if (i.get("label").asText().contains("FR")) {
        frItems.add(i.get("id").asText());
      }
    });
    assertTrue(drafted.get("items").size() >= 2 && !frItems.isEmpty(), "the statements with their own labels: "
        + drafted);
    String pid = drafted.get("id").asText();
    ok(run("alice", "INTERPOL,FR", "release", "review", id, pid, "--version", "1", "--reviewer", "bob", "--json"));
    ok(run("bob", "INTERPOL,FR", "release", "approve", id, pid, "--version", "2", "--json"));
    Path profiles = java.nio.file.Files.writeString(dir.resolve("profiles.ini"), "[country FR]\nauthorizations = FR\n"
        + "[country DE]\nauthorizations = DE\n[role police]\nauthorizations = POLICE, INTERPOL\n"
        + "purposes = criminal-investigation\n[profile fr-police]\ncountry = FR\nrole = police\n"
        + "[profile de-police]\ncountry = DE\nrole = police\n");
    CliRun refused = run("alice", "INTERPOL,FR", "release", "release", id, pid, "--version", "3", "--to-profile",
        "de-police", "--to-profile", "fr-police", "--profiles", profiles.toString(), "--json");
    assertEquals(1, refused.code(), refused.err());
    JsonNode r = ModelJson.read(refused.out());
    java.util.Set<String> refusedItems = new java.util.TreeSet<>();
    r.get("refused").forEach(x -> {
      assertEquals("de-police", x.get("recipient").asText().replaceFirst("^profile:", ""), r.toString());
      assertFalse(x.get("reason").asText().isBlank(), "each with its reason");
      refusedItems.add(x.get("item").asText());
    });
    assertEquals(frItems, refusedItems, "exactly the items the DE profile cannot see: " + r);
    CliRun text = run("alice", "INTERPOL,FR", "release", "release", id, pid, "--version", "3", "--to-profile",
        "de-police", "--profiles", profiles.toString());
    assertEquals(1, text.code());
    assertTrue(frItems.stream().allMatch(text.err()::contains), "the text form names every refused item: " + text.err());
    JsonNode released = ok(run("alice", "INTERPOL,FR", "release", "release", id, pid, "--version", "3",
        "--to-profile", "fr-police", "--profiles", profiles.toString(), "--json")).get("production");
    assertEquals("released", released.get("state").asText());
    CliRun both = run("alice", "INTERPOL,FR", "release", "draft", id, "x", "--product", "map", "--from-file",
        html.toString(), "--out", html.toString());
    assertEquals(2, both.code(), "a file or a product, not both: " + both.err());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
