package org.insight.spark.internal.extract;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.ingest.IngestPipeline;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.ingest.TikaExtractor;
import org.insight.workspace.Enrichment;
import org.insight.workspace.EnrichmentReport;

/**
 * One task of an extraction job: its files (rows of {@code path}, {@code record}) go through the embedded ingest
 * pipeline — the same walker-free run, Tika worker processes, limits, OCR and quarantine as {@code insight ingest} —
 * a chunk at a time, each file read as a stream from its Hadoop file system under its record id; the documents
 * are enriched detached ({@link Enrichment#derive}) and everything comes out as {@link ItemRows}. One Tika extractor
 * per task serves all its chunks.
 */
public final class ExtractTask implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final ExtractSpec spec;
  private final Map<String, String> conf;
  private final ChunkCheckpoints checkpoints;
  private final LongAccumulator reused;

  /**
   * @param spec the job's settings
   * @param conf the Hadoop configuration the input files are read with
   * @param checkpoints where each chunk's rows are kept once done, and looked up before a chunk is extracted
   * @param reused counts the chunks taken from the checkpoint instead of being extracted
   */
  public ExtractTask(ExtractSpec spec, Map<String, String> conf, ChunkCheckpoints checkpoints, LongAccumulator reused) {
    this.spec = spec;
    this.conf = Map.copyOf(conf);
    this.checkpoints = checkpoints;
    this.reused = reused;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> files) {
    TikaExtractor tika = TikaExtractor.builder().workers(spec.workers()).inProcess(spec.inProcess())
        .build();
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> tika.close()); // also when the task fails or is killed mid-iteration
    }
    Enrichment enrichment = spec.enrichment() == null ? null : spec.enrichment().create();
    return new Iterator<>() {
      private final Deque<Row> ready = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        while (ready.isEmpty() && files.hasNext()) {
          List<Row> chunk = new ArrayList<>();
          while (files.hasNext() && chunk.size() < spec.filesPerRun()) {
            chunk.add(files.next());
          }
          if (task != null) {
            task.killTaskIfInterrupted(); // a cancelled job stops between chunks; the done ones are kept
          }
          ready.addAll(chunk(chunk, tika, enrichment));
        }
        if (ready.isEmpty()) {
          tika.close();
        }
        return !ready.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.poll();
      }
    };
  }

  /** A chunk's rows: from the checkpoint when an earlier attempt did it, else extracted and then checkpointed. */
  private List<Row> chunk(List<Row> files, TikaExtractor tika, Enrichment enrichment) {
    String key = ChunkCheckpoints.key(files);
    try {
      java.util.Optional<List<Row>> done = checkpoints.read(key);
      if (done.isPresent()) {
        reused.add(1);
        return done.get();
      }
      List<Row> rows = extract(files, tika, enrichment);
      checkpoints.write(key, rows);
      return rows;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot use the extraction checkpoint " + checkpoints.root() + ": "
          + e.getMessage() + "; check that the directory is writable by the executors", e);
    }
  }

  /** Runs the embedded pipeline over one chunk of files and turns what it made into rows. */
  List<Row> extract(List<Row> files, TikaExtractor tika, Enrichment enrichment) {
    Dataset dataset = spec.toDataset();
    Path state;
    try {
      state = Files.createTempDirectory("insight-extract-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot create a temporary directory for the extraction task", e);
    }
    try {
      IngestRequest.Builder request = IngestRequest.builder(dataset).ocr(spec.toOcr()).workers(spec.workers())
          .extractor(tika);
      if (spec.records() != null) {
        spec.records().applyTo(request); // record mapping or FtM: the embedded readers, as insight ingest runs them
      }
      for (Row f : files) {
        String path = f.getAs("path");
        String record = f.getAs("record");
        request.source(IngestSource.stream(record, () -> open(path)));
      }
      CollectingTarget target = new CollectingTarget(state, spec.evidence());
      IngestReport report = IngestPipeline.run(request.build(), target);
      List<Row> out = new ArrayList<>();
      String label = dataset.label().toString();
      for (Document d : target.documents) {
        if (enrichment == null) {
          out.add(ItemRows.document(d));
          continue;
        }
        Enrichment.Derived derived = enrichment.derive(d);
        out.add(ItemRows.document(derived.document()));
        derived.mentions().forEach(m -> out.add(ItemRows.mention(m)));
        out.addAll(ItemRows.statements(derived.entities()));
        for (EnrichmentReport.Failure f : derived.failures()) {
          // reported, as Session.ingest reports an enrichment failure; the document itself is kept
          out.add(ItemRows.quarantine(dataset.name(), label, new IngestReport.Failure(d.provenance().recordId(),
              "enrichment-failed:" + f.step(), f.reason(), d.contentHash().hex())));
        }
      }
      out.addAll(ItemRows.statements(target.entities));
      for (IngestReport.Failure f : report.failures()) {
        out.add(ItemRows.quarantine(dataset.name(), label, f));
      }
      return out;
    } finally {
      deleteTree(state);
    }
  }

  /**
   * The file's bytes from its file system. A file that cannot be opened becomes a stream that fails on its first
   * read, so the pipeline quarantines it as {@code unreadable} like any unreadable file, and the task goes on.
   */
  private InputStream open(String path) {
    try {
      return FileSystem.get(URI.create(path), EvidenceFiles.configuration(conf)).open(new org.apache.hadoop.fs.Path(path));
    } catch (IOException | RuntimeException e) {
      IOException failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
      return new InputStream() {
        @Override
        public int read() throws IOException {
          throw failure;
        }
      };
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // the system's temporary directory is cleaned in time
        }
      });
    } catch (IOException e) {
      // as above
    }
  }
}
