package org.insight.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.insight.ingest.internal.Engine;
import org.insight.ingest.internal.InProcessEngine;
import org.insight.ingest.internal.Limits;
import org.insight.ingest.internal.Node;
import org.insight.ingest.internal.ProcessEngine;
import org.insight.ingest.internal.Request;
import org.insight.ingest.internal.Results;
import org.insight.ingest.internal.TikaWorker;
import org.insight.ingest.internal.WorkerClasspath;

/**
 * Extracts text, metadata and embedded items from files with Apache Tika, and OCRs images and PDF pages
 * without a text layer with Tesseract — in a pool of worker processes, so a file that hangs a parser or
 * exhausts its memory costs that file (quarantined: TIMEOUT or CRASHED), never the caller's JVM. When the
 * workers cannot start at all, calls throw {@link ExtractorUnavailableException} (no item is blamed for it).
 *
 * <p>Thread-safe: up to {@link Builder#workers(int)} items are extracted at once; more callers wait. The ingest
 * pipeline uses one through its {@link ItemExtractor} SPI (see {@link IngestRequest.Builder#extractor(TikaExtractor)}).
 *
 * <pre>{@code
 * try (TikaExtractor extractor =
 *     TikaExtractor.builder().timeout(Duration.ofSeconds(30)).ocrLanguages("eng+fra").build()) {
 *   Extraction e = extractor.extract(Path.of("mail.eml"), OcrOptions.DEFAULT, (item, bytes) -> store.put(bytes));
 * }
 * }</pre>
 */
public final class TikaExtractor implements AutoCloseable {
  private final Builder settings;
  private final Limits limits;
  private final Engine engine;
  private volatile boolean closed;

  private TikaExtractor(Builder b) {
    this.settings = b.copy();
    this.limits = new Limits(b.maxBytes, b.maxDepth, b.maxEmbedded, b.maxCompressionRatio, b.maxTextChars,
        b.tessdata == null ? "" : b.tessdata.toString());
    this.engine = b.inProcess
        ? new InProcessEngine(b.workers, b.timeout)
        : new ProcessEngine(b.workers, b.timeout, b.workerHeapMb, WorkerClasspath.of(b.workerClasspath));
  }

  /** An extractor with the defaults: see {@link Builder}. */
  public static TikaExtractor create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Extracts {@code file} with the default OCR options, discarding embedded items' bytes. */
  public Extraction extract(Path file) {
    return extract(file, settings.ocr, EmbeddedSink.DISCARD);
  }

