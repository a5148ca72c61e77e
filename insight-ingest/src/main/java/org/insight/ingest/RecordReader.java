package org.insight.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.insight.Hashing;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.ingest.internal.Readers;
import org.insight.ingest.internal.RecordMapper;
import org.insight.ingest.internal.RecordView;

/**
 * Reads a structured file through a {@link RecordMapping}, streaming: each row becomes one {@link MappedRecord}
 * handed to the consumer before the next row is read, so memory is bounded by the largest row (one JSON record
 * at a time, even inside a huge array). Values, not rows: a bad value is reported as a {@link RowProblem} and left
 * out, and its row still loads with the rest; only a row with no usable value (or no matching rule, or missing a
 * required entity) loads nothing.
 *
 * <pre>{@code
 * Dataset ds = Dataset.of("operator-x-cdr", Label.of("FR&POLICE"), SourceGrading.parse("B2"));
 * RecordSummary s = RecordReader.read(Path.of("calls.csv"), RecordMapping.builtIn("cdr"), ds, r -> {
 *   session.add(r.all());                        // empty when the row did not load
 *   r.problems().forEach(quarantine::add);       // values left out, rows refused
 * });
 * }</pre>
 *
 * <p>Every entity and link gets the dataset's label and grading, and a provenance naming the dataset, the record
 * ({@code file:line}, or {@code file#/json/pointer} inside a JSON document), the method
 * {@code record:<format>:<mapping>} and, when known, the SHA-256 of the file. Thread-safe: a reader holds no state
 * between calls.
 */
public final class RecordReader {
  /** How many problems a {@link RecordSummary} keeps (all of them reach the consumer). */
  public static final int PROBLEMS_KEPT = 1000;

  private final RecordMapping mapping;
  private final Dataset dataset;
  private final RecordFormat format;
  private final Charset charset;
  private final Character delimiter;

  private RecordReader(Builder b) {
    this.mapping = b.mapping;
    this.dataset = b.dataset;
    this.format = b.format;
    this.charset = b.charset;
    this.delimiter = b.delimiter;
  }

  /** Reads {@code file} with {@code mapping} into entities of {@code dataset}; see {@link #read(Path, Consumer)}. */
  public static RecordSummary read(Path file, RecordMapping mapping, Dataset dataset, Consumer<MappedRecord> sink) {
    return builder(mapping, dataset).build().read(file, sink);
  }

  /** A reader whose format, encoding and delimiter can override the mapping's. */
  public static Builder builder(RecordMapping mapping, Dataset dataset) {
    return new Builder(mapping, dataset);
  }

