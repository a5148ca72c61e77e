package org.insight.workspace;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.Provenance;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;

/**
 * The child process of {@link DurabilityKillTest}: writes forever and prints a line after each write returns, i.e.
 * after the workspace acknowledged it. The parent kills it with SIGKILL at a random moment. Modes:
 * <ul>
 *   <li>{@code add}: adds a record, then {@code ACK n};
 *   <li>{@code ingest}: ingests one new text file, then {@code ACK n};
 *   <li>{@code erase}: adds a record to keep ({@code ACK n}), then a person matching a watch-list entry and a document
 *       with its own bytes ({@code WRITTEN n}), then erases both ({@code ERASED n}).
 * </ul>
 */
public final class KillWriter {
  static final Dataset RECORDS = Dataset.of("kill", Label.of("A"), SourceGrading.UNGRADED);
  static final Dataset DOCUMENTS = Dataset.of("kill-docs", Label.of("A"), SourceGrading.UNGRADED);
  static final Dataset WATCH_LIST = Dataset.of("kill-wl", Label.of("A"), SourceGrading.UNGRADED);

  private KillWriter() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int start = Integer.parseInt(args[1]);
    String mode = args.length > 2 ? args[2] : "add";
    try (Workspace ws = Workspace.builder(dir).watchLists(WATCH_LIST.name()).flagThreshold(0.05).open()) {
      Session s = ws.session(Principal.of("writer", "A"), Purpose.CRIMINAL_INVESTIGATION);
      if (mode.equals("erase")) {
        s.add(entry());
      }
      for (int i = start; ; i++) {
        switch (mode) {
          case "add" -> {
            s.add(record(i));
            say("ACK " + i);
          }
          case "ingest" -> {
            Path inbox = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-inbox"));
            Path file = inbox.resolve("item-" + i + ".txt");
            Files.writeString(file, documentText(i), StandardCharsets.UTF_8);
            s.ingest(IngestRequest.builder(DOCUMENTS).source(IngestSource.file(file)).extractor(new TestMailExtractor())
                .workers(1).build());
            say("ACK " + i);
          }
          case "erase" -> {
            s.add(record(i));
            say("ACK " + i);
            Entity gone = doomed(i);
            ContentHash hash = s.storeEvidence(new ByteArrayInputStream(documentText(i).getBytes(StandardCharsets.UTF_8)));
            s.add(gone);
            Document d = document(i, hash);
            s.add(d);
            say("WRITTEN " + i);
            s.erase(Erasure.builder().entities(gone.id()).documents(d.id()).reason("kill test").build());
            say("ERASED " + i);
          }
          default -> throw new IllegalArgumentException("mode " + mode);
        }
      }
    }
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  static Entity record(int i) {
    return RECORDS.entity("Person", "r" + i).add("name", "Person " + i).add("alias", "P" + i).build();
  }

  static Entity entry() {
    return WATCH_LIST.entity("Person", "wanted").add("name", "Gideon Vantablack").add("birthDate", "1970-01-01").build();
  }

  static Entity doomed(int i) {
    return RECORDS.entity("Person", "gone-" + i).add("name", "Gideon Vantablack").add("birthDate", "1970-01-01").build();
  }

  static String documentText(int i) {
    return "kill document " + i;
  }

  static Document document(int i, ContentHash hash) {
    return new Document(null, hash, "doc " + i, documentText(i), "en", Map.of(), null, null, Label.of("A"),
        Provenance.of(DOCUMENTS.name(), "d" + i, "text:plain", SourceGrading.UNGRADED).withContentHash(hash));
  }

  static List<String> modes() {
    return List.of("add", "ingest", "erase");
  }
}
