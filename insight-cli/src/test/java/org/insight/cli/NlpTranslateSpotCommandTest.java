package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.insight.core.json.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NlpTranslateSpotCommandTest {
  @TempDir Path dir;

  static CliRun run(String stdin, String... args) {
    return CliRun.withInput(stdin, args);
  }

  @Test
  void spotFindsTheDictionaryEntriesInStandardInput() throws Exception {
    Path csv = dir.resolve("names.csv");
    Files.writeString(csv, String.join("\n", "ent-1,\"AL-RASHID, Omar\"", "ent-1,X1234567,identifier",
        "ent-2,Europol,organization", "ent-3,Omar,person", ""));
    CliRun r = run("Omar Al Rashid (passport x1234567) met Omar at EUROPOL.", "nlp", "spot", "--names", csv.toString(),
        "--json");
    assertEquals(0, r.code(), r.err());
    List<JsonNode> spots = r.out().lines().map(ModelJson::read).toList();
    assertEquals(List.of("ent-1=Omar Al Rashid", "ent-1=x1234567", "ent-2=EUROPOL"),
        spots.stream().map(n -> n.get("entity").asText() + "=" + n.get("text").asText()).toList());
    assertTrue(r.err().contains("1 name(s) too unspecific"), r.err());

    CliRun bad = run("x", "nlp", "spot", "--names", dir.resolve("missing.csv").toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("not a file"), bad.err());
  }

  @Test
  void translateWithoutAReachableServiceFailsWithWhatToDo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CliRun r = run("La maison", "nlp", "translate", "--from", "fr", "--to", "en", "--apy", "http://127.0.0.1:" + port);
    assertEquals(1, r.code());
    assertTrue(r.err().contains("cannot be reached") && r.err().contains("scripts/apy start"), r.err());
    assertEquals(2, run("x", "nlp", "translate", "--to", "en").code(), "--from is required");
  }

  @Test
  void translateFrenchToEnglishWithTheRealService() {
    String url = System.getenv("INSIGHT_APY_URL");
    assumeTrue(url != null && !url.isBlank(), "INSIGHT_APY_URL is not set: start APY with scripts/apy start to run this");
    CliRun r = run("La maison est grande.", "nlp", "translate", "--from", "fr", "--to", "en", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode n = JsonSchemas.valid("nlp-translate", r.out());
    assertTrue(n.get("text").asText().toLowerCase(Locale.ROOT).contains("house"), r.out());
    assertEquals("fra>spa>eng", String.join(">", List.of(n.get("path").get(0).asText(), n.get("path").get(1).asText(),
        n.get("path").get(2).asText())));
    CliRun readable = run("La maison est grande.", "nlp", "translate", "--from", "fr", "--to", "en");
    assertTrue(readable.out().toLowerCase(Locale.ROOT).contains("house") && readable.err().contains("fra > spa > eng"),
        readable.out() + readable.err());
  }

  @Test
  void enrichSpotsTheNoticeInTheReportOnlyForThoseWhoMaySeeIt() throws Exception {
    String ws = dir.resolve("ws").toString();
    assertEquals(0, run("", "demo", "--workspace", ws).code());
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    CliRun both = run("", "enrich", "--workspace", ws, "--auths", "FR,POLICE,INTERPOL", "--steps", "lang,spot,translate",
        "--apy", "http://127.0.0.1:" + closed, "--json");
    assertEquals(1, both.code(), "translate was not available: incomplete " + both.err());
    JsonNode n = ModelJson.read(both.out());
    JsonNode spot = n.get("steps").get(1);
    JsonNode translate = n.get("steps").get(2);
    assertEquals("spot", spot.get("name").asText());
    // the report: Ivan PETROV (the French record and, without his middle name, the notice), Jean-Luc MOREAU, and the
    // phone number (Petrov's French record and the Phone entity of the call records); the tip e-mail: Ivan PETROV
    // (record and notice)
    assertEquals(7, spot.get("mentions").asInt(), both.out());
    assertTrue(translate.get("unavailableReason").asText().contains("cannot be reached"), both.out());

    CliRun national = run("", "enrich", "--workspace", ws, "--auths", "FR,POLICE", "--steps", "spot", "--json");
    assertEquals(0, national.code(), national.err());
    assertEquals(5, ModelJson.read(national.out()).get("steps").get(0).get("mentions").asInt(),
        "no notice in the dictionary of a reader who may not see notices: " + national.out());
  }
}
