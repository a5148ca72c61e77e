package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.insight.core.json.ModelJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow") // forks Tika worker processes: quick loop with -DexcludedGroups=slow
class ExtractCommandTest {
  @TempDir Path dir;

  CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void extractPrintsTextMetadataAndChildren() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("note.txt"));
      zip.write("The ferry leaves at six.".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    Path file = dir.resolve("bundle.zip");
    Files.write(file, bytes.toByteArray());

    CliRun json = run("extract", file.toString(), "--json", "--no-ocr");
    assertEquals(0, json.code(), json.err());
    JsonNode n = ModelJson.read(json.out());
    assertEquals("application/zip", n.get("mediaType").asText());
    assertEquals("ingested", n.get("outcome").get("status").asText());
    assertTrue(n.get("ocr").isNull());
    assertTrue(n.has("metadata") && n.has("text"));
    JsonNode child = n.get("children").get(0);
    assertEquals("note.txt", child.get("name").asText());
    assertTrue(child.get("text").asText().contains("ferry leaves at six"));

    CliRun readable = run("extract", file.toString(), "--no-ocr");
    assertEquals(0, readable.code(), readable.err());
    assertTrue(readable.out().contains("bundle.zip!/note.txt") && readable.out().contains("ferry leaves at six"),
        readable.out());

    CliRun missing = run("extract", dir.resolve("none.pdf").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("none.pdf"), missing.err());
  }

  @Test
  void ocrPrintsTheRecognisedText() throws Exception {
    BufferedImage image = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1200, 300);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 56));
    g.drawString("CARGO MANIFEST 7731", 60, 160);
    g.dispose();
    Path png = dir.resolve("scan.png");
    ImageIO.write(image, "png", png.toFile());

    CliRun ocr = run("ocr", png.toString(), "--lang", "eng");
    assertEquals(0, ocr.code(), ocr.err());
    assertTrue(ocr.out().contains("CARGO MANIFEST 7731"), ocr.out());
    assertTrue(ocr.err().contains("ocr:tesseract@5"), ocr.err());

    CliRun bad = run("ocr", png.toString(), "--lang", "not a language");
    assertEquals(2, bad.code(), "a bad argument is a usage error: " + bad.err());
  }
}
