package org.insight.report.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.insight.report.ReportException;

/** Headless Chromium, found on the PATH, for printing products to PDF. */
public final class Chromium {
  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

  private Chromium() {}

  public static Optional<Path> find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : NAMES) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  public static Path printToPdf(Path html, Path pdf) {
    Path chromium = find().orElseThrow(() -> new ReportException("printing to PDF needs headless Chromium, and none"
        + " of " + NAMES + " is on the PATH; install it (Debian: apt-get install chromium; scripts/prerequisites does)"
        + " or open the HTML file and print it from a browser"));
    if (!Files.isRegularFile(html)) {
      throw new ReportException("no HTML file " + html + " to print; write the product first (HtmlProduct.write)");
    }
    try {
      Path profile = Files.createTempDirectory("insight-pdf");
      Path log = profile.resolve("chromium.log");
      Path parent = pdf.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--no-first-run", "--user-data-dir=" + profile, "--no-pdf-header-footer",
          "--print-to-pdf=" + pdf.toAbsolutePath(), html.toAbsolutePath().toUri().toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new ReportException("Chromium did not print " + html + " within 120 s");
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
        throw new ReportException("Chromium could not print " + html + " (exit " + p.exitValue() + "): "
            + tail(Files.readString(log, StandardCharsets.UTF_8)));
      }
      return pdf;
    } catch (IOException e) {
      throw new ReportException("cannot print " + html + " to " + pdf + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReportException("interrupted while printing " + html, e);
    }
  }

  private static String tail(String log) {
    return log.length() <= 600 ? log : log.substring(log.length() - 600);
  }
}
