package org.insight.ingest;

import static org.insight.BuilderGuard.requireUnset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.insight.core.Dataset;
import org.insight.core.ProgressListener;

/**
 * What to ingest and how: the sources, the dataset every item gets (its name, label — with purposes, retention
 * and originator — and source grading), OCR, parallelism and a progress callback.
 *
 * <pre>{@code
 * IngestRequest request = IngestRequest.builder(
 *         Dataset.of("heron-seized-laptop", Label.builder("FR&POLICE").originator("FR-NCB").build(), SourceGrading.parse("B2")))
 *     .source(IngestSource.directory(Path.of("/evidence/laptop")).exclude("*.tmp"))
 *     .workers(2)
 *     .build();
 * IngestReport report = session.ingest(request);
 * }</pre>
 */
public final class IngestRequest {
  private final Dataset dataset;
  private final List<IngestSource> sources;
  private final int workers;
  private final int batchSize;
  private final OcrOptions ocr;
  private final Consumer<IngestProgress> progress;
  private final ProgressListener listener;
  private final ItemExtractor extractor;
  private final RecordMapping mapping;
  private final org.insight.core.ftm.FtmReader ftm;

  private IngestRequest(Builder b) {
    this.dataset = b.dataset;
    this.sources = List.copyOf(b.sources);
    this.workers = b.workers;
    this.batchSize = b.batchSize;
    this.ocr = b.ocr;
    this.progress = b.progress;
    this.listener = b.listener;
    this.extractor = b.extractor;
    this.mapping = b.mapping;
    this.ftm = b.ftmSchema == null ? null
        : org.insight.core.ftm.FtmReader.builder(b.dataset).schema(b.ftmSchema).build();
  }

  /** The FollowTheMoney reader every item goes through, or null when items are not FtM files. */
  public org.insight.core.ftm.FtmReader ftm() {
    return ftm;
  }

  /** The record mapping for structured files (CSV, TSV, JSON, JSON lines), or null: then they are documents. */
  public RecordMapping mapping() {
    return mapping;
  }

  /** A request to ingest into {@code dataset}: every item gets its name, label and grading. */
  public static Builder builder(Dataset dataset) {
    return new Builder(dataset);
  }

  public Dataset dataset() {
    return dataset;
  }

  public List<IngestSource> sources() {
    return sources;
  }

  public int workers() {
    return workers;
  }

  public int batchSize() {
    return batchSize;
  }

  /** OCR on or off, and its languages, for every item of this run. */
  public OcrOptions ocr() {
    return ocr;
  }

  public Consumer<IngestProgress> progress() {
    return progress;
  }

  /** Told of stage {@code ingest}: items finished of items found (growing while the sources are walked). */
  public ProgressListener listener() {
    return listener;
  }

  /** The extractor given with {@link Builder#extractor}, or null for the default. */
  public ItemExtractor extractor() {
    return extractor;
  }

  /** Options of an ingest run; each may be set once. */
  public static final class Builder {
    private final Dataset dataset;
    private final List<IngestSource> sources = new ArrayList<>();
    private int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private boolean workersSet;
    private int batchSize = 256;
    private boolean batchSet;
    private OcrOptions ocr = OcrOptions.DEFAULT;
    private boolean ocrSet;
    private Consumer<IngestProgress> progress = p -> { };
    private boolean progressSet;
    private ProgressListener listener = ProgressListener.NONE;
    private boolean listenerSet;
    private ItemExtractor extractor;
    private RecordMapping mapping;
    private org.insight.core.Schema ftmSchema;

    private Builder(Dataset dataset) {
      this.dataset = Objects.requireNonNull(dataset, "dataset: every ingested item needs the dataset, label and"
          + " grading its source gives it");
    }

    /** Adds sources; at least one is needed. */
    public Builder source(IngestSource... more) {
      for (IngestSource s : more) {
        sources.add(Objects.requireNonNull(s, "source"));
      }
      return this;
    }

