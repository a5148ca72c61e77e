package org.insight.spark.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.insight.core.Dataset;
import org.insight.ingest.OcrOptions;
import org.insight.spark.EnrichmentFactory;
import org.insight.spark.ExtractJob;
import org.insight.spark.RecordInput;
import org.insight.cli.JsonOutput;
import org.insight.cli.SourceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code insight spark ingest DIR --dataset D --label L --out OUT}: the extraction job ({@link ExtractJob}) over every
 * file under DIR, with the options {@code insight ingest} takes for the dataset's label and OCR. A subcommand of the
 * {@code spark} command. Exit code 1 when items were quarantined, as {@code insight ingest}.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Extract and enrich every file under DIR (a local path, hdfs://, s3a://) as a Spark job, with the"
        + " same Tika/OCR/NLP code and limits as 'insight ingest', into OUT: Parquet items (documents, mentions,"
        + " statements, quarantine) with labels and provenance, and the originals. Load OUT into a workspace with"
        + " 'insight spark load'.",
        "Example: insight spark ingest /evidence/heron --dataset heron --label 'FR&POLICE' --grading B2"
            + " --out /jobs/heron-1 --master local[2]"})
public final class SparkIngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The directory whose files to extract (recursively).")
  String root;

  @Mixin SourceOptions source;

  @Option(names = "--out", required = true, paramLabel = "OUT", description = "A new output directory.")
  String out;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2] (default: spark-submit's,"
      + " else every local core).")
  String master;

  @Option(names = "--partitions", paramLabel = "N", description = "Tasks to share the files among (default: Spark's"
      + " default parallelism).")
  Integer partitions;

  @Option(names = "--ocr-lang", defaultValue = "eng", paramLabel = "eng+fra", description = "Tesseract languages (default: ${DEFAULT-VALUE}).")
  String ocrLanguages;

  @Option(names = "--no-ocr", description = "Do not OCR images and scanned pages.")
  boolean noOcr;

  @Option(names = "--no-enrich", description = "Documents only: no language and selector enrichment.")
  boolean noEnrich;

  @Option(names = "--mapping", paramLabel = "NAME|FILE", description = "Read CSV/TSV/JSON/JSON-lines files as records"
      + " through a mapping into entities and links, as 'insight ingest --mapping': a built-in (persons, cdr,"
      + " transfers, notice) or a mapping file.")
  String mapping;

  @Option(names = "--format", paramLabel = "ftm", description = "ftm: read every file as FollowTheMoney entities, as"
      + " 'insight ingest --format ftm'.")
  String format;

  @Option(names = "--schema", paramLabel = "FILE", description = "A schema extension the records are read against"
      + " (the workspace's extensions, which 'insight ingest' reads against); repeatable.")
  List<java.nio.file.Path> schemaExtensions = new ArrayList<>();

  @Option(names = "--json", description = "Print the job's counts as JSON for machines.")
  boolean json;

  @Option(names = "--in-process", description = "Extract in the executors' JVMs: starts faster, only for trusted input.")
  boolean inProcess;

  /** A command; picocli fills the fields. */
  public SparkIngestCommand() {}

  @Override
  public Integer call() {
    if (format != null && !format.equals("ftm")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format " + format
          + ": unknown format; the one format is ftm (FollowTheMoney JSON lines); for CSV/JSON records use --mapping");
    }
    if (format != null && mapping != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--format ftm reads FtM's own shape; drop --mapping");
    }
    if (!schemaExtensions.isEmpty() && format == null && mapping == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--schema extends the schema records are read against; give it with --mapping or --format ftm");
    }
    Dataset ds = source.dataset();
    ExtractJob.Builder job = ExtractJob.builder(ds).ocr(noOcr ? OcrOptions.OFF : OcrOptions.languages(ocrLanguages))
        .inProcessExtraction(inProcess);
    if (!noEnrich) {
      job.enrichment(EnrichmentFactory.standard());
    }
    if (format != null || mapping != null) {
      RecordInput records = format != null ? RecordInput.ftm() : RecordInput.mapping(mapping);
      for (java.nio.file.Path extension : schemaExtensions) {
        records = records.withSchemaExtension(extension);
      }
      job.records(records);
    }
    try (SparkSessions session = SparkSessions.open(master, "insight spark ingest")) {
      SparkSession spark = session.spark;
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> files = ExtractJob.files(spark, root);
      if (partitions != null) {
        files = files.repartition(partitions);
      }
      ExtractJob.Result r = job.build().run(spark, files, out);
      PrintWriter w = spec.commandLine().getOut();
      if (json) {
        JsonOutput.print(w, JsonOutput.object().put("out", r.out()).put("documents", r.documents())
            .put("mentions", r.mentions()).put("statements", r.statements()).put("quarantined", r.quarantined())
            .put("reusedChunks", r.reusedChunks()));
      } else {
        w.printf(Locale.ROOT, "extracted into %s: %d documents, %d mentions, %d statements, %d quarantined%s%n",
            r.out(), r.documents(), r.mentions(), r.statements(), r.quarantined(), r.reusedChunks() == 0 ? ""
                : " (" + r.reusedChunks() + " chunks of files taken from an interrupted run's checkpoint)");
      }
      w.flush();
      return r.quarantined() == 0 ? 0 : 1;
    }
  }
}
