package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;

/**
 * Re-running ingest is idempotent: whatever sequence of subsets of a corpus is ingested, in whatever order and
 * however often, the workspace ends with exactly one document per distinct content, and a last full run finds
 * nothing to do.
 */
class IngestProperties {

  @Provide
  Arbitrary<List<Integer>> contents() {
    // few distinct contents, so that some files share their bytes
    return Arbitraries.integers().between(0, 5).list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Set<Integer>>> runs() {
    return Arbitraries.integers().between(0, 7).set().ofMaxSize(8).list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 12)
  void anySequenceOfSubsetRunsEndsWithOneDocumentPerDistinctContent(@ForAll("contents") List<Integer> contents,
      @ForAll("runs") List<Set<Integer>> runs) throws IOException {
    Path tmp = Files.createTempDirectory("ingest-prop");
    try {
      Path corpus = Files.createDirectories(tmp.resolve("corpus"));
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < contents.size(); i++) {
        Path f = corpus.resolve("f" + i + ".txt");
        Files.writeString(f, "content number " + contents.get(i), StandardCharsets.UTF_8);
        files.add(f);
      }
      try (Workspace ws = Workspace.open(tmp.resolve("ws")); Session s = ws.session(IngestTest.LOADER, IngestTest.CI)) {
        for (Set<Integer> run : runs) {
          List<IngestSource> sources = run.stream().filter(i -> i < files.size()).map(i -> (IngestSource) IngestSource.file(files.get(i))).toList();
          if (sources.isEmpty()) {
            continue;
          }
          IngestReport r = ingest(s, sources.toArray(IngestSource[]::new));
          assertEquals(r.found(), r.ingested() + r.unchanged() + r.quarantined(), "every item ends in one state");
        }
        IngestReport all = ingest(s, IngestSource.directory(corpus));
        assertEquals(files.size(), all.found());
        IngestReport last = ingest(s, IngestSource.directory(corpus));
        assertEquals(0, last.ingested(), "a last full run finds nothing to do");
        assertEquals(files.size(), last.unchanged());

        Set<String> expected = new TreeSet<>();
        for (Path f : files) {
          expected.add(Document.idFor(IngestTest.DATASET.name(), IngestTest.DATASET.label(), ContentHash.of(Files.readAllBytes(f))));
        }
        var docs = s.documents(0, 100);
        assertEquals(expected.size(), docs.total(), "one document per distinct content, no duplicates");
        assertEquals(expected, new TreeSet<>(docs.items().stream().map(Document::id).toList()));
      }
    } finally {
      try (Stream<Path> walk = Files.walk(tmp)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static IngestReport ingest(Session s, IngestSource... sources) {
    return s.ingest(IngestRequest.builder(IngestTest.DATASET).source(sources).extractor(new TestMailExtractor())
        .workers(2).batchSize(3).build());
  }
}
