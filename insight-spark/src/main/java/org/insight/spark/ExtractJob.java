package org.insight.spark;

import static org.insight.BuilderGuard.requireUnset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.insight.ingest.OcrOptions;
import org.insight.spark.internal.extract.ChunkCheckpoints;
import org.insight.spark.internal.extract.EvidenceFiles;
import org.insight.spark.internal.extract.ExtractSpec;
import org.insight.spark.internal.extract.ExtractTask;
import org.insight.spark.internal.extract.ItemRows;

/**
 * Extracts and enriches files at scale: each Spark task runs the embedded ingest pipeline — the same Tika worker
 * processes, limits, OCR and quarantine as {@code insight ingest} — over its share of the files, then the enrichment
 * steps detached ({@link org.insight.workspace.Enrichment#derive}), and writes what they made as Parquet:
 *
 * <ul>
 *   <li>{@code OUT/items/kind=document|mention|statement|quarantine/} — one table ({@link #ITEM_COLUMNS}), each row
 *       one item with its label and its full JSON form (provenance chains included); a quarantined file with its
 *       reason and message, as the embedded ingest reports it;</li>
 *   <li>{@code OUT/evidence/ab/<sha256>} — the original bytes of every file and embedded item, content-addressed,
 *       which {@link WorkspaceLoader} puts into a workspace's evidence store.</li>
 * </ul>
 *
 * <p>Nothing is written into a workspace and nothing read from one: the output is loaded through a session, as a
 * principal, by {@link WorkspaceLoader}, where the writer's authority and the labels are checked and audited.
 * Provenance is stamped with the loading principal and time then ({@code ingestedBy}/{@code ingestedAt} are empty in
 * the Parquet).
 *
 * <pre>{@code
 * ExtractJob job = ExtractJob.builder(Dataset.of("heron-seized", Label.of("FR&POLICE"), SourceGrading.parse("B2")))
 *     .enrichment(EnrichmentFactory.standard())
 *     .build();
 * ExtractJob.Result r = job.run(spark, ExtractJob.files(spark, "hdfs:///evidence/heron"), "hdfs:///jobs/heron-1");
 * }</pre>
 */
public final class ExtractJob {
  /** The columns of {@code OUT/items}. */
  public static final StructType ITEM_COLUMNS = ItemRows.SCHEMA;
  /** The columns a job's input must have: where each file is, and its record id (its name in provenance). */
  public static final StructType FILE_COLUMNS = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("record", DataTypes.StringType, false);

  private final org.insight.core.Dataset dataset;
  private final OcrOptions ocr;
  private final EnrichmentFactory enrichment;
  private final int filesPerRun;
  private final int workers;
  private final boolean inProcess;
  private final RecordInput records;
  private final String checkpointDirectory;

  private ExtractJob(Builder b) {
    this.dataset = b.dataset;
    this.ocr = b.ocr;
    this.enrichment = b.enrichment;
    this.filesPerRun = b.filesPerRun;
    this.workers = b.workers;
    this.inProcess = b.inProcess;
    this.records = b.records;
    this.checkpointDirectory = b.checkpointDirectory;
  }

  /** A job that gives every file {@code dataset}'s name, label and grading, as {@code Session.ingest} does. */
  public static Builder builder(org.insight.core.Dataset dataset) {
    return new Builder(dataset);
  }