    /** Worker threads extracting in parallel (1..64; default: the cores, at most 4). */
    public Builder workers(int n) {
      requireUnset(workersSet, "workers", workers);
      if (n < 1 || n > 64) {
        throw new IllegalArgumentException("workers must be between 1 and 64, got " + n);
      }
      workers = n;
      workersSet = true;
      return this;
    }

    /**
     * Documents per durable index commit (1..10,000; default 256): larger is faster (each commit syncs the evidence,
     * the index, the audit log and the ledger), smaller acknowledges sooner. A batch is also committed once its text
     * reaches 32 million characters, and whenever the workers have nothing ready for a moment.
     */
    public Builder batchSize(int n) {
      requireUnset(batchSet, "batchSize", batchSize);
      if (n < 1 || n > 10_000) {
        throw new IllegalArgumentException("batchSize must be between 1 and 10000, got " + n);
      }
      batchSize = n;
      batchSet = true;
      return this;
    }

    /**
     * Whether images and PDF pages without a text layer are OCR'd, and in which languages (default: on, English;
     * {@code OcrOptions.languages("eng+fra")}, {@code OcrOptions.OFF}).
     */
    public Builder ocr(OcrOptions options) {
      requireUnset(ocrSet, "ocr", ocr);
      ocr = Objects.requireNonNull(options, "options");
      ocrSet = true;
      return this;
    }

    /** Called after each item (from one thread at a time). */
    public Builder progress(Consumer<IngestProgress> listener) {
      requireUnset(progressSet, "progress", "a listener");
      progress = Objects.requireNonNull(listener, "listener");
      progressSet = true;
      return this;
    }

    /**
     * Told of stage {@code ingest} after each item, and once more when the run ends, with {@code done == total}: the
     * same listener enrichment and matching take; {@link #progress(Consumer)} gives more detail (bytes, the item).
     */
    public Builder progress(ProgressListener listener) {
      requireUnset(listenerSet, "progress listener", "a listener");
      this.listener = Objects.requireNonNull(listener, "listener");
      listenerSet = true;
      return this;
    }

    /**
     * An extractor to use instead of a new {@link TikaExtractor} with {@code workers} worker processes (the caller
     * closes it): share one across runs to save the worker start-up.
     */
    public Builder extractor(TikaExtractor e) {
      Objects.requireNonNull(e, "extractor");
      return extractor(new org.insight.ingest.internal.TikaItemExtractor(e, false));
    }

    /** A custom extraction step instead of Tika (the caller closes it). */
    public Builder extractor(ItemExtractor e) {
      requireUnset(extractor != null, "extractor", extractor);
      extractor = Objects.requireNonNull(e, "extractor");
      return this;
    }

    /**
     * Reads structured files — those the mapping's format or their extension says are CSV, TSV, JSON or JSON lines —
     * as records through this mapping into entities and links (bad rows reported as {@code invalid-data}); other
     * files are still extracted as documents. The file's bytes are kept in the evidence store either way.
     */
    public Builder mapping(RecordMapping m) {
      requireUnset(mapping != null, "mapping", mapping);
      mapping = Objects.requireNonNull(m, "mapping");
      return this;
    }

    /**
     * Reads every item as FollowTheMoney entities (JSON lines, or a JSON array) through the published table
     * ({@link org.insight.core.ftm.FtmReader}) into entities of {@code schema}; each problem (a bad line, a schema or
     * property not held, a refused value) is reported as {@code invalid-data} at {@code file:line} and the rest
     * loads. The file's bytes are kept in the evidence store. Not with {@link #mapping}.
     */
    public Builder ftm(org.insight.core.Schema schema) {
      requireUnset(ftmSchema != null, "ftm", ftmSchema);
      ftmSchema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    public IngestRequest build() {
      if (mapping != null && ftmSchema != null) {
        throw new IllegalStateException("an ingest request reads records through a mapping or as FtM, not both;"
            + " drop one");
      }
      if (sources.isEmpty()) {
        throw new IllegalArgumentException("an ingest request needs at least one source (a directory, file or stream)");
      }
      return new IngestRequest(this);
    }
  }
}
