package org.insight.ingest.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells whether an extracted item that gave no text should have had some: a PDF, or any document whose metadata
 * counts pages. Such an item stays ingested (its original is kept and its name and metadata are searchable) but
 * carries a warning, in the report and on the document, instead of passing as an ordinary empty document. Not API.
 */
final class NoTextCheck {
  private static final List<String> PAGE_KEYS = List.of("xmpTPg:NPages", "meta:page-count", "Page-Count");

  private NoTextCheck() {}

  /** The warning's message, or null when the text is not blank or no text was to be expected. */
  static String warning(String text, Map<String, List<String>> metadata) {
    if (text != null && !text.isBlank()) {
      return null;
    }
    long pages = pages(metadata);
    String type = first(metadata, "Content-Type").toLowerCase(Locale.ROOT);
    boolean pdf = type.contains("pdf");
    if (!pdf && pages <= 0) {
      return null;
    }
    String what = (pdf ? "the PDF" : "the document") + (pages > 0 ? " has " + pages + " page" + (pages == 1 ? "" : "s") : "");
    return what + " but no text could be extracted: it may be truncated or damaged, or scanned images without a"
        + " text layer (ingest with OCR on to read those); its original is kept in the evidence store";
  }

  private static long pages(Map<String, List<String>> metadata) {
    for (String key : PAGE_KEYS) {
      String v = first(metadata, key).strip();
      if (!v.isEmpty()) {
        try {
          return Long.parseLong(v);
        } catch (NumberFormatException e) {
          // not a count: try the next key
        }
      }
    }
    return 0;
  }

  private static String first(Map<String, List<String>> metadata, String key) {
    List<String> values = metadata.get(key);
    return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
  }
}
