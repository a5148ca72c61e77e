package org.insight.spark.internal.extract;

import java.io.Serializable;
import org.insight.core.Dataset;
import org.insight.ingest.OcrOptions;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.insight.spark.EnrichmentFactory;
import org.insight.spark.RecordInput;

/**
 * What every task of an extraction job needs, in serialisable form: the dataset (its label as canonical text, read
 * back on the executor), OCR, the enrichment recipe (null: none), where evidence goes, and how many files one
 * pipeline run takes at a time (memory per task is bounded by one such chunk), Tika worker processes per task, or
 * extraction in the executor's JVM; how structured files are read (null: as documents).
 */
public record ExtractSpec(String dataset, String label, String grading, boolean ocr, String ocrLanguages,
    EnrichmentFactory enrichment, EvidenceFiles evidence, int filesPerRun, int workers, boolean inProcess,
    RecordInput records) implements Serializable {
  private static final long serialVersionUID = 1L;

  public static ExtractSpec of(Dataset d, OcrOptions ocr, EnrichmentFactory enrichment, EvidenceFiles evidence,
      int filesPerRun, int workers, boolean inProcess, RecordInput records) {
    return new ExtractSpec(d.name(), d.label().toString(), d.grading().toString(), ocr.enabled(), ocr.languages(),
        enrichment, evidence, filesPerRun, workers, inProcess, records);
  }

  Dataset toDataset() {
    return Dataset.of(dataset, Label.parse(label), SourceGrading.parse(grading));
  }

  OcrOptions toOcr() {
    return new OcrOptions(ocr, ocrLanguages);
  }
}
