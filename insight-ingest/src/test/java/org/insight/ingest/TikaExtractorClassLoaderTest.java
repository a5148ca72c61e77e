package org.insight.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction in worker processes when the SDK is not on {@code java.class.path}: loaded by its own class loader, as
 * in a fat jar, an application server or a plugin host.
 */
class TikaExtractorClassLoaderTest {
  @TempDir Path dir;

  @Test
  void extractsWhenTheSdkComesFromAFreshUrlClassLoaderAndTheClassPathNamesNoneOfIt() throws Exception {
    Path pdf = dir.resolve("statement.pdf");
    Files.write(pdf, Corpus.pdf("desk", "The blue van left pier 4 at 21:40."));
    String saved = System.getProperty("java.class.path");
    // the platform loader as parent: every SDK, Tika and PDFBox class comes from the new loader, none from ours
    try (URLClassLoader sdk = new URLClassLoader(testClassPath(), ClassLoader.getPlatformClassLoader())) {
      System.setProperty("java.class.path", dir.resolve("nothing-here.jar").toString());
      Class<?> extractorClass = sdk.loadClass(TikaExtractor.class.getName());
      assertTrue(extractorClass != TikaExtractor.class, "the SDK was loaded again, by the new loader");
      Object builder = extractorClass.getMethod("builder").invoke(null);
      builder.getClass().getMethod("workers", int.class).invoke(builder, 1);
      builder.getClass().getMethod("noOcr").invoke(builder);
      try (AutoCloseable extractor = (AutoCloseable) builder.getClass().getMethod("build").invoke(builder)) {
        Object extraction = extractorClass.getMethod("extract", Path.class).invoke(extractor, pdf);
        Object outcome = extraction.getClass().getMethod("outcome").invoke(extraction);
        assertEquals(Optional.empty(), outcome.getClass().getMethod("reason").invoke(outcome), outcome.toString());
        assertEquals("tika:PDFParser", extraction.getClass().getMethod("parser").invoke(extraction));
        String text = (String) extraction.getClass().getMethod("text").invoke(extraction);
        assertTrue(text.contains("The blue van left pier 4"), text);
      }
    } finally {
      System.setProperty("java.class.path", saved);
    }
  }

  @Test
  void workersThatCannotStartFailTheCallAndSayWhatToDo() throws IOException {
    Path file = Files.writeString(dir.resolve("note.txt"), "Suspect seen near the harbour.");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    try (TikaExtractor extractor = TikaExtractor.builder().workers(1).workerClasspath(List.of(empty)).build()) {
      ExtractorUnavailableException e = assertThrows(ExtractorUnavailableException.class, () -> extractor.extract(file));
      assertTrue(e.getMessage().contains("workerClasspath"), e.getMessage());
      assertTrue(e.getMessage().contains("WorkerMain"), "the worker's own error is quoted: " + e.getMessage());
    }
  }

  @Test
  void aWorkerClassPathEntryThatDoesNotExistIsRefusedAtOnce() {
    Path missing = dir.resolve("missing.jar");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TikaExtractor.builder().workerClasspath(List.of(missing)));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TikaExtractor.builder().workerClasspath(List.of()));
  }

  /** This test JVM's real class path (surefire hides it behind a manifest-only jar). */
  static URL[] testClassPath() throws IOException {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : cp.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return urls.toArray(URL[]::new);
  }
}
