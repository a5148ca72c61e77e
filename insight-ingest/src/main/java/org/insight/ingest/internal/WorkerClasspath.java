package org.insight.ingest.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.sourceforge.tess4j.TessAPI;
import org.apache.pdfbox.Loader;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.insight.InsightException;
import org.insight.ingest.ExtractorUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class path of an extraction worker JVM: where this JVM loaded insight-ingest, Tika, PDFBox and Tess4J from.
 * Not {@code java.class.path}, which inside a fat jar, an application server or a plugin's class loader names none
 * of them. The class loaders that loaded the SDK are walked parent first: the system class loader contributes
 * {@code java.class.path}, a {@link URLClassLoader} its URLs, any other loader the jars its manifests come from. A
 * jar inside a jar (Spring Boot's {@code BOOT-INF/lib}) is copied out once to the temporary directory, named by its
 * content hash. Classes the worker cannot do without are located last and must resolve to a file.
 */
public final class WorkerClasspath {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerClasspath.class);
  private static final String MANIFEST = "META-INF/MANIFEST.MF";
  /** One class from each part the worker cannot start or parse without; the first is the worker itself. */
  private static final List<Class<?>> NEEDED = List.of(WorkerMain.class, InsightException.class,
      AutoDetectParser.class, PDFParserConfig.class, Loader.class, TessAPI.class, LoggerFactory.class);
  /** This copy of the SDK's answer: static state is per class loader, as the answer is. */
  private static volatile String detected;

  private WorkerClasspath() {}

  /** {@code configured} when given, else the class path detected for the class loader that loaded the SDK. */
  public static String of(List<Path> configured) {
    if (!configured.isEmpty()) {
      return join(configured);
    }
    String cp = detected;
    if (cp == null) {
      cp = join(detect(WorkerClasspath.class.getClassLoader()));
      detected = cp;
      LOG.debug("extraction worker class path: {}", cp);
    }
    return cp;
  }

  /** The entries, parent loaders first, then the locations of the needed classes not among them. */
  static Collection<Path> detect(ClassLoader sdk) {
    Deque<List<Path>> perLoader = new ArrayDeque<>();
    for (ClassLoader l = sdk; l != null; l = l.getParent()) {
      perLoader.push(entries(l));
    }
    Set<Path> all = new LinkedHashSet<>();
    perLoader.forEach(all::addAll);
    for (Class<?> c : NEEDED) {
      all.add(location(c));
    }
    return all;
  }

  private static List<Path> entries(ClassLoader loader) {
    List<Path> out = new ArrayList<>();
    if (loader == ClassLoader.getSystemClassLoader()) {
      for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
        if (!e.isBlank()) {
          out.add(Path.of(e).toAbsolutePath().normalize());
        }
      }
    } else if (loader instanceof URLClassLoader u) {
      for (URL url : u.getURLs()) {
        add(out, url.toString());
      }
    } else if (loader != ClassLoader.getPlatformClassLoader()) {
      try {
        for (URL url : Collections.list(loader.getResources(MANIFEST))) {
          String s = url.toString();
          if (s.endsWith("!/" + MANIFEST)) {
            add(out, s.substring(0, s.length() - MANIFEST.length()));
          }
        }
      } catch (IOException e) {
        LOG.debug("cannot list the jars of class loader {}", loader, e);
      }
    }
    return out;
  }

  private static void add(List<Path> out, String location) {
    try {
      Path p = toPath(location);
      if (p != null) {
        out.add(p);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("left {} off the extraction worker's class path", location, e);
    }
  }

  /** Where {@code c} was loaded from, as a file the worker JVM can read. */
  static Path location(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    URL url = source == null ? null : source.getLocation();
    Path p = null;
    Exception failure = null;
    if (url != null) {
      try {
        p = toPath(url.toString());
      } catch (IOException | RuntimeException e) {
        failure = e;
      }
    }
    if (p == null) {
      throw new ExtractorUnavailableException("cannot start extraction worker processes: " + c.getName()
          + " was loaded from " + (url == null ? "an unknown place" : url) + ", which is not a file a new JVM can"
          + " read; give the workers' class path with TikaExtractor.Builder.workerClasspath(...), or extract in this JVM"
          + " with inProcess(true) (trusted input only)", failure);
    }
    return p;
  }

  /**
   * A location as a class loader reports it — {@code file:/a.jar}, {@code jar:file:/a.jar!/},
   * {@code jar:file:/app.jar!/BOOT-INF/lib/x.jar!/}, {@code jar:nested:/app.jar/!BOOT-INF/lib/x.jar!/} — as a jar
   * or directory on disk; null when it is neither (a directory inside a jar).
   */
  static Path toPath(String location) throws IOException {
    boolean jar = location.startsWith("jar:");
    String s = jar ? location.substring(4) : location;
    if (jar && s.endsWith("!/")) {
      s = s.substring(0, s.length() - 2);
    }
    String outer = s;
    String entry = null;
    if (s.startsWith("nested:")) { // Spring Boot 3.2+: nested:/app.jar/!BOOT-INF/lib/x.jar
      int at = s.indexOf("/!");
      outer = "file:" + s.substring("nested:".length(), at < 0 ? s.length() : at);
      entry = at < 0 ? null : s.substring(at + 2);
    } else if (jar && s.contains("!/")) { // file:/app.jar!/BOOT-INF/lib/x.jar
      outer = s.substring(0, s.indexOf("!/"));
      entry = s.substring(s.indexOf("!/") + 2);
    }
    if (!outer.startsWith("file:")) {
      return null;
    }
    Path file = filePath(outer);
    if (entry == null) {
      return file;
    }
    return entry.endsWith(".jar") ? copyOut(file, entry) : null;
  }

  private static Path filePath(String fileUrl) {
    Path p;
    try {
      p = Path.of(new URI(fileUrl));
    } catch (URISyntaxException | IllegalArgumentException e) {
      // not encoded (a space in the path), as some class loaders build them
      String raw = fileUrl.substring("file:".length());
      p = Path.of(raw.startsWith("//") ? raw.substring(2) : raw);
    }
    return p.toAbsolutePath().normalize();
  }

  /** Copies a jar kept inside another jar to the temporary directory, once per content. */
  private static Path copyOut(Path outer, String entry) throws IOException {
    Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "insight-worker-jars"));
    Path tmp = Files.createTempFile(dir, "copy-", ".part");
    try (ZipFile zip = new ZipFile(outer.toFile())) {
      ZipEntry e = zip.getEntry(entry);
      if (e == null) {
        throw new IOException(outer + " holds no " + entry);
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = zip.getInputStream(e);
           OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
        in.transferTo(out);
      }
      String name = entry.substring(entry.lastIndexOf('/') + 1);
      Path target = dir.resolve(HexFormat.of().formatHex(sha.digest(), 0, 8) + "-" + name);
      if (Files.exists(target)) {
        Files.delete(tmp);
      } else {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      return target;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String join(Collection<Path> paths) {
    List<String> out = new ArrayList<>();
    for (Path p : paths) {
      out.add(p.toString());
    }
    return String.join(File.pathSeparator, out);
  }
}
