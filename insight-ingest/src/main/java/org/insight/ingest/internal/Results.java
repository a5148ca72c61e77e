package org.insight.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.core.ContentHash;
import org.insight.ingest.EmbeddedSink;
import org.insight.ingest.ExtractedMetadata;
import org.insight.ingest.Extraction;
import org.insight.ingest.OcrFacts;
import org.insight.ingest.Outcome;
import org.insight.ingest.QuarantineReason;

/** Turns a worker's {@link Node} tree into the public {@link Extraction} and hands embedded bytes to a sink. */
public final class Results {
  private static final List<String> AUTHOR = List.of("dc:creator", "meta:author", "Author", "Message-From",
      "Message:From-Name", "Message:From-Email");
  private static final List<String> CREATED = List.of("dcterms:created", "meta:creation-date", "Creation-Date",
      "exif:DateTimeOriginal");
  private static final List<String> MODIFIED = List.of("dcterms:modified", "Last-Modified", "modified");
  private static final List<String> TITLE = List.of("dc:title", "title", "subject");
  private static final List<String> LANGUAGE = List.of("dc:language", "Content-Language", "language");

  private Results() {}

  public static Extraction toExtraction(Node node) {
    List<Extraction> children = new ArrayList<>(node.children.size());
    for (Node c : node.children) {
      children.add(toExtraction(c));
    }
    Outcome outcome = node.quarantine.isEmpty()
        ? Outcome.ingested()
        : Outcome.quarantined(QuarantineReason.valueOf(node.quarantine), node.message);
    Optional<OcrFacts> ocr = node.ocrEngine.isEmpty()
        ? Optional.empty()
        : Optional.of(new OcrFacts(node.ocrEngine, node.ocrLanguages, node.ocrConfidence, node.ocrPages));
    ContentHash hash = node.sha256.isEmpty() ? ContentHash.of(new byte[0]) : new ContentHash(node.sha256);
    return new Extraction(hash, node.size, node.name, node.containers, node.mediaType, node.parser, node.text,
        node.textTruncated, metadata(node.metadata), ocr, children, outcome);
  }

  /** Passes each embedded item's bytes to {@code sink}, depth first, parents before children. */
  public static void deliver(Node node, Extraction extraction, EmbeddedSink sink) throws IOException {
    for (int i = 0; i < node.children.size(); i++) {
      Node child = node.children.get(i);
      Extraction e = extraction.children().get(i);
      if (child.bytes != null) {
        sink.accept(e, new java.io.ByteArrayInputStream(child.bytes));
        child.bytes = null; // the sink has them: not held for the rest of the tree
      } else if (!child.bytesFile.isEmpty()) {
        Path p = Path.of(child.bytesFile);
        if (Files.isRegularFile(p)) {
          try (InputStream in = Files.newInputStream(p)) {
            sink.accept(e, in);
          }
        }
      }
      deliver(child, e, sink);
    }
  }

  static ExtractedMetadata metadata(Map<String, List<String>> raw) {
    Optional<ExtractedMetadata.GeoPoint> location = Optional.empty();
    Optional<String> lat = first(raw, List.of("geo:lat"));
    Optional<String> lon = first(raw, List.of("geo:long", "geo:lon"));
    if (lat.isPresent() && lon.isPresent()) {
      try {
        location = Optional.of(new ExtractedMetadata.GeoPoint(Double.parseDouble(lat.get().strip()),
            Double.parseDouble(lon.get().strip())));
      } catch (IllegalArgumentException e) {
        location = Optional.empty(); // a malformed tag is left in raw, not guessed at
      }
    }
    return new ExtractedMetadata(first(raw, AUTHOR), first(raw, CREATED).flatMap(Results::instant),
        first(raw, MODIFIED).flatMap(Results::instant), first(raw, TITLE), first(raw, LANGUAGE), location, raw);
  }

  private static Optional<String> first(Map<String, List<String>> raw, List<String> keys) {
    for (String k : keys) {
      List<String> v = raw.get(k);
      if (v != null) {
        for (String s : v) {
          if (s != null && !s.isBlank()) {
            return Optional.of(s.strip());
          }
        }
      }
    }
    return Optional.empty();
  }

  static Optional<Instant> instant(String s) {
    try {
      return Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      // try the other shapes parsers write
    }
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      // next
    }
    try {
      return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // next
    }
    try {
      return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
