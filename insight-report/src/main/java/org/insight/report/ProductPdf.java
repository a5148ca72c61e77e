package org.insight.report;

import java.nio.file.Path;
import java.util.Optional;
import org.insight.report.internal.Chromium;

/**
 * A product's HTML page printed to PDF by headless Chromium ({@code --print-to-pdf}), offline: the page makes no
 * request, and the banner repeats at the top and bottom of every page.
 */
public final class ProductPdf {
  private ProductPdf() {}

  /** The Chromium this machine has ({@code chromium} or {@code chromium-browser} on the PATH), if any. */
  public static Optional<Path> chromium() {
    return Chromium.find();
  }

  /**
   * Prints {@code html} (a file written by {@link HtmlProduct#write}) to {@code pdf}.
   *
   * @throws ReportException when no Chromium is installed (the message says how to install it) or printing fails
   */
  public static Path print(Path html, Path pdf) {
    return Chromium.printToPdf(html, pdf);
  }
}
