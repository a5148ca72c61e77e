package org.insight.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.insight.Hashing;
import org.insight.policy.Label;

/**
 * An unstructured item — a report, a message, an attachment, a scanned page — with its extracted text.
 *
 * @param id content-derived: the same bytes in the same dataset under the same label always get the same id; the same
 *     bytes under two labels are two documents sharing one evidence blob (rule 7)
 * @param contentHash SHA-256 of the original bytes, kept in the evidence store
 * @param title a title, or the file name
 * @param text the extracted text
 * @param language ISO 639 code, or "" when unknown
 * @param metadata extracted metadata, name → values
 * @param parentId the container this item came out of (the e-mail of an attachment, the archive of a file)
 * @param extraction how the text was obtained
 * @param label who may see it
 * @param provenance where it came from
 */
public record Document(
    String id,
    ContentHash contentHash,
    String title,
    String text,
    String language,
    Map<String, List<String>> metadata,
    Optional<String> parentId,
    Extraction extraction,
    Label label,
    Provenance provenance) {

  public Document {
    Objects.requireNonNull(contentHash, "contentHash");
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    language = language == null ? "" : language;
    TreeMap<String, List<String>> meta = new TreeMap<>();
    Objects.requireNonNullElse(metadata, Map.<String, List<String>>of()).forEach((k, v) -> meta.put(k, List.copyOf(v)));
    metadata = java.util.Collections.unmodifiableMap(meta);
    parentId = Objects.requireNonNullElse(parentId, Optional.empty());
    extraction = Objects.requireNonNullElse(extraction, Extraction.NONE);
    Objects.requireNonNull(label, "label: every document needs an access label; give the source's default label");
    Objects.requireNonNull(provenance, "provenance: every document must say where it came from");
    if (id == null || id.isBlank()) {
      id = idFor(provenance.dataset(), label, contentHash);
    }
  }

  /** The content-derived id of {@code contentHash}'s bytes in {@code dataset} under {@code label}. */
  public static String idFor(String dataset, Label label, ContentHash contentHash) {
    return "doc-" + Hashing.ofParts(dataset, label.toString(), contentHash.hex()).substring(0, 32);
  }

  public Document withProvenance(Provenance stamped) {
    return new Document(id, contentHash, title, text, language, metadata, parentId, extraction, label, stamped);
  }

  /**
   * Ids, label and provenance, never the title, text or metadata: a log line must not bypass the label.
   */
  @Override
  public String toString() {
    return "Document[id=" + id + ", contentHash=" + contentHash + ", language=" + language
        + parentId.map(p -> ", parentId=" + p).orElse("") + ", text=" + text.length() + " chars, metadata="
        + metadata.size() + " fields, label=" + label + ", provenance=" + provenance + "]";
  }

  /**
   * How a document's text was obtained.
   *
   * @param parser the parser that read it, e.g. {@code tika:PDFParser}, or "" if the text was given
   * @param ocrEngine the OCR engine, e.g. {@code tesseract 5.3}, or "" if no OCR ran
   * @param ocrConfidence mean OCR confidence in [0, 1], or -1 if no OCR ran
   */
  public record Extraction(String parser, String ocrEngine, double ocrConfidence) {
    public static final Extraction NONE = new Extraction("", "", -1);

    public Extraction {
      parser = parser == null ? "" : parser;
      ocrEngine = ocrEngine == null ? "" : ocrEngine;
    }
  }
}
