package org.insight.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;

/** Test fixtures: copies resources to files, reads them through mappings, and shows entities compactly. */
final class Fixtures {
  static final Dataset DATASET = Dataset.of("test-records", Label.of("POLICE&FR"), SourceGrading.parse("B2"));

  private Fixtures() {}

  static Path copy(String resource, Path dir) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      Path out = dir.resolve(resource);
      Files.copy(in, out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything one read produced. */
  record Read(List<MappedRecord> records, RecordSummary summary) {
    List<Entity> entities() {
      return records.stream().flatMap(r -> r.entities().stream()).toList();
    }

    List<Entity> links() {
      return records.stream().flatMap(r -> r.links().stream()).toList();
    }

    List<RowProblem> problems() {
      return records.stream().flatMap(r -> r.problems().stream()).toList();
    }

    MappedRecord at(long line) {
      return records.stream().filter(r -> r.line() == line).findFirst().orElseThrow(
          () -> new AssertionError("no record at line " + line + " in " + records));
    }
  }

  static Read read(Path file, RecordMapping mapping) {
    List<MappedRecord> out = new ArrayList<>();
    RecordSummary s = RecordReader.read(file, mapping, DATASET, out::add);
    return new Read(out, s);
  }

  /** Property → values, sorted by property, for exact comparison. */
  static Map<String, List<String>> props(Entity e) {
    return new TreeMap<>(e.properties());
  }
}
