package org.insight.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.insight.core.ContentHash;

/**
 * What extraction found in one item — a file, or an item embedded in one (attachment, archive entry) — and
 * its embedded items, recursively.
 *
 * @param contentHash SHA-256 of the item's original bytes (for an embedded item: its own bytes as extracted
 *     from the container)
 * @param size the item's size in bytes
 * @param name the file name, or the entry / attachment name inside its container ("" if it has none)
 * @param containers the names of the containers this item came out of, outermost first; empty for a top item
 * @param mediaType the detected media type, e.g. {@code application/pdf}
 * @param parser the parser that read it, e.g. {@code tika:PDFParser}; "" if none did
 * @param text the item's own text (embedded items' text is in their own extraction), OCR text included
 * @param textTruncated true when the text was cut at the maximum text length
 * @param metadata author, dates, title, language hint, GPS and the raw fields
 * @param ocr what OCR did, if it ran
 * @param children embedded items, in the order the container lists them
 * @param outcome ingested, or quarantined with a reason; a child can be quarantined while its parent is ingested
 */
public record Extraction(
    ContentHash contentHash,
    long size,
    String name,
    List<String> containers,
    String mediaType,
    String parser,
    String text,
    boolean textTruncated,
    ExtractedMetadata metadata,
    Optional<OcrFacts> ocr,
    List<Extraction> children,
    Outcome outcome) {

  public Extraction {
    Objects.requireNonNull(contentHash, "contentHash");
    name = name == null ? "" : name;
    containers = List.copyOf(Objects.requireNonNullElse(containers, List.of()));
    mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
    parser = parser == null ? "" : parser;
    text = text == null ? "" : text;
    metadata = Objects.requireNonNullElse(metadata, ExtractedMetadata.EMPTY);
    ocr = Objects.requireNonNullElse(ocr, Optional.empty());
    children = List.copyOf(Objects.requireNonNullElse(children, List.of()));
    Objects.requireNonNull(outcome, "outcome");
  }

  /** The container chain and the name, e.g. {@code mail.eml!/reports.zip!/a.pdf}. */
  public String path() {
    if (containers.isEmpty()) {
      return name;
    }
    return String.join("!/", containers) + "!/" + name;
  }

  /** How deep inside containers this item sits: 0 for a top item. */
  public int depth() {
    return containers.size();
  }

  /** This item and all its embedded items, depth first, parents before children. */
  public Stream<Extraction> flatten() {
    List<Extraction> out = new ArrayList<>();
    collect(this, out);
    return out.stream();
  }

  private static void collect(Extraction e, List<Extraction> out) {
    out.add(e);
    for (Extraction c : e.children) {
      collect(c, out);
    }
  }

  /** The provenance method of this item's text: the parser, plus OCR when it ran. */
  public String method() {
    return ocr.map(o -> parser.isEmpty() ? o.method() : parser + "+" + o.method()).orElse(parser);
  }

  /** Hash, name, type, sizes and outcome, never the text or metadata: they are what the source's label protects. */
  @Override
  public String toString() {
    return "Extraction[contentHash=" + contentHash + ", name=" + name + ", mediaType=" + mediaType + ", parser=" + parser
        + ", size=" + size + ", text=" + text.length() + " chars, children=" + children.size() + ", outcome=" + outcome
        + "]";
  }
}