  /**
   * Extracts {@code file}.
   *
   * @param ocr OCR on or off and its languages, for this item
   * @param sink receives each embedded item's original bytes before this returns
   * @return the extraction; problems with the content quarantine items, they do not throw
   * @throws ExtractionException if the file does not exist or cannot be read, or the extractor is closed
   */
  public Extraction extract(Path file, OcrOptions ocr, EmbeddedSink sink) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new ExtractionException("cannot extract " + file + ": it is not a readable file; check the path");
    }
    Path name = file.getFileName();
    return run(file, name == null ? "" : name.toString(), ocr, sink);
  }

  /** Extracts the bytes of {@code in} (read to the end, not closed) as an item called {@code name}. */
  public Extraction extract(InputStream in, String name) {
    return extract(in, name, settings.ocr, EmbeddedSink.DISCARD);
  }

  /**
   * Extracts the bytes of {@code in} as an item called {@code name}. The stream is copied whole to a temporary
   * file first (so memory stays bounded and an item over the maximum size is still hashed), then deleted.
   */
  public Extraction extract(InputStream in, String name, OcrOptions ocr, EmbeddedSink sink) {
    Objects.requireNonNull(in, "in");
    checkOpen();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(tempDirectory(), "insight-stream-", ".bin");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        in.transferTo(out);
      }
      return run(tmp, name == null ? "" : name, ocr, sink);
    } catch (IOException e) {
      throw new ExtractionException("cannot read the stream '" + name + "' to extract it: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // a leftover temp file is harmless
        }
      }
    }
  }

  private Extraction run(Path file, String name, OcrOptions ocr, EmbeddedSink sink) {
    checkOpen();
    Objects.requireNonNull(ocr, "ocr");
    Objects.requireNonNull(sink, "sink");
    Path work = null;
    try {
      // not created here: the worker creates it only if an embedded item is too large to keep in memory
      work = tempDirectory().resolve("insight-extract-" + UUID.randomUUID());
      Request request = new Request(file.toAbsolutePath().toString(), name, work.toString(), ocr.enabled(),
          ocr.languages(), limits);
      Node node = engine.run(request);
      if (node.sha256.isEmpty()) {
        // the worker died before hashing: hash here so even a TIMEOUT item can be kept as evidence
        try (InputStream in = Files.newInputStream(file)) {
          node.sha256 = TikaWorker.hashOnly(in);
        }
        node.size = Files.size(file);
      }
      Extraction extraction = Results.toExtraction(node);
      Results.deliver(node, extraction, sink);
      return extraction;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExtractionException("interrupted while extracting " + name, e);
    } catch (IOException e) {
      throw new ExtractionException("cannot extract " + name + ": " + e.getMessage()
          + "; check the temporary directory " + tempDirectory(), e);
    } finally {
      if (work != null && Files.exists(work)) {
        deleteTree(work);
      }
    }
  }

  private Path tempDirectory() {
    return settings.tempDirectory != null ? settings.tempDirectory : Path.of(System.getProperty("java.io.tmpdir"));
  }

  private void checkOpen() {
    if (closed) {
      throw new ExtractorUnavailableException("this TikaExtractor is closed; create a new one");
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // a leftover temp file is harmless
        }
      });
    } catch (IOException e) {
      // same
    }
  }

  /** The OCR options used when a call does not give its own. */
  public OcrOptions defaultOcr() {
    return settings.ocr;
  }

  /** The per-item timeout. */
  public Duration timeout() {
    return settings.timeout;
  }

  /** Stops the worker processes. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      engine.close();
    }
  }

  /**
   * Settings, each with a default that suits an analyst's laptop: 60 s per item, 512 MiB per item, 10 levels of
   * nesting, 10,000 embedded items per item, compression ratio 100, 20 M characters of text per item, OCR on
   * in English, one worker per core (at most 4) with a 1 GiB heap each.
   */
  public static final class Builder {
    private Duration timeout = Duration.ofSeconds(60);
    private long maxBytes = 512L * 1024 * 1024;
    private int maxDepth = 10;
    private int maxEmbedded = 10_000;
    private double maxCompressionRatio = 100;
    private int maxTextChars = 20_000_000;
    private OcrOptions ocr = OcrOptions.DEFAULT;
    private int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private int workerHeapMb = 1024;
    private Path tempDirectory;
    private Path tessdata;
    private boolean inProcess;
    private List<Path> workerClasspath = List.of();

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.timeout = timeout;
      b.maxBytes = maxBytes;
      b.maxDepth = maxDepth;
      b.maxEmbedded = maxEmbedded;
      b.maxCompressionRatio = maxCompressionRatio;
      b.maxTextChars = maxTextChars;
      b.ocr = ocr;
      b.workers = workers;
      b.workerHeapMb = workerHeapMb;
      b.tempDirectory = tempDirectory;
      b.tessdata = tessdata;
      b.inProcess = inProcess;
      b.workerClasspath = workerClasspath;
      return b;
    }

    /** The longest one item (with its embedded items) may take; then its worker is killed and restarted. */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The largest item (top or embedded) that is parsed; larger ones are quarantined TOO_LARGE unread. */
    public Builder maxBytes(long maxBytes) {
      this.maxBytes = positive("maxBytes", maxBytes);
      return this;
    }

    /** How many containers deep embedded items are extracted; deeper ones are quarantined LIMIT_EXCEEDED. */
    public Builder maxDepth(int maxDepth) {
      this.maxDepth = (int) positive("maxDepth", maxDepth);
      return this;
    }

    /** How many embedded items one file may hold in total; past it the file is quarantined LIMIT_EXCEEDED. */
    public Builder maxEmbedded(int maxEmbedded) {
      this.maxEmbedded = (int) positive("maxEmbedded", maxEmbedded);
      return this;
    }

    /**
     * The most the embedded items of a file may expand to, as a multiple of the file's size (at least 4 MiB
     * are always allowed); past it the file is quarantined LIMIT_EXCEEDED as a decompression bomb.
     */
    public Builder maxCompressionRatio(double ratio) {
      if (!(ratio >= 1)) {
        throw new IllegalArgumentException("maxCompressionRatio must be at least 1, was " + ratio);
      }
      this.maxCompressionRatio = ratio;
      return this;
    }

    /** The longest text kept per item; longer text is cut and {@link Extraction#textTruncated()} set. */
    public Builder maxTextChars(int maxTextChars) {
      this.maxTextChars = (int) positive("maxTextChars", maxTextChars);
      return this;
    }

    /** The default OCR options (calls may give their own). */
    public Builder ocr(OcrOptions ocr) {
      this.ocr = Objects.requireNonNull(ocr, "ocr");
      return this;
    }

    /** OCR on, in {@code languages}, e.g. {@code eng+fra}. */
    public Builder ocrLanguages(String languages) {
      return ocr(OcrOptions.languages(languages));
    }

    /** OCR off by default. */
    public Builder noOcr() {
      return ocr(OcrOptions.OFF);
    }

    /** How many items are extracted at once, each in its own worker process (each OCRs single-threaded). */
    public Builder workers(int workers) {
      this.workers = (int) positive("workers", workers);
      return this;
    }

    /** Each worker process's maximum heap in MiB; an item that needs more is quarantined CRASHED. */
    public Builder workerHeapMb(int mb) {
      if (mb < 64) {
        throw new IllegalArgumentException("workerHeapMb must be at least 64, was " + mb);
      }
      this.workerHeapMb = mb;
      return this;
    }

    /** Where items' embedded bytes are spooled while extracting (default: java.io.tmpdir). */
    public Builder tempDirectory(Path dir) {
      this.tempDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** Tesseract's language-data directory (default: $TESSDATA_PREFIX or /usr/share/tesseract-ocr/5/tessdata). */
    public Builder tessdata(Path dir) {
      this.tessdata = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * Extract in this JVM instead of worker processes: less overhead, but only for trusted input — a parser
     * that hangs keeps a thread busy (the item is still reported TIMEOUT), one that exhausts memory hurts the
     * caller.
     */
    public Builder inProcess(boolean inProcess) {
      this.inProcess = inProcess;
      return this;
    }

    /**
     * The class path of the worker processes: jars and directories holding insight-ingest, Tika, PDFBox, Tess4J and
     * their dependencies. By default it is found from where this JVM loaded them (the class loaders' URLs, jars
     * inside a Spring Boot jar copied out once), which suits plain, fat-jar and application-server deployments;
     * give it when the SDK comes from somewhere a new JVM cannot read.
     *
     * @throws IllegalArgumentException if the list is empty or an entry does not exist
     */
    public Builder workerClasspath(List<Path> entries) {
      if (entries == null || entries.isEmpty()) {
        throw new IllegalArgumentException("workerClasspath needs at least one jar or directory, was " + entries);
      }
      for (Path p : entries) {
        if (p == null || !Files.exists(p)) {
          throw new IllegalArgumentException("workerClasspath entry " + p + " does not exist; give the jars and"
              + " directories that hold insight-ingest, Tika, PDFBox and Tess4J");
        }
      }
      this.workerClasspath = List.copyOf(entries);
      return this;
    }

    public TikaExtractor build() {
      return new TikaExtractor(this);
    }

    private static long positive(String what, long value) {
      if (value <= 0) {
        throw new IllegalArgumentException(what + " must be positive, was " + value);
      }
      return value;
    }
  }
}
