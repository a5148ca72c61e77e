package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.insight.core.json.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NlpCommandTest {
  @TempDir Path dir;

  CliRun run(String stdin, String... args) {
    return CliRun.withInput(stdin, args);
  }

  @Test
  void detectGivesPassagesWithLanguagesAndUnknownForShortOnes() {
    String text = "The suspect was seen leaving the building at night. He drove a blue van registered in Lyon.\n\n"
        + "Le suspect a été vu quittant le bâtiment la nuit. Il conduisait une camionnette bleue immatriculée à Lyon."
        + "\n\nOK";
    CliRun r = run(text, "nlp", "detect", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode n = ModelJson.read(r.out());
    List<String> langs = new ArrayList<>();
    n.get("passages").forEach(p -> langs.add(p.get("language").asText()));
    assertEquals(List.of("en", "fr", "unknown"), langs);
    CliRun readable = run(text, "nlp", "detect");
    assertTrue(readable.out().contains(" fr "), readable.out());
  }

  @Test
  void trainNerThenNerFindsAnUnseenName() throws Exception {
    Random random = new Random(7);
    String[] first = {"Ivan", "Marco", "Fatima", "Jean", "Olga", "Ahmed", "Lucia", "Pierre", "Anna", "Omar"};
    String[] last = {"Petrov", "Rossi", "Haddad", "Dupont", "Ivanova", "Mansour", "Garcia", "Weber", "Santos", "Novak"};
    String[] templates = {"Officers stopped P near the station .", "P was seen leaving a warehouse .",
        "The informant said that P owns the van .", "P called P twice before the meeting .",
        "Witnesses described P as nervous .", "Police arrested P on Friday .", "Phone records link P to the group ."};
    List<String> train = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String t = templates[random.nextInt(templates.length)];
      StringBuilder sb = new StringBuilder();
      for (String w : t.split(" ")) {
        sb.append(w.equals("P") ? "<START:person> " + first[random.nextInt(first.length)] + " "
            + last[random.nextInt(last.length)] + " <END>" : w).append(' ');
      }
      train.add(sb.toString().trim());
    }
    Path data = Files.write(dir.resolve("train.txt"), train.subList(0, 250));
    Path eval = Files.write(dir.resolve("eval.txt"), train.subList(250, 300));
    Path model = dir.resolve("person.bin");
    CliRun t = run("", "nlp", "train-ner", "--data", data.toString(), "--out", model.toString(), "--eval", eval.toString(),
        "--iterations", "50", "--json");
    assertEquals(0, t.code(), t.err());
    JsonNode result = JsonSchemas.valid("nlp-train-ner", t.out());
    assertTrue(result.get("evaluation").get("f1").asDouble() >= 0.9, t.out());
    assertTrue(Files.size(model) > 0);

    CliRun ner = run("Police arrested Viktor Kuznetsov on Friday.", "nlp", "ner", "--model", model.toString(), "--json");
    assertEquals(0, ner.code(), ner.err());
    JsonNode hit = JsonSchemas.valid("nlp-ner", ner.out());
    assertEquals("Person", hit.get("type").asText());
    assertEquals("Viktor Kuznetsov", hit.get("text").asText());
    assertEquals(result.get("method").asText(), hit.get("method").asText());

    CliRun bad = run("", "nlp", "train-ner", "--data", Files.writeString(dir.resolve("bad.txt"), "<START:person> x\n")
        .toString(), "--out", dir.resolve("x.bin").toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("line 1"), bad.err());
  }

  @Test
  void enrichRunsOnTheDemoWorkspaceAndSaysWhatWasNotRun() {
    String ws = dir.resolve("ws").toString();
    assertEquals(0, run("", "demo", "--workspace", ws).code());
    CliRun r = run("", "enrich", "--workspace", ws, "--auths", "FR,POLICE", "--steps", "lang,selectors,ner", "--json");
    assertEquals(1, r.code(), "ner had no model: incomplete " + r.err());
    JsonNode n = ModelJson.read(r.out());
    // the inbox the demo ingests: the report (4 selectors), the tip e-mail, its attachment (1) and the HTML note
    assertEquals(4, n.get("documents").asInt());
    assertEquals(0, n.get("updatedDocuments").asInt(), "the demo already enriched the inbox: nothing changed");
    assertEquals(5, n.get("steps").get(1).get("mentions").asInt());
    assertTrue(n.get("steps").get(2).get("unavailableReason").asText().contains("--ner-model"));
    CliRun ok = run("", "enrich", "--workspace", ws, "--auths", "FR,POLICE");
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().contains("selectors  4 documents, 5 mentions"), ok.out());
    String id = null; // the report (ids are content-derived, so pick it by its source record, not by id order)
    for (JsonNode item : ModelJson.read(run("", "document", "--workspace", ws, "--auths", "FR,POLICE", "--json").out())
        .get("items")) {
      if (item.get("provenance").get("recordId").asText().equals("report-2026-0412.txt")) {
        id = item.get("id").asText();
      }
    }
    JsonNode doc = ModelJson.read(run("", "document", id, "--workspace", ws, "--auths", "FR,POLICE", "--json").out());
    assertEquals(4, doc.get("mentions").size(), doc.toString());
    assertEquals("en", doc.get("metadata").get("language.detected").get(0).asText(), doc.toString());
    CliRun readable = run("", "document", id, "--workspace", ws, "--auths", "FR,POLICE");
    assertTrue(readable.out().contains("pattern:iban@1.0") && readable.out().contains("language: en"), readable.out());
    CliRun unknown = run("", "enrich", "--workspace", ws, "--steps", "lang,magic");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("unknown step 'magic'"), unknown.err());
  }
}
