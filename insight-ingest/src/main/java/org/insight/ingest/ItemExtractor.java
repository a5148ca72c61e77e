package org.insight.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.insight.core.ContentHash;

/**
 * What the ingest pipeline asks of extraction: the text, metadata and embedded children of one file, or the
 * reason it must be quarantined. Called from several worker threads at once. An implementation never throws for
 * bad input; it returns a quarantined item. The standard one runs a {@link TikaExtractor}.
 */
public interface ItemExtractor extends AutoCloseable {

  /**
   * Extracts one item.
   *
   * @param file the bytes, in a file
   * @param name the item's name (file name), a hint for type detection
   * @param keep keeps the original bytes of each embedded item (in the evidence store) and returns their hash;
   *     call it once per child, within this call
   */
  Item extract(Path file, String name, Function<InputStream, ContentHash> keep);

  @Override
  default void close() {}

  /**
   * An extracted item.
   *
   * @param parser the method that produced the text, e.g. {@code tika:PDFParser} or {@code ocr:tesseract@5}
   * @param title a title, or "" to use the name
   * @param text the text
   * @param language ISO 639 code, or ""
   * @param metadata metadata name → values
   * @param ocrEngine the OCR engine, or "" if none ran
   * @param ocrConfidence mean OCR confidence in [0, 1], or -1
   * @param children embedded items (attachments, archive members), each with its own bytes
   * @param quarantine why the item cannot be ingested; empty when it was extracted
   */
  record Item(String parser, String title, String text, String language, Map<String, List<String>> metadata,
      String ocrEngine, double ocrConfidence, List<Child> children, Optional<Quarantine> quarantine) {
    public Item {
      parser = parser == null || parser.isBlank() ? "unknown" : parser;
      title = title == null ? "" : title;
      text = text == null ? "" : text;
      language = language == null ? "" : language;
      metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
      ocrEngine = ocrEngine == null ? "" : ocrEngine;
      children = children == null ? List.of() : List.copyOf(children);
      quarantine = Objects.requireNonNullElse(quarantine, Optional.empty());
    }

    /** An item that could not be extracted. */
    public static Item quarantined(String reason, String message) {
      return new Item("", "", "", "", Map.of(), "", -1, List.of(), Optional.of(new Quarantine(reason, message)));
    }
  }

  /**
   * An embedded item.
   *
   * @param name its name inside the container (an attachment's file name, an archive member's path)
   * @param hash the SHA-256 of its bytes, as returned by the {@code keep} function
   * @param item what was extracted from it
   */
  record Child(String name, ContentHash hash, Item item) {
    public Child {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(item, "item");
    }
  }

  /**
   * Why an item was quarantined.
   *
   * @param reason a stable code, see {@link IngestReport.Failure#reason()}
   * @param message what went wrong, for a person
   */
  record Quarantine(String reason, String message) {
    public Quarantine {
      Objects.requireNonNull(reason, "reason");
      message = message == null ? "" : message;
    }
  }
}
