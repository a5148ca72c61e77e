package org.insight.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.insight.core.Document;
import org.insight.core.Mention;
import org.insight.core.Provenance;
import org.insight.core.json.ModelJson;

/** A small corpus and the comparisons the extraction tests share. */
final class ExtractFixtures {
  private ExtractFixtures() {}

  /**
   * Two text files (English with selectors, French), a zip holding a text file (an embedded item) and a file that
   * says it is a PDF but is not one (quarantined).
   */
  static Path corpus(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("mail"));
    Files.writeString(dir.resolve("report.txt"), "The suspect called +33 6 12 34 56 78 twice from the harbour and "
        + "wrote to ivan.petrov@example.org about the transfer to FR76 3000 6000 0112 3456 7890 189.",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("mail/note.txt"), "Le suspect a quitté le port de Marseille vers vingt et une heures,"
        + " selon le témoin interrogé ce matin par les enquêteurs.", StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(dir.resolve("bundle.zip")); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("inner.txt"));
      zip.write("The courier met the suspect near the harbour; write to courier@example.net for the route."
          .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    Files.write(dir.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage\u0000\u0001"
        .getBytes(StandardCharsets.ISO_8859_1));
    return dir;
  }

  /** The provenance without the loader's stamp (who and when), here and in everything it derives from. */
  static Provenance unstamped(Provenance p) {
    return new Provenance(p.dataset(), p.recordId(), p.contentHash(), null, null, p.method(), p.grading(),
        p.derivedFrom().stream().map(ExtractFixtures::unstamped).toList());
  }

  /** A document's JSON form without the stamps: what must equal between the embedded and the Spark path. */
  static String comparable(Document d) {
    return ModelJson.write(ModelJson.document(d.withProvenance(unstamped(d.provenance()))));
  }

  static String comparable(Mention m) {
    return ModelJson.write(ModelJson.mention(m.withProvenance(unstamped(m.provenance()))));
  }

  /** Documents by id, in comparable form. */
  static Map<String, String> byId(List<Document> documents) {
    Map<String, String> out = new TreeMap<>();
    documents.forEach(d -> out.put(d.id(), comparable(d)));
    return out;
  }

  /** Mentions by id, in comparable form. */
  static Map<String, String> mentionsById(List<Mention> mentions) {
    Map<String, String> out = new TreeMap<>();
    mentions.forEach(m -> out.put(m.id(), comparable(m)));
    return out;
  }
}
