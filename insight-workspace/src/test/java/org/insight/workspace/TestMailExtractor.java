package org.insight.workspace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.insight.core.ContentHash;
import org.insight.ingest.ItemExtractor;

/**
 * A small, deterministic extractor for pipeline tests (no Tika, no child JVM): {@code .txt} is text; {@code .mail}
 * is a body followed by attachments, each a line {@code --attach NAME} and its content (a nested {@code .mail}
 * attachment marks its own with {@code ---attach}, and so on); {@code .enc} is encrypted; {@code .boom} throws; anything else is unsupported.
 */
final class TestMailExtractor implements ItemExtractor {

  @Override
  public Item extract(Path file, String name, Function<InputStream, ContentHash> keep) {
    try {
      return extract(Files.readString(file, StandardCharsets.UTF_8), name, keep, 2);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Item extract(String content, String name, Function<InputStream, ContentHash> keep, int dashes) {
    if (name.endsWith(".txt")) {
      return new Item("test:text", "", content, "en", Map.of("kind", List.of("text")), "", -1, List.of(), Optional.empty());
    }
    if (name.endsWith(".enc")) {
      return Item.quarantined("encrypted", name + " is password-protected; give the password or a decrypted copy");
    }
    if (name.endsWith(".boom")) {
      throw new IllegalStateException("the parser blew up on " + name);
    }
    if (!name.endsWith(".mail")) {
      return Item.quarantined("unsupported", "no parser for " + name);
    }
    String[] parts = content.split("\n" + "-".repeat(dashes) + "attach ", -1);
    List<Child> children = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      int nl = parts[i].indexOf('\n');
      String childName = nl < 0 ? parts[i] : parts[i].substring(0, nl);
      String childContent = nl < 0 ? "" : parts[i].substring(nl + 1);
      ContentHash h = keep.apply(new ByteArrayInputStream(childContent.getBytes(StandardCharsets.UTF_8)));
      children.add(new Child(childName, h, extract(childContent, childName, keep, dashes + 1)));
    }
    return new Item("test:mail", "Mail " + name, parts[0], "en", Map.of("kind", List.of("mail")), "", -1, children,
        Optional.empty());
  }
}
