package org.insight.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where ingest reads from: a directory (walked recursively, filtered by globs), a single file, or a stream.
 *
 * <pre>{@code
 * IngestSource.directory(Path.of("/cases/heron/inbox")).include("*.pdf", "*.eml").exclude("drafts/**")
 * IngestSource.file(Path.of("report.txt"))
 * IngestSource.stream("upload-17.eml", () -> request.body())
 * }</pre>
 */
public sealed interface IngestSource {

  /** A directory, walked recursively (symbolic links are not followed), every file of it unless filtered. */
  static Directory directory(Path root) {
    return new Directory(root, List.of(), List.of());
  }

  /** One file. */
  static File file(Path file) {
    return new File(file);
  }

  /**
   * A stream of bytes with a name (its record id in provenance). It is copied to a temporary file once while
   * hashed, so it is read exactly once; the supplier is called once and the stream closed after.
   */
  static Stream stream(String name, Supplier<InputStream> open) {
    return new Stream(name, open);
  }

  /**
   * A directory source.
   *
   * @param root the directory
   * @param includes globs a file must match one of (all files when empty); a glob without {@code /} matches the
   *     file name, one with {@code /} the path relative to the root ({@code *.pdf}, {@code mail/**})
   * @param excludes globs that drop a file (or a whole sub-directory, {@code drafts/**}) even if included
   */
  record Directory(Path root, List<String> includes, List<String> excludes) implements IngestSource {
    public Directory {
      Objects.requireNonNull(root, "root");
      includes = List.copyOf(includes);
      excludes = List.copyOf(excludes);
    }

    /** Only files matching one of these globs. */
    public Directory include(String... globs) {
      return new Directory(root, concat(includes, globs), excludes);
    }

    /** Not files matching any of these globs. */
    public Directory exclude(String... globs) {
      return new Directory(root, includes, concat(excludes, globs));
    }

    private static List<String> concat(List<String> a, String[] b) {
      java.util.ArrayList<String> out = new java.util.ArrayList<>(a);
      out.addAll(List.of(b));
      return out;
    }
  }

  /** A single-file source. */
  record File(Path path) implements IngestSource {
    public File {
      Objects.requireNonNull(path, "path");
    }
  }

  /** A stream source; see {@link IngestSource#stream}. */
  record Stream(String name, Supplier<InputStream> open) implements IngestSource {
    public Stream {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a stream source needs a name (its record id in provenance), e.g. the upload's file name");
      }
      Objects.requireNonNull(open, "open");
    }
  }
}
