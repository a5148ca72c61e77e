package org.insight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.insight.cli.Main;
import org.insight.match.MatchRecord;
import org.insight.spark.cli.SparkMain;
import org.insight.test.PersonGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code insight spark link} writes the very files {@code insight match link} writes on the same CSV inputs and
 * labels: pairs.csv, clusters.csv and model.json, byte for byte — with a trained model, and without one (both then
 * fit it by EM).
 */
class SparkCliTest {

  static final List<String> COLUMNS = List.of("name", "birthDate", "passportNumber", "idNumber", "nationality",
      "phone", "email", "gender");

  @Test
  void sparkLinkWritesTheFilesOfMatchLink(@TempDir Path dir) throws IOException {
    PersonGenerator.Data<MatchRecord> data = new PersonGenerator<>(3, (id, v) -> MatchRecord.of(id, "csv", v))
        .generate(260, 0.4);
    List<MatchRecord> records = data.records();
    Path labels = labels(dir.resolve("labels.csv"), data, records.subList(0, 140), records.subList(140, records.size()));
    assertSameFiles(dir, records, List.of("--train", labels.toString()));
  }

  /** Without --train both fit the model by EM: the Spark job over the candidates' pattern counts, to the same model. */
  @Test
  void sparkLinkWithoutTrainingFitsTheModelOfMatchLink(@TempDir Path dir) throws IOException {
    List<MatchRecord> records = new PersonGenerator<>(5, (id, v) -> MatchRecord.of(id, "csv", v))
        .generate(300, 0.4).records();
    assertSameFiles(dir, records, List.of());
    String model = Files.readString(dir.resolve("spark/model.json"));
    java.util.regex.Matcher iterations = java.util.regex.Pattern.compile("\"iterations\"\\s*:\\s*(\\d+)").matcher(model);
    assertTrue(iterations.find() && Integer.parseInt(iterations.group(1)) > 1, "a model EM iterated to: " + model);
  }

  /** Links the first 140 records with the rest by both commands and compares their files. */
  static void assertSameFiles(Path dir, List<MatchRecord> records, List<String> options) throws IOException {
    SparkTestSession.get(); // the CLI's getOrCreate takes the shared session
    Path left = csv(dir.resolve("left.csv"), records.subList(0, 140));
    Path right = csv(dir.resolve("right.csv"), records.subList(140, records.size()));
    List<String> args = new ArrayList<>(List.of("link", left.toString(), right.toString(), "--id", "id"));
    args.addAll(options);
    for (String c : COLUMNS) {
      args.addAll(List.of("--map", c + "=" + c));
    }
    List<String> embedded = new ArrayList<>(List.of("match"));
    embedded.addAll(args);
    embedded.addAll(List.of("--out", dir.resolve("embedded").toString()));
    StringWriter out = new StringWriter();
    assertEquals(0, Main.run(embedded.toArray(new String[0]), new PrintWriter(out), new PrintWriter(out)), out::toString);
    List<String> spark = new ArrayList<>(args);
    spark.addAll(List.of("--out", dir.resolve("spark").toString()));
    assertEquals(0, SparkMain.run(spark.toArray(new String[0])));
    for (String file : List.of("pairs.csv", "clusters.csv", "model.json")) {
      assertEquals(Files.readString(dir.resolve("embedded").resolve(file)),
          Files.readString(dir.resolve("spark").resolve(file)), file);
    }
    assertTrue(Files.readAllLines(dir.resolve("spark/pairs.csv")).size() > 10, "the files hold matches");
  }

  static Path csv(Path file, List<MatchRecord> records) throws IOException {
    StringBuilder sb = new StringBuilder("id," + String.join(",", COLUMNS) + "\n");
    for (MatchRecord r : records) {
      sb.append(r.id());
      for (String c : COLUMNS) {
        String v = r.get(c).isEmpty() ? "" : r.get(c).get(0);
        sb.append(',').append(v.contains(",") ? "\"" + v + "\"" : v);
      }
      sb.append('\n');
    }
    return Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  /** True matches across the sides, and as many random non-matches. */
  static Path labels(Path file, PersonGenerator.Data<MatchRecord> data, List<MatchRecord> left,
      List<MatchRecord> right) throws IOException {
    Map<String, Integer> truth = data.truth();
    StringBuilder sb = new StringBuilder("left_id,right_id,match\n");
    Random random = new Random(3);
    int matches = 0;
    for (MatchRecord l : left) {
      for (MatchRecord r : right) {
        if (truth.get(l.id()).equals(truth.get(r.id()))) {
          sb.append(l.id()).append(',').append(r.id()).append(",true\n");
          matches++;
        }
      }
    }
    for (int i = 0; i < matches * 3; i++) {
      MatchRecord l = left.get(random.nextInt(left.size()));
      MatchRecord r = right.get(random.nextInt(right.size()));
      if (!truth.get(l.id()).equals(truth.get(r.id()))) {
        sb.append(l.id()).append(',').append(r.id()).append(",false\n");
      }
    }
    return Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }
}
