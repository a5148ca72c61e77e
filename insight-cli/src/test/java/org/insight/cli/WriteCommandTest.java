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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write model through the CLI (rule 7; issue 14 findings 1 and 2): {@code insight add} and {@code insight ingest}. */
class WriteCommandTest {
  @TempDir Path dir;

  private String ws() {
    return dir.resolve("ws").toString();
  }

  private CliRun add(String label, String auths, String... values) {
    List<String> args = new ArrayList<>(List.of("add", "--workspace", ws(), "--dataset", "hr", "--label", label,
        "--type", "Person", "--record", "1"));
    if (auths != null) {
      args.addAll(List.of("--auths", auths));
    }
    args.addAll(List.of(values));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static final String ID = EntityId.fromSource("hr", "1").value();

  private JsonNode entity(String auths) {
    CliRun r = CliRun.of("entity", ID, "--workspace", ws(), "--auths", auths, "--json");
    assertEquals(0, r.code(), r.err());
    return ModelJson.read(r.out());
  }

  @Test
  void anOpenAddOfASecretRecordLeavesTheSecretReadersViewIntact() {
    assertEquals(0, add("SECRET", "SECRET", "name=Ivan Petrov", "passportNumber=P123").code());
    String before = entity("SECRET").toString();
    assertTrue(before.contains("Ivan Petrov") && before.contains("P123"), before);

    CliRun open = add("OPEN", "OPEN", "name=Ivan Petrov", "passportNumber=P123");
    assertEquals(0, open.code(), open.err());
    CliRun changed = add("OPEN", "OPEN", "name=Someone Else", "passportNumber=X999");
    assertEquals(0, changed.code(), changed.err());

    assertEquals(before, entity("SECRET").toString(), "the SECRET reader sees exactly what it saw");
    String openView = entity("OPEN").toString();
    assertTrue(openView.contains("Someone Else") && !openView.contains("SECRET"), openView);
  }

  @Test
  void addRefusesALabelTheWriterDoesNotHoldAndStoresNothing() {
    CliRun refused = add("SECRET", null, "name=Ivan Petrov");
    assertEquals(Main.FAILED, refused.code(), refused.err());
    assertTrue(refused.err().contains("may not attach the label SECRET"), refused.err());
    assertFalse(refused.err().contains("Ivan"), "a refusal names no value: " + refused.err());
    CliRun count = CliRun.of("count", "--workspace", ws(), "--auths", "SECRET", "--json");
    assertEquals("{\"format\":1,\"entities\":0,\"documents\":0}", count.out().trim(), count.err());
  }

  @Test
  void writersAreConfiguredWithAFileSavedInTheWorkspaceAndEnforced() throws Exception {
    Path writers = Files.writeString(dir.resolve("writers.properties"), "hr = alice\n");
    CliRun alice = CliRun.of("add", "--workspace", ws(), "--writers", writers.toString(), "--user", "alice",
        "--auths", "OPEN", "--dataset", "hr", "--label", "OPEN", "--type", "Person", "--record", "1", "name=Ivan Petrov");
    assertEquals(0, alice.code(), alice.err());
    // saved: a later run without --writers enforces it
    CliRun bob = CliRun.of("add", "--workspace", ws(), "--user", "bob", "--auths", "OPEN", "--dataset", "hr",
        "--label", "OPEN", "--type", "Person", "--record", "2", "name=Amina Diallo");
    assertEquals(Main.FAILED, bob.code(), bob.err());
    assertTrue(bob.err().contains("may not write into dataset 'hr'"), bob.err());
    CliRun count = CliRun.of("count", "--workspace", ws(), "--auths", "OPEN", "--json");
    assertEquals("{\"format\":1,\"entities\":1,\"documents\":0}", count.out().trim(), count.err());

    CliRun ingest = CliRun.of("ingest", writers.toString(), "--workspace", ws(), "--user", "bob", "--auths", "OPEN",
        "--dataset", "hr", "--label", "OPEN", "--in-process");
    assertEquals(Main.FAILED, ingest.code(), ingest.err());
    assertTrue(ingest.err().contains("may not write into dataset 'hr'"), ingest.err());

    Path bad = Files.writeString(dir.resolve("bad.properties"), "hr = alice,,bob\n");
    assertEquals(Main.USAGE, CliRun.of("add", "--workspace", ws(), "--writers", bad.toString(), "--auths", "OPEN",
        "--dataset", "hr", "--label", "OPEN", "--type", "Person", "--record", "3", "name=X").code());
    assertEquals(Main.USAGE, CliRun.of("count", "--workspace", ws(), "--writers", writers.toString()).code(),
        "--writers is for commands that write");
  }

  /** Finding 2: after a SECRET ingest, the OPEN ingest of the same path said "unchanged" and made no copy. */
  @Test
  void anOpenIngestOfAPathASecretIngestHadMakesItsOwnCopyAndLearnsNothing() throws Exception {
    Path f = Files.writeString(dir.resolve("report.txt"), "Nightjar seen at the harbour.", StandardCharsets.UTF_8);
    CliRun secret = CliRun.of("ingest", f.toString(), "--workspace", ws(), "--dataset", "reports", "--label", "SECRET",
        "--auths", "SECRET", "--in-process", "--json");
    assertEquals(0, secret.code(), secret.err());
    CliRun open = CliRun.of("ingest", f.toString(), "--workspace", ws(), "--dataset", "reports", "--label", "OPEN",
        "--auths", "OPEN", "--in-process", "--json");
    assertEquals(0, open.code(), open.err());
    JsonNode r = ModelJson.read(open.out());
    assertEquals(1, r.get("ingested").asInt(), open.out());
    assertEquals(0, r.get("unchanged").asInt(), open.out());
    assertEquals(1, r.get("documents").asInt(), open.out());
    CliRun search = CliRun.of("search", "nightjar", "--workspace", ws(), "--auths", "OPEN", "--json");
    assertEquals(1, ModelJson.read(search.out()).get("total").asInt(), search.out());
    CliRun secretSearch = CliRun.of("search", "nightjar", "--workspace", ws(), "--auths", "SECRET", "--json");
    assertEquals(1, ModelJson.read(secretSearch.out()).get("total").asInt(), "the SECRET document is still SECRET");
  }
}
