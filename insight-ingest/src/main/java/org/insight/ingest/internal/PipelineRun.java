package org.insight.ingest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Provenance;
import org.insight.ingest.ExtractorUnavailableException;
import org.insight.ingest.IngestException;
import org.insight.ingest.IngestProgress;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.ingest.IngestTarget;
import org.insight.ingest.ItemExtractor;
import org.insight.ingest.RecordFileException;
import org.insight.ingest.RecordFormat;
import org.insight.ingest.RecordReader;
import org.insight.ingest.RecordSummary;
import org.insight.ingest.RowProblem;

/**
 * One ingest run: a walker thread feeds a bounded queue of items to N workers (hash + store the original,
 * extract, build documents); their results go through a second bounded queue to the calling thread, which writes
 * documents in batches (one durable commit each) and then appends the items' ledger lines. Memory holds at most
 * the queues' items plus one batch of documents.
 */
public final class PipelineRun {
  /** Separates a container from an embedded item in a record id: {@code mail.eml!/invoice.pdf}. */
  public static final String CHAIN = "!/";

  private final IngestRequest request;
  private final IngestTarget target;
  private final Dataset dataset;
  private final BlockingQueue<Object> items;
  private final BlockingQueue<Object> results;
  private volatile boolean stopping;
  private volatile boolean walking = true;
  private volatile long found;

  // written by the calling thread only
  private long done;
  private long ingested;
  private long unchanged;
  private long documents;
  private long entities;
  private long bytes;
  private final List<IngestReport.Failure> failures = new ArrayList<>();
  private final List<IngestReport.Warning> warnings = new ArrayList<>();
  /** Written by the walker thread, read after it ended. */
  private final java.util.Queue<IngestReport.Skipped> skippedEntries = new java.util.concurrent.ConcurrentLinkedQueue<>();

  private Ledger ledger;
  private ItemExtractor extractor;
  private Path tmp;

  public PipelineRun(IngestRequest request, IngestTarget target) {
    this.request = request;
    this.target = target;
    this.dataset = request.dataset();
    this.items = new ArrayBlockingQueue<>(request.workers() * 4);
    // room for one batch, so workers go on extracting while the writer commits the previous one
    this.results = new ArrayBlockingQueue<>(Math.max(request.workers() * 4, request.batchSize()));
  }

  /** An item found by the walker. {@code file} is null for a stream, whose {@code open} is then set. */
  private record Item(String key, String record, String name, Path file, IngestSource.Stream stream, long size,
      long modified) {}

  private record Skipped(Item item, ObjectNode line) {}

  private record Done(Item item, boolean ok, long size, List<Document> documents, long entities,
      List<IngestReport.Failure> failures, ObjectNode line) {}

  private record WalkFailure(String path, String message) {}

  private record Fatal(String path, Throwable cause) {}

  private static final Object WORKER_DONE = new Object();
  private static final Object NO_MORE_ITEMS = new Object();

