package org.insight.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a directory is called (spaces, {@code %}, {@code #}, {@code +}, {@code !}, non-Latin letters), every way a
 * class loader can report a location in it leads back to the same file.
 */
class WorkerClasspathProperties {
  static Path root;

  @BeforeContainer
  static void createRoot() throws IOException {
    root = Files.createTempDirectory("insight-cp-props");
  }

  @AfterContainer
  static void deleteRoot() throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Provide
  Arbitrary<String> dirNames() {
    return Arbitraries.strings().withChars("ab Z09 %#+!;=&é日ж-_.'").ofMinLength(1).ofMaxLength(12)
        // a jar: URL cannot tell "!/" in a path from its separator (the JDK's cannot either)
        .filter(s -> !s.isBlank() && !s.equals(".") && !s.equals("..") && !s.endsWith(".") && !s.endsWith("!")
            && !s.startsWith("!"));
  }

  @Property(tries = 60)
  void everyFormOfALocationLeadsToTheSameFile(@ForAll("dirNames") String dirName) throws IOException {
    Path dir = Files.createDirectories(root.resolve(dirName));
    Path jar = dir.resolve("lib.jar");
    byte[] inner = ("inner of " + dirName).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("BOOT-INF/lib/inner.jar"));
      zip.write(inner);
      zip.closeEntry();
    }
    String url = jar.toUri().toString();
    assertEquals(jar, WorkerClasspath.toPath(url));
    assertEquals(dir, WorkerClasspath.toPath(dir.toUri().toString()));
    assertEquals(jar, WorkerClasspath.toPath("jar:" + url + "!/"));
    Path classic = WorkerClasspath.toPath("jar:" + url + "!/BOOT-INF/lib/inner.jar!/");
    Path nested = WorkerClasspath.toPath("jar:nested:" + jar.toUri().getRawPath() + "/!BOOT-INF/lib/inner.jar!/");
    assertArrayEquals(inner, Files.readAllBytes(classic));
    assertEquals(classic, nested);
    // some class loaders hand out file URLs that were never encoded; with a % in the path such a URL reads as an
    // encoded one (file:/%aa is byte 0xAA), so only the others can be told apart
    if (!dirName.contains("%")) {
      assertEquals(jar, WorkerClasspath.toPath("file:" + jar));
    }
  }
}
