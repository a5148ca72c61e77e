package org.insight.ingest.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.insight.core.ContentHash;
import org.insight.ingest.ExtractedMetadata;
import org.insight.ingest.Extraction;
import org.insight.ingest.ExtractionException;
import org.insight.ingest.TikaExtractor;
import org.insight.ingest.ExtractorUnavailableException;
import org.insight.ingest.ItemExtractor;
import org.insight.ingest.OcrOptions;

/** The pipeline's extraction step over a {@link TikaExtractor} (Tika and Tesseract in worker processes). */
public final class TikaItemExtractor implements ItemExtractor {
  private final TikaExtractor extractor;
  private final boolean owned;
  private volatile OcrOptions ocr;

  public TikaItemExtractor(TikaExtractor extractor, boolean owned) {
    this.extractor = extractor;
    this.owned = owned;
    this.ocr = extractor.defaultOcr();
  }

  /** The OCR options of the run (the request's). */
  public TikaItemExtractor ocr(OcrOptions options) {
    this.ocr = options;
    return this;
  }

  @Override
  public Item extract(Path file, String name, Function<InputStream, ContentHash> keep) {
    Set<ContentHash> kept = ConcurrentHashMap.newKeySet();
    Extraction e;
    try {
      e = extractor.extract(file, ocr, (item, bytes) -> kept.add(keep.apply(bytes)));
    } catch (ExtractorUnavailableException x) {
      throw x; // the extractor's problem, not this item's: ingest stops instead of quarantining every file
    } catch (ExtractionException x) {
      return Item.quarantined("unreadable", x.getMessage());
    }
    return convert(e, kept);
  }

  private static Item convert(Extraction e, Set<ContentHash> kept) {
    if (e.outcome().isQuarantined()) {
      return Item.quarantined(code(e.outcome().reason().get().name()), e.outcome().message());
    }
    List<Child> children = new ArrayList<>();
    int n = 0;
    for (Extraction c : e.children()) {
      n++;
      String name = c.name().isBlank() ? "embedded-" + n : c.name();
      Item item = kept.contains(c.contentHash()) ? convert(c, kept)
          : Item.quarantined("unreadable", "the bytes of this embedded item could not be recovered from its container");
      children.add(new Child(name, c.contentHash(), item));
    }
    ExtractedMetadata m = e.metadata();
    Map<String, List<String>> meta = new TreeMap<>(m.raw());
    meta.put("mediaType", List.of(e.mediaType()));
    if (e.textTruncated()) {
      meta.put("textTruncated", List.of("true"));
    }
    m.author().ifPresent(a -> meta.put("author", List.of(a)));
    m.created().ifPresent(d -> meta.put("created", List.of(d.toString())));
    m.modified().ifPresent(d -> meta.put("modified", List.of(d.toString())));
    m.location().ifPresent(g -> meta.put("geo", List.of(g.latitude() + "," + g.longitude())));
    String method = e.method().isBlank() ? "tika:" + e.mediaType() : e.method();
    return new Item(method, m.title().orElse(""), e.text(), m.language().orElse(""), meta,
        e.ocr().map(o -> "ocr:" + o.engine()).orElse(""), e.ocr().map(o -> o.meanConfidence()).orElse(-1.0),
        children, Optional.empty());
  }

  /** {@code TOO_LARGE} → {@code too-large}: the report's stable reason codes. */
  static String code(String reason) {
    return reason.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public void close() {
    if (owned) {
      extractor.close();
    }
  }
}