  /**
   * Reads a file: first hashes it (SHA-256, for provenance), then streams its records. The file is named by its
   * file name in record ids and problems.
   *
   * @throws RecordFileException when the file cannot be read at all (missing, no header, a mapped column absent)
   */
  public RecordSummary read(Path file, Consumer<MappedRecord> sink) {
    ContentHash hash;
    try (InputStream in = Files.newInputStream(file)) {
      hash = sha256(in);
    } catch (IOException e) {
      throw new RecordFileException("cannot read " + file + ": " + e + "; check the path and permissions", e);
    }
    Path name = file.getFileName();
    RecordFormat f = formatFor(name == null ? file.toString() : name.toString());
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, name == null ? file.toString() : name.toString(), f, hash, sink);
    } catch (IOException e) {
      throw new RecordFileException("cannot read " + file + ": " + e + "; check the path and permissions", e);
    }
  }

  /**
   * Reads a stream (not closed) named {@code file} in record ids and problems (the pipeline gives the path
   * relative to what was ingested). {@code evidence} is the SHA-256 of the bytes in the evidence store, or null.
   *
   * @throws RecordFileException when the stream cannot be read at all
   */
  public RecordSummary read(InputStream in, String file, ContentHash evidence, Consumer<MappedRecord> sink) {
    try {
      return read(in, file, formatFor(file), evidence, sink);
    } catch (IOException e) {
      throw new RecordFileException("cannot read " + file + ": " + e, e);
    }
  }

  private RecordFormat formatFor(String file) {
    if (format != null) {
      return format;
    }
    return mapping.format().or(() -> RecordFormat.detect(Path.of(file.replace('\\', '/').replaceAll(".*/", ""))))
        .orElseThrow(() -> new RecordFileException("cannot tell the format of " + file + " from its name; name it"
            + " in the mapping (\"format\": \"csv\"|\"tsv\"|\"json\"|\"jsonl\") or give it to the reader"));
  }

  private RecordSummary read(InputStream raw, String file, RecordFormat f, ContentHash evidence,
      Consumer<MappedRecord> sink) throws IOException {
    Objects.requireNonNull(sink, "sink");
    RecordMapper mapper = new RecordMapper(mapping, dataset, "record:" + f.id() + ":" + mapping.name(), evidence);
    Counter c = new Counter(file, sink);
    Readers.Sink records = new Readers.Sink() {
      @Override
      public void record(RecordView view, long line, String recordId) {
        c.accept(mapper.map(view, file, line, recordId));
      }

      @Override
      public void problem(long line, String reason, boolean fatal) {
        // a failure that stops reading is reported like a row, but it is not one
        c.rows -= fatal ? 1 : 0;
        c.accept(new MappedRecord(file, line, file + ":" + line, List.of(), List.of(),
            List.of(new RowProblem(file, line, reason))));
        c.complete &= !fatal;
      }
    };
    InputStream in = new BufferedInputStream(raw, 1 << 16);
    switch (f) {
      case CSV, TSV -> {
        char d = delimiter != null ? delimiter : mapping.delimiter().orElse(f == RecordFormat.TSV ? '\t' : ',');
        Readers.csv(in, file, mapping, d, charset != null ? charset : mapping.charset(), records);
      }
      case JSON -> Readers.json(in, file, mapping.records(), records);
      case JSON_LINES -> Readers.jsonLines(in, file, charset != null ? charset : mapping.charset(), records);
      default -> throw new IllegalStateException(f.toString());
    }
    return new RecordSummary(file, c.rows, c.loaded, c.entities, c.links, c.problemCount, c.problems, c.complete);
  }

  private static final class Counter {
    final String file;
    final Consumer<MappedRecord> sink;
    long rows;
    long loaded;
    long entities;
    long links;
    long problemCount;
    final List<RowProblem> problems = new ArrayList<>();
    boolean complete = true;

    Counter(String file, Consumer<MappedRecord> sink) {
      this.file = file;
      this.sink = sink;
    }

    void accept(MappedRecord r) {
      rows++;
      if (r.ok()) {
        loaded++;
      }
      entities += r.entities().size();
      links += r.links().size();
      problemCount += r.problems().size();
      for (RowProblem p : r.problems()) {
        if (problems.size() < PROBLEMS_KEPT) {
          problems.add(p);
        }
      }
      sink.accept(r);
    }
  }

  private static ContentHash sha256(InputStream in) throws IOException {
    try (in) {
      return new ContentHash(Hashing.sha256Hex(in));
    }
  }

  /** Options for a {@link RecordReader}; each overrides the mapping's own setting. */
  public static final class Builder {
    private final RecordMapping mapping;
    private final Dataset dataset;
    private RecordFormat format;
    private Charset charset;
    private Character delimiter;

    private Builder(RecordMapping mapping, Dataset dataset) {
      this.mapping = Objects.requireNonNull(mapping, "mapping");
      this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /** The format, whatever the file is called. */
    public Builder format(RecordFormat format) {
      this.format = format;
      return this;
    }

    /** The text encoding of CSV/TSV/JSON-lines input (a byte-order mark still wins). */
    public Builder charset(Charset charset) {
      this.charset = charset;
      return this;
    }

    /** The CSV delimiter. */
    public Builder delimiter(char delimiter) {
      this.delimiter = delimiter;
      return this;
    }

    public RecordReader build() {
      return new RecordReader(this);
    }
  }
}
