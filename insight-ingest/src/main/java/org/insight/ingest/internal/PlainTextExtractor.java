package org.insight.ingest.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.insight.ingest.ItemExtractor;

/**
 * Plain UTF-8 text files only (txt, csv, md, log, json, xml): everything else is quarantined as unsupported. A
 * fallback for when no full extractor is configured.
 */
final class PlainTextExtractor implements ItemExtractor {
  private static final List<String> TEXT = List.of(".txt", ".text", ".csv", ".tsv", ".md", ".log", ".json", ".xml");
  private final long maxBytes;

  PlainTextExtractor(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public Item extract(Path file, String name, java.util.function.Function<java.io.InputStream, org.insight.core.ContentHash> keep) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (TEXT.stream().noneMatch(lower::endsWith)) {
      return Item.quarantined("unsupported", name + " is not plain text and no full extractor is configured");
    }
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        return Item.quarantined("too-large", name + " has " + size + " bytes, more than the limit of " + maxBytes);
      }
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
      return new Item("text:plain", "", text, "", Map.of(), "", -1, List.of(), Optional.empty());
    } catch (CharacterCodingException e) {
      return Item.quarantined("corrupt", name + " is not valid UTF-8 text");
    } catch (IOException e) {
      return Item.quarantined("unreadable", name + " cannot be read: " + e.getMessage());
    }
  }
}