  /**
   * Every regular file under {@code root} (any Hadoop file system: a local path, {@code hdfs://}, {@code s3a://}),
   * with its path relative to {@code root} as record id — the record id a directory ingest gives it. Listed on the
   * driver.
   */
  public static Dataset<Row> files(SparkSession spark, String root) {
    Objects.requireNonNull(root, "root");
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<Row> rows = new ArrayList<>();
    try {
      Path r = new Path(root);
      FileSystem fs = FileSystem.get(URI.create(root), conf);
      Path qualified = fs.makeQualified(r);
      if (!fs.getFileStatus(qualified).isDirectory()) {
        throw new IllegalArgumentException("there is no directory " + root + " to extract; check the path");
      }
      String prefix = qualified.toUri().getPath();
      prefix = prefix.endsWith("/") ? prefix : prefix + "/";
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(qualified, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        if (f.isFile()) {
          String p = f.getPath().toUri().getPath();
          rows.add(RowFactory.create(f.getPath().toString(), p.startsWith(prefix) ? p.substring(prefix.length()) : p));
        }
      }
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalArgumentException("there is no directory " + root + " to extract; check the path", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
    rows.sort(java.util.Comparator.comparing(x -> x.getString(1)));
    return spark.createDataFrame(rows, FILE_COLUMNS);
  }

  /**
   * Extracts the files ({@link #FILE_COLUMNS}; partition them as the cluster should share the work) into {@code out}
   * and returns what it wrote. A bad file is quarantined with its reason and the rest goes on. Each chunk of files a
   * task extracts is kept in the job's checkpoint directory as soon as it is done ({@link Builder#checkpointDirectory},
   * default {@code out/checkpoint}), so a task Spark re-runs after losing an executor, and a rerun of the same job
   * into the same {@code out} after the driver died, extract only what is not done yet and give the same output
   * (given the same file listing and partitioning). The output table is committed once, when every task succeeded;
   * then the checkpoint is removed.
   *
   * @throws IllegalArgumentException when {@code out/items} holds the output of a finished run: give each run its
   *     own output directory (an interrupted run's partial table is replaced)
   */
  public Result run(SparkSession spark, Dataset<Row> files, String out) {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(out, "out");
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Map<String, String> conf = EvidenceFiles.entries(hadoop);
    EvidenceFiles evidence = new EvidenceFiles(out + "/evidence", conf);
    ExtractSpec spec = ExtractSpec.of(dataset, ocr, enrichment, evidence, filesPerRun, workers, inProcess,
        records);
    String checkpointRoot = checkpointDirectory != null ? checkpointDirectory : out + "/checkpoint";
    ChunkCheckpoints checkpoints = new ChunkCheckpoints(checkpointRoot + "/" + fingerprint(), conf);
    SaveMode mode = SaveMode.ErrorIfExists;
    try {
      Path items = new Path(out + "/items");
      FileSystem fs = items.getFileSystem(hadoop);
      if (fs.exists(items)) {
        if (fs.exists(new Path(items, "_SUCCESS"))) {
          throw new IllegalArgumentException(items + " holds the output of a finished extraction run; give each"
              + " run its own output directory");
        }
        mode = SaveMode.Overwrite; // an interrupted run's partial table: this run writes it whole
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + out + ": " + e.getMessage(), e);
    }
    LongAccumulator reused = spark.sparkContext().longAccumulator("insight-extract-chunks-reused");
    Dataset<Row> items = files.select("path", "record")
        .mapPartitions(new ExtractTask(spec, conf, checkpoints, reused), Encoders.row(ItemRows.SCHEMA));
    items.write().mode(mode).partitionBy("kind").parquet(out + "/items");
    long[] counts = new long[4];
    for (Row r : spark.read().parquet(out + "/items").groupBy("kind").count().collectAsList()) {
      switch (r.getString(0)) {
        case ItemRows.DOCUMENT -> counts[0] = r.getLong(1);
        case ItemRows.MENTION -> counts[1] = r.getLong(1);
        case ItemRows.STATEMENT -> counts[2] = r.getLong(1);
        default -> counts[3] = r.getLong(1);
      }
    }
    try {
      checkpoints.delete(); // the committed table holds it all now
      if (checkpointDirectory == null) {
        Path root = new Path(checkpointRoot);
        FileSystem fs = root.getFileSystem(hadoop);
        if (fs.exists(root) && fs.listStatus(root).length == 0) {
          fs.delete(root, false);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the output is written, but its checkpoint " + checkpoints.root()
          + " could not be removed (" + e.getMessage() + "); delete it by hand", e);
    }
    return new Result(out, counts[0], counts[1], counts[2], counts[3], reused.value());
  }

  /**
   * What decides the rows a chunk of files gives, besides the files themselves: dataset, label, grading, OCR, the
   * record input and whether enrichment runs (the enrichment recipe is code, not data: a rerun must give the same
   * one). A checkpoint is kept per fingerprint, so a job with other settings never reuses another's chunks.
   */
  private String fingerprint() {
    String text = String.join("\n", dataset.name(), dataset.label().toString(), dataset.grading().toString(),
        ocr.enabled() + ":" + ocr.languages(), records == null ? "documents" : records.fingerprint(),
        enrichment == null ? "no-enrichment" : "enrichment");
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /**
   * What a run wrote.
   *
   * @param out the output directory
   * @param documents documents, embedded items included
   * @param mentions mentions found by enrichment
   * @param statements statements derived by enrichment, or read from records through a mapping or as FtM
   * @param quarantined files and embedded items that could not be extracted, bad records, and enrichment steps that
   *     failed on a document, each with its reason
   * @param reusedChunks chunks of files taken from the checkpoint an interrupted attempt left rather than extracted
   *     again (0 on a run that went through at once)
   */
  public record Result(String out, long documents, long mentions, long statements, long quarantined,
      long reusedChunks) {}

  /** Options of an extraction job; each may be set once. */
  public static final class Builder {
    private final org.insight.core.Dataset dataset;
    private OcrOptions ocr = OcrOptions.DEFAULT;
    private boolean ocrSet;
    private EnrichmentFactory enrichment;
    private int filesPerRun = 64;
    private boolean filesPerRunSet;
    private int workers = 1;
    private boolean workersSet;
    private boolean inProcess;
    private boolean inProcessSet;
    private RecordInput records;
    private String checkpointDirectory;

    private Builder(org.insight.core.Dataset dataset) {
      this.dataset = Objects.requireNonNull(dataset, "dataset: every extracted item needs the dataset, label and"
          + " grading its source gives it");
    }

    /** OCR as {@code IngestRequest.Builder.ocr} (default: on, English). */
    public Builder ocr(OcrOptions options) {
      requireUnset(ocrSet, "ocr", ocr);
      ocr = Objects.requireNonNull(options, "options");
      ocrSet = true;
      return this;
    }

    /** The enrichment each task runs over its documents (default: none, documents only). */
    public Builder enrichment(EnrichmentFactory factory) {
      requireUnset(enrichment != null, "enrichment", enrichment);
      enrichment = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /**
     * Files one embedded pipeline run takes at a time within a task (1..10,000; default 64): a task holds at most
     * one such chunk's documents in memory.
     */
    public Builder filesPerRun(int n) {
      requireUnset(filesPerRunSet, "filesPerRun", filesPerRun);
      if (n < 1 || n > 10_000) {
        throw new IllegalArgumentException("filesPerRun must be between 1 and 10000, got " + n);
      }
      filesPerRun = n;
      filesPerRunSet = true;
      return this;
    }

    /**
     * Tika worker processes per task (1..64; default 1: Spark's executor cores are the parallelism, one task per
     * core).
     */
    public Builder workersPerTask(int n) {
      requireUnset(workersSet, "workersPerTask", workers);
      if (n < 1 || n > 64) {
        throw new IllegalArgumentException("workersPerTask must be between 1 and 64, got " + n);
      }
      workers = n;
      workersSet = true;
      return this;
    }

    /**
     * Extract in the executor's JVM instead of Tika worker processes ({@code TikaExtractor.Builder.inProcess}): less
     * start-up per task, but only for trusted input — a parser that exhausts memory takes the executor with it.
     * Default false.
     */
    public Builder inProcessExtraction(boolean yes) {
      requireUnset(inProcessSet, "inProcessExtraction", inProcess);
      inProcess = yes;
      inProcessSet = true;
      return this;
    }

    /**
     * Reads structured files as records ({@link RecordInput#mapping}: CSV/TSV/JSON/JSON-lines through a record
     * mapping into entities and links, other files still documents) or every file as FollowTheMoney entities
     * ({@link RecordInput#ftm}), with the readers {@code insight ingest --mapping|--format ftm} runs: the entities'
     * statements come out as {@code kind=statement} rows, each bad row as a {@code quarantine} row
     * ({@code invalid-data} at {@code file:line}). Default: every file is a document.
     */
    public Builder records(RecordInput input) {
      requireUnset(records != null, "records", records);
      records = Objects.requireNonNull(input, "input");
      return this;
    }

    /**
     * Where the job keeps each chunk's rows once done (any Hadoop file system the executors can all write: on a
     * cluster a shared one, HDFS or S3 — not an executor's local disk). Default: {@code OUT/checkpoint}. Each job
     * uses a subdirectory of its own, removed once its output is committed.
     */
    public Builder checkpointDirectory(String directory) {
      requireUnset(checkpointDirectory != null, "checkpointDirectory", checkpointDirectory);
      checkpointDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    public ExtractJob build() {
      return new ExtractJob(this);
    }
  }
}