  public IngestReport run() {
    Instant start = Instant.now();
    checkSources();
    tmp = target.stateDirectory().resolve("tmp");
    try {
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new IngestException("cannot create " + tmp + ": " + e + "; check that the workspace is writable", e);
    }
    ledger = Ledger.open(target.stateDirectory().resolve("ledger.jsonl"));
    // an FtM ingest reads every item as FtM and extracts nothing: no extractor (no worker processes) is started
    boolean ownExtractor = request.extractor() == null && request.ftm() == null;
    extractor = ownExtractor ? Extractors.standard(request) : request.extractor();
    if (extractor instanceof TikaItemExtractor tika) {
      tika.ocr(request.ocr());
    }
    List<Thread> threads = new ArrayList<>();
    try {
      threads.add(start("insight-ingest-walker", this::walk));
      for (int i = 0; i < request.workers(); i++) {
        threads.add(start("insight-ingest-worker-" + i, this::work));
      }
      write();
      request.listener().progress("ingest", done, Math.max(done, found)); // the end: done == total
    } catch (IngestException | Error e) {
      stopping = true;
      threads.forEach(Thread::interrupt);
      throw e;
    } catch (RuntimeException e) {
      stopping = true;
      threads.forEach(Thread::interrupt);
      throw new IngestException("ingest stopped: " + e.getMessage() + "; what was reported before is durable,"
          + " run the same ingest again to continue", e);
    } finally {
      for (Thread t : threads) {
        try {
          t.join(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      ledger.close();
      if (ownExtractor) {
        try {
          extractor.close();
        } catch (Exception e) {
          // nothing left to lose: every result was already written
        }
      }
    }
    List<IngestReport.Skipped> skippedList = new ArrayList<>(skippedEntries);
    skippedList.sort(java.util.Comparator.comparing(IngestReport.Skipped::path));
    return new IngestReport(dataset.name(), found, ingested, unchanged, failures.size(), documents, entities, bytes,
        Duration.between(start, Instant.now()), failures, skippedList, warnings);
  }

  private void checkSources() {
    for (IngestSource s : request.sources()) {
      if (s instanceof IngestSource.Directory d && !Files.isDirectory(d.root())) {
        throw new IngestException("there is no directory " + d.root() + " to ingest; check the path");
      }
      if (s instanceof IngestSource.File f && !Files.isRegularFile(f.path())) {
        throw new IngestException("there is no file " + f.path() + " to ingest; check the path");
      }
    }
  }

  private static Thread start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  // ---- walker ------------------------------------------------------------------------------------------------

  private void walk() {
    try {
      for (IngestSource s : request.sources()) {
        if (s instanceof IngestSource.Directory d) {
          walkDirectory(d);
        } else if (s instanceof IngestSource.File f) {
          Path p = f.path().toAbsolutePath().normalize();
          BasicFileAttributes a;
          try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
          } catch (IOException e) {
            found++;
            putQuietly(new WalkFailure(p.getFileName().toString(), "cannot be read: " + e));
            continue; // one unreadable file does not stop the other sources
          }
          offer(p, p.getFileName().toString(), a);
        } else if (s instanceof IngestSource.Stream st) {
          found++;
          put(items, new Item(ledgerKey("stream:" + st.name()), st.name(), leaf(st.name()), null, st, -1, -1));
        }
      }
    } catch (InterruptedException e) {
      return;
    } catch (IOException | RuntimeException e) {
      putQuietly(new WalkFailure("(walk)", "the sources could not be walked to the end: " + e));
    } finally {
      walking = false;
      for (int i = 0; i < request.workers(); i++) {
        putQuietly(NO_MORE_ITEMS, items);
      }
    }
  }

  private void walkDirectory(IngestSource.Directory d) throws IOException, InterruptedException {
    Path root = d.root().toAbsolutePath().normalize();
    Globs includes = new Globs(d.includes());
    Globs excludes = new Globs(d.excludes());
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (stopping) {
            return FileVisitResult.TERMINATE;
          }
          String rel = relative(root, file);
          boolean selected = (includes.isEmpty() || includes.matches(rel)) && !excludes.matches(rel);
          if (!attrs.isRegularFile()) {
            if (selected && !attrs.isDirectory()) {
              skippedEntries.add(skipped(file, rel, attrs)); // never followed or read, but never left out silently
            }
            return FileVisitResult.CONTINUE;
          }
          if (selected) {
            try {
              offer(file, rel, attrs);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return FileVisitResult.TERMINATE;
            }
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          // an unreadable file or directory is reported, not skipped silently
          found++;
          putQuietly(new WalkFailure(relative(root, file), "cannot be read: " + e));
          return FileVisitResult.CONTINUE;
        }
      });
    } finally {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
    }
  }

  private void offer(Path file, String record, BasicFileAttributes a) throws InterruptedException {
    found++;
    String key = ledgerKey(file.toString());
    long modified = a.lastModifiedTime().toMillis();
    Ledger.Entry e = ledger.last(key);
    Item item = new Item(key, record, file.getFileName().toString(), file, null, a.size(), modified);
    if (e != null && Ledger.INGESTED.equals(e.outcome()) && e.size() == a.size() && e.modified() == modified
        && stillHeld(e.sha256(), item.name())) {
      put(results, new Skipped(item, null));
    } else {
      put(items, item);
    }
  }

  /**
   * An item's ledger key: the dataset, the label's canonical text and where the item is. An ingest under one label
   * never reads the state of an ingest under another (rule 7): a writer never learns from "unchanged" that someone it
   * cannot see ingested the same path, and its own copy is always made (documents of different labels coexist).
   */
  private String ledgerKey(String where) {
    return dataset.name() + "\n" + dataset.label() + "\n" + where;
  }

  /** Why a directory entry that is not a regular file was not read. */
  private static IngestReport.Skipped skipped(Path file, String rel, BasicFileAttributes attrs) {
    if (attrs.isSymbolicLink()) {
      return new IngestReport.Skipped(rel, "symlink", "a symbolic link is not followed (it could lead outside the"
          + " ingested directory, or loop); ingest its target directly if it belongs in this dataset");
    }
    String kind = "special-file";
    try {
      Object mode = Files.getAttribute(file, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
      int type = mode instanceof Integer m ? m & 0170000 : 0;
      kind = switch (type) {
        case 0010000 -> "fifo";
        case 0140000 -> "socket";
        case 0020000, 0060000 -> "device";
        default -> "special-file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // no unix attributes here: the generic reason stands
    }
    return new IngestReport.Skipped(rel, kind, "a " + kind.replace('-', ' ') + " is not a regular file: reading it"
        + " could block or never end, so it is not read");
  }

  private static String relative(Path root, Path file) {
    String rel = root.relativize(file).toString();
    return file.getFileSystem().getSeparator().equals("/") ? rel : rel.replace(file.getFileSystem().getSeparator(), "/");
  }

  private static String leaf(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash >= 0 ? name.substring(slash + 1) : name;
  }

  /** Include/exclude globs: without a {@code /} a glob matches the file name, with one the relative path. */
  private static final class Globs {
    private final List<PathMatcher> names = new ArrayList<>();
    private final List<PathMatcher> paths = new ArrayList<>();

    Globs(List<String> globs) {
      for (String g : globs) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g);
        (g.contains("/") ? paths : names).add(m);
      }
    }

    boolean isEmpty() {
      return names.isEmpty() && paths.isEmpty();
    }

    boolean matches(String rel) {
      Path p = Path.of(rel);
      Path name = p.getFileName();
      for (PathMatcher m : names) {
        if (name != null && m.matches(name)) {
          return true;
        }
      }
      for (PathMatcher m : paths) {
        if (m.matches(p)) {
          return true;
        }
      }
      return false;
    }
  }

  // ---- workers -----------------------------------------------------------------------------------------------

  private void work() {
    try {
      while (!stopping) {
        Object next = items.take();
        if (next == NO_MORE_ITEMS) {
          break;
        }
        Item item = (Item) next;
        Object result;
        try {
          result = process(item);
        } catch (RuntimeException | Error e) {
          result = new Fatal(item.record(), e); // the target failed (disk full, index closed): stop the run
        }
        put(results, result);
      }
    } catch (InterruptedException e) {
      return;
    } finally {
      putQuietly(WORKER_DONE);
    }
  }

  private Object process(Item item) {
    Path file = item.file();
    Path copy = null;
    long size = item.size();
    long modified = item.modified();
    ContentHash hash;
    try {
      if (file == null) {
        // a stream is read once into a temporary file: extraction needs to read it, evidence keeps it
        // named like the stream, since extraction uses the name as a type hint
        copy = Files.createTempDirectory(tmp, "stream-").resolve(safeName(item.name()));
        try (InputStream in = item.stream().open().get(); OutputStream out = Files.newOutputStream(copy)) {
          size = in.transferTo(out);
        }
        file = copy;
      }
      try (SourceStream in = new SourceStream(Files.newInputStream(file))) {
        try {
          hash = target.storeEvidence(in);
        } catch (RuntimeException e) {
          if (in.failure == null) {
            throw e; // the store failed, not the source
          }
          throw in.failure;
        }
      }
    } catch (IOException e) {
      deleteQuietly(copy);
      String message = "cannot be read: " + e.getMessage();
      return new Done(item, false, 0, List.of(), 0, List.of(new IngestReport.Failure(item.record(), "unreadable", message, "")),
          Ledger.line(item.key(), size, modified, "", Ledger.QUARANTINED, "unreadable", message, 0, now()));
    }
    try {
      Ledger.Entry before = ledger.last(item.key());
      if (before != null && Ledger.INGESTED.equals(before.outcome()) && before.sha256().equals(hash.hex())
          && stillHeld(hash.hex(), item.name())) {
        // touched but not changed: remember the new size/time so the next run skips it without reading
        return new Skipped(item, Ledger.line(item.key(), size, modified, hash.hex(), Ledger.INGESTED, "", "", 0, now()));
      }
      if (request.ftm() != null) {
        return ftm(item, file, size, modified, hash);
      }
      if (request.mapping() != null && isRecordFile(item.name())) {
        return records(item, file, size, modified, hash);
      }
      ItemExtractor.Item x;
      try {
        x = extractor.extract(file, item.name(), target::storeEvidence);
      } catch (ExtractorUnavailableException e) {
        throw e; // no item can be extracted: stop the run rather than quarantine every file
      } catch (RuntimeException e) {
        x = ItemExtractor.Item.quarantined("failed", "extraction failed: " + e);
      }
      if (x.quarantine().isPresent()) {
        ItemExtractor.Quarantine q = x.quarantine().get();
        return new Done(item, false, size, List.of(), 0, List.of(new IngestReport.Failure(item.record(), q.reason(), q.message(), hash.hex())),
            Ledger.line(item.key(), size, modified, hash.hex(), Ledger.QUARANTINED, q.reason(), q.message(), 0, now()));
      }
      List<Document> docs = new ArrayList<>();
      List<IngestReport.Failure> childFailures = new ArrayList<>();
      Document top = document(hash, x, item.record(), item.name(), Optional.empty());
      docs.add(top);
      children(top, x, item.record(), docs, childFailures);
      return new Done(item, true, size, docs, 0, childFailures,
          Ledger.line(item.key(), size, modified, hash.hex(), Ledger.INGESTED, "", "", docs.size(), now()));
    } finally {
      deleteQuietly(copy);
    }
  }

  /**
   * Whether the document an earlier ingest of these bytes made is still in the target (an erasure may have removed
   * it). A record file's entities are not checked: its rows may have been erased one by one.
   */
  private boolean stillHeld(String sha256, String name) {
    if (request.ftm() != null || request.mapping() != null && isRecordFile(name)) {
      return true;
    }
    return target.holds(Document.idFor(dataset.name(), dataset.label(), ContentHash.parse(sha256)));
  }

  private boolean isRecordFile(String name) {
    return RecordFormat.detect(Path.of(name)).isPresent();
  }

  /** A structured file: its rows become entities through the mapping, written in chunks as they stream by. */
  private Done records(Item item, Path file, long size, long modified, ContentHash hash) {
    RecordReader reader = RecordReader.builder(request.mapping(), dataset).build();
    EntityChunks written = new EntityChunks();
    RecordSummary summary;
    try (InputStream in = Files.newInputStream(file)) {
      summary = reader.read(in, item.record(), hash, r -> {
        if (r.ok()) {
          written.add(r.all());
        }
      });
      written.flush();
    } catch (IOException | RecordFileException | org.insight.core.InvalidDataException e) {
      String message = e.getMessage();
      return new Done(item, false, size, List.of(), written.count,
          List.of(new IngestReport.Failure(item.record(), "invalid-data", message, hash.hex())),
          Ledger.line(item.key(), size, modified, hash.hex(), Ledger.QUARANTINED, "invalid-data", message, 0, now()));
    }
    List<IngestReport.Failure> problems = new ArrayList<>();
    for (RowProblem p : summary.problems()) {
      problems.add(new IngestReport.Failure(p.file() + ":" + p.line(), "invalid-data", p.reason(), hash.hex()));
    }
    if (summary.problemCount() > summary.problems().size()) {
      problems.add(new IngestReport.Failure(item.record(), "invalid-data", (summary.problemCount() - summary.problems().size())
          + " more bad rows not listed", hash.hex()));
    }
    return new Done(item, true, size, List.of(), written.count, problems,
        Ledger.line(item.key(), size, modified, hash.hex(), Ledger.INGESTED, "", "", 0, now()));
  }

  private static final int ENTITY_CHUNK = 1_000;

  /** Entities written to the target in chunks of {@link #ENTITY_CHUNK} as they stream by, and how many were. */
  private final class EntityChunks {
    private final List<org.insight.core.Entity> chunk = new ArrayList<>();
    long count;

    void add(java.util.Collection<org.insight.core.Entity> entities) {
      chunk.addAll(entities);
      if (chunk.size() >= ENTITY_CHUNK) {
        flush();
      }
    }

    void flush() {
      if (!chunk.isEmpty()) {
        target.writeEntities(List.copyOf(chunk));
        count += chunk.size();
        chunk.clear();
      }
    }
  }

  /** An FtM file: its entities are written in chunks as they stream by; each problem is an invalid-data failure. */
  private Done ftm(Item item, Path file, long size, long modified, ContentHash hash) {
    EntityChunks written = new EntityChunks();
    org.insight.core.ftm.FtmReader.Summary summary;
    try (InputStream in = Files.newInputStream(file)) {
      summary = request.ftm().read(in, item.record(), hash, r -> written.add(r.all()));
      written.flush();
    } catch (IOException | java.io.UncheckedIOException | org.insight.core.InvalidDataException e) {
      String message = e.getMessage();
      return new Done(item, false, size, List.of(), written.count,
          List.of(new IngestReport.Failure(item.record(), "invalid-data", message, hash.hex())),
          Ledger.line(item.key(), size, modified, hash.hex(), Ledger.QUARANTINED, "invalid-data", message, 0, now()));
    }
    List<IngestReport.Failure> problems = new ArrayList<>();
    for (org.insight.core.ftm.FtmProblem p : summary.problems()) {
      problems.add(new IngestReport.Failure(p.source() + ":" + p.line(), "invalid-data",
          (p.ftmId().isEmpty() ? "" : "id " + p.ftmId() + ": ") + p.message(), hash.hex()));
    }
    if (summary.problemCount() > summary.problems().size()) {
      problems.add(new IngestReport.Failure(item.record(), "invalid-data", (summary.problemCount()
          - summary.problems().size()) + " more problems not listed", hash.hex()));
    }
    return new Done(item, true, size, List.of(), written.count, problems,
        Ledger.line(item.key(), size, modified, hash.hex(), Ledger.INGESTED, "", "", 0, now()));
  }

  private void children(Document parent, ItemExtractor.Item x, String record, List<Document> docs,
      List<IngestReport.Failure> failures) {
    for (ItemExtractor.Child c : x.children()) {
      String chain = record + CHAIN + c.name();
      ContentHash h = c.hash();
      if (c.item().quarantine().isPresent()) {
        ItemExtractor.Quarantine q = c.item().quarantine().get();
        failures.add(new IngestReport.Failure(chain, q.reason(), q.message(), h.hex()));
        continue;
      }
      Document d = document(h, c.item(), chain, leaf(c.name()), Optional.of(parent.id()));
      docs.add(d);
      children(d, c.item(), chain, docs, failures);
    }
  }

  private Document document(ContentHash hash, ItemExtractor.Item x, String record, String name, Optional<String> parent) {
    Map<String, List<String>> meta = new TreeMap<>(x.metadata());
    meta.put("fileName", List.of(name));
    String noText = NoTextCheck.warning(x.text(), meta);
    if (noText != null) {
      meta.put(IngestReport.WARNING_METADATA, List.of("no-text: " + noText));
    }
    Provenance p = new Provenance(dataset.name(), record, Optional.of(hash), null, null, x.parser(), dataset.grading(),
        List.of());
    return new Document(null, hash, x.title().isBlank() ? name : x.title(), x.text(), x.language(), meta, parent,
        new Document.Extraction(x.parser(), x.ocrEngine(), x.ocrConfidence()), dataset.label(), p);
  }

  // ---- writer (the calling thread) ---------------------------------------------------------------------------

  /** A batch is committed once its documents' text reaches this many characters, so a batch's memory is bounded. */
  private static final long MAX_BATCH_CHARS = 32_000_000;

  private void write() {
    long batchChars = 0;
    List<Document> batch = new ArrayList<>();
    List<Done> pending = new ArrayList<>();
    List<ObjectNode> lines = new ArrayList<>();
    int workersDone = 0;
    try {
      while (workersDone < request.workers()) {
        Object r = results.poll(100, TimeUnit.MILLISECONDS);
        if (r == null) {
          if (!pending.isEmpty() || !lines.isEmpty()) {
            flush(batch, pending, lines); // the workers are slow: acknowledge what is ready
            batchChars = 0;
          }
          continue;
        }
        if (r == WORKER_DONE) {
          workersDone++;
        } else if (r instanceof Skipped s) {
          unchanged++;
          if (s.line() != null) {
            lines.add(s.line());
          }
          progress(s.item().record(), 0);
        } else if (r instanceof WalkFailure w) {
          // nothing to store or to remember: the next run walks it again
          failures.add(new IngestReport.Failure(w.path(), "unreadable", w.message(), ""));
          progress(w.path(), 0);
        } else if (r instanceof Fatal f) {
          throw new IngestException("ingest stopped at " + f.path() + ": " + f.cause().getMessage()
              + "; what was reported before is durable, run the same ingest again to continue", f.cause());
        } else if (r instanceof Done d) {
          for (Document doc : d.documents()) {
            List<String> w = doc.metadata().getOrDefault(IngestReport.WARNING_METADATA, List.of());
            if (!w.isEmpty() && w.get(0).startsWith("no-text: ")) {
              warnings.add(new IngestReport.Warning(doc.provenance().recordId(), "no-text",
                  w.get(0).substring("no-text: ".length())));
            }
          }
          pending.add(d);
          batch.addAll(d.documents());
          lines.add(d.line());
          for (Document doc : d.documents()) {
            batchChars += doc.text().length();
          }
          if (batch.size() >= request.batchSize() || batchChars >= MAX_BATCH_CHARS) {
            flush(batch, pending, lines);
            batchChars = 0;
          }
        }
      }
      flush(batch, pending, lines);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestException("ingest was interrupted; what was reported before is durable, run it again to continue");
    }
  }

  /** Commits the documents, then records their items in the ledger: a ledger line never runs ahead of the index. */
  private void flush(List<Document> batch, List<Done> pending, List<ObjectNode> lines) {
    if (pending.isEmpty() && lines.isEmpty()) {
      return;
    }
    target.write(List.copyOf(batch)); // evidence synced, documents committed
    ledger.append(lines);
    for (Done d : pending) {
      if (d.ok()) {
        ingested++;
        documents += d.documents().size();
      }
      entities += d.entities();
      failures.addAll(d.failures());
      bytes += d.size();
      progress(d.item().record(), 0);
    }
    batch.clear();
    pending.clear();
    lines.clear();
  }

  private void progress(String current, long ignored) {
    done++;
    request.progress().accept(new IngestProgress(done, found, walking, bytes, current));
    request.listener().progress("ingest", done, Math.max(done, found));
  }

  // ---- plumbing ----------------------------------------------------------------------------------------------

  private void put(BlockingQueue<Object> q, Object o) throws InterruptedException {
    while (!q.offer(o, 100, TimeUnit.MILLISECONDS)) {
      if (stopping) {
        throw new InterruptedException();
      }
    }
  }

  private void putQuietly(Object o) {
    putQuietly(o, results);
  }

  private void putQuietly(Object o, BlockingQueue<Object> q) {
    try {
      put(q, o);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Remembers a failure of the source itself, to tell an unreadable item from a failing evidence store. */
  private static final class SourceStream extends java.io.FilterInputStream {
    IOException failure;

    SourceStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }

  private static String safeName(String name) {
    String s = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    return s.isEmpty() || s.startsWith(".") ? "item" + s : s;
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
        if (p.getParent() != null && p.getParent().getFileName().toString().startsWith("stream-")) {
          Files.deleteIfExists(p.getParent());
        }
      } catch (IOException e) {
        // a leftover temporary file is harmless
      }
    }
  }

  private static String now() {
    return Instant.now().toString();
  }
}
