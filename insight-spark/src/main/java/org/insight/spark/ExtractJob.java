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
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.insight.ingest.OcrOptions;
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

  private ExtractJob(Builder b) {
    this.dataset = b.dataset;
    this.ocr = b.ocr;
    this.enrichment = b.enrichment;
    this.filesPerRun = b.filesPerRun;
    this.workers = b.workers;
    this.inProcess = b.inProcess;
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
   * and returns what it wrote. A bad file is quarantined with its reason and the rest goes on; a job fails only when
   * Spark does (a lost executor is retried by Spark, and the output is written once, when every task succeeded).
   *
   * @throws org.apache.spark.sql.AnalysisException (unchecked in Spark 4) when {@code out/items} exists already:
   *     give each run its own output directory
   */
  public Result run(SparkSession spark, Dataset<Row> files, String out) {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(out, "out");
    Map<String, String> conf = EvidenceFiles.entries(spark.sparkContext().hadoopConfiguration());
    EvidenceFiles evidence = new EvidenceFiles(out + "/evidence", conf);
    ExtractSpec spec = ExtractSpec.of(dataset, ocr, enrichment, evidence, filesPerRun, workers, inProcess);
    Dataset<Row> items = files.select("path", "record")
        .mapPartitions(new ExtractTask(spec, conf), Encoders.row(ItemRows.SCHEMA));
    items.write().partitionBy("kind").parquet(out + "/items");
    long[] counts = new long[4];
    for (Row r : spark.read().parquet(out + "/items").groupBy("kind").count().collectAsList()) {
      switch (r.getString(0)) {
        case ItemRows.DOCUMENT -> counts[0] = r.getLong(1);
        case ItemRows.MENTION -> counts[1] = r.getLong(1);
        case ItemRows.STATEMENT -> counts[2] = r.getLong(1);
        default -> counts[3] = r.getLong(1);
      }
    }
    return new Result(out, counts[0], counts[1], counts[2], counts[3]);
  }

  /**
   * What a run wrote.
   *
   * @param out the output directory
   * @param documents documents, embedded items included
   * @param mentions mentions found by enrichment
   * @param statements statements derived by enrichment
   * @param quarantined files and embedded items that could not be extracted, and enrichment steps that failed on a
   *     document, each with its reason
   */
  public record Result(String out, long documents, long mentions, long statements, long quarantined) {}

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

    public ExtractJob build() {
      return new ExtractJob(this);
    }
  }
}
