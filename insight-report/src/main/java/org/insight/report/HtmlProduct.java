package org.insight.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.insight.report.internal.HtmlRenderer;

/**
 * A product as one self-contained HTML file: the banner at top and bottom, inline CSS and SVG, and for network charts
 * the inlined Cytoscape.js (pan, zoom, click for the evidence) over an SVG drawing that shows without script. A
 * Content-Security-Policy forbids every source but the page's own inline code, so it makes no request of any kind;
 * it opens offline and prints (the banner repeats on every printed page).
 */
public final class HtmlProduct {
  private HtmlProduct() {}

  /** The page. */
  public static String html(Product product) {
    return HtmlRenderer.render(product);
  }

  /** Writes the page to {@code file} (UTF-8) and returns it. */
  public static Path write(Product product, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, html(product), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the product to " + file, e);
    }
  }
}
