package org.insight.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerClasspathTest {
  @TempDir Path dir;

  @Test
  void aJarInsideASpringBootJarIsCopiedOutOnceByContent() throws IOException {
    byte[] inner = ("not really a jar, but bytes to copy " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
    Path app = dir.resolve("app dir").resolve("app.jar");
    Files.createDirectories(app.getParent());
    try (OutputStream out = Files.newOutputStream(app); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("BOOT-INF/lib/inner-1.0.jar"));
      zip.write(inner);
      zip.closeEntry();
    }
    String url = app.toUri().toString(); // file:/…/app%20dir/app.jar
    Path classic = WorkerClasspath.toPath("jar:" + url + "!/BOOT-INF/lib/inner-1.0.jar!/");
    Path nested = WorkerClasspath.toPath("jar:nested:" + app.toUri().getRawPath() + "/!BOOT-INF/lib/inner-1.0.jar!/");
    assertArrayEquals(inner, Files.readAllBytes(classic));
    assertTrue(classic.getFileName().toString().endsWith("-inner-1.0.jar"), classic.toString());
    assertEquals(classic, nested, "the same bytes are copied to the same file");

    assertEquals(app, WorkerClasspath.toPath(url));
    assertEquals(app, WorkerClasspath.toPath("jar:" + url + "!/"));
    assertNull(WorkerClasspath.toPath("jar:" + url + "!/BOOT-INF/classes!/"), "classes inside a jar are no jar");
    assertNull(WorkerClasspath.toPath("vfs:/content/app.war/WEB-INF/lib/x.jar"));
  }

  @Test
  void theDetectedClassPathHoldsTheWorkerAndTika() {
    Collection<Path> cp = WorkerClasspath.detect(WorkerClasspath.class.getClassLoader());
    assertTrue(cp.contains(WorkerClasspath.location(WorkerMain.class)), cp.toString());
    assertTrue(cp.contains(WorkerClasspath.location(AutoDetectParser.class)), cp.toString());
    assertTrue(WorkerClasspath.location(AutoDetectParser.class).getFileName().toString().startsWith("tika-core"));
  }
}
