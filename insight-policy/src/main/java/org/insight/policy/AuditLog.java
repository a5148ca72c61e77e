package org.insight.policy;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.insight.policy.internal.AuditFileScan;
import org.insight.policy.internal.AuditJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained audit log: one JSON line per access, each carrying the hash of the line
 * before it, so that {@link #verify()} finds any entry that was altered, removed, inserted or reordered,
 * and {@link #verify(AuditCheckpoint)} also finds a truncation or a rollback.
 *
 * <p>{@link #append(AuditEvent)} returns only once the entry is on disk (the file is synced); when it
 * cannot be written it throws {@link AuditException} and the caller must refuse the access. Appends are
 * thread-safe; concurrent appenders share one sync (group commit). Several processes (a writer and read-only
 * readers of one workspace) may append to one log: each append takes a lock on {@code <log>.lock} and first
 * catches up with entries the others wrote, so the chain stays one chain. {@link #verify(Path)} reads a log
 * without opening it.
 *
 * <p>Opened with an {@link AuditKey} ({@link #open(Path, AuditKey)}), every new entry is keyed: its hash is an
 * HMAC-SHA256 under the key, so whoever can write the file but lacks the key cannot add, alter or re-chain an
 * entry that {@link #verify(Path, AuditKey, AuditCheckpoint)} accepts. A keyed log refuses to open without its
 * key (an unkeyed append would be indistinguishable from a forgery); an unkeyed log, once opened with a key,
 * continues keyed, its unkeyed entries fixed by the first keyed one. See docs/audit-threat-model.md.
 *
 * <pre>{@code
 * try (AuditLog log = AuditLog.open(Path.of("/cases/op-heron/audit.log"))) {
 *   log.append(new AuditEvent(Instant.now(), "alice", "investigation", "search", "blue van",
 *       List.of("doc-17"), "ok"));
 *   AuditCheckpoint cp = log.checkpoint();   // export cp.toString() somewhere safe
 * }
 * AuditVerification v = AuditLog.verify(path, AuditCheckpoint.parse(savedText));
 * }</pre>
 */
public final class AuditLog implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  private final Path file;
  private final AuditKey key;
  private final RandomAccessFile out;
  private final Path lockFile;
  /** Orders the appenders of one file within this JVM: file locks are per process, not per thread. */
  private final ReentrantLock processLock;
  private static final java.util.concurrent.ConcurrentMap<Path, ReentrantLock> PROCESS_LOCKS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Orders appends: sequence numbers, chain and file offset. */
  private final ReentrantLock writeLock = new ReentrantLock();
  /** Guards syncing; whoever holds it syncs for every appender waiting behind it. */
  private final Object syncMonitor = new Object();
  /**
   * The channel appends are made durable through ({@code fdatasync}: the data and the length, not the times), apart
   * from {@link #out} so that an interrupt closing it mid-sync loses nothing but the channel; guarded by
   * {@link #syncMonitor}.
   */
  private FileChannel syncChannel;

  // guarded by writeLock
  private long headSequence;
  private String headHash;
  private long writtenEnd;
  private volatile boolean closed;
  /** The key id of the head entry, null when it is unkeyed. */
  private String headKeyId;

  private volatile long writtenSequence;
  // guarded by syncMonitor
  private long syncedSequence;
  private long syncs;
  /** The first write or sync failure; once set, every append is refused. */
  private volatile IOException failure;

  private AuditLog(Path file, AuditKey key, RandomAccessFile out, AuditRecord head, long end) {
    this.file = file;
    this.key = key;
    this.out = out;
    this.lockFile = lockFileOf(file);
    this.processLock = processLockOf(file);
    this.headSequence = head == null ? 0 : head.sequence();
    this.headHash = head == null ? AuditJson.ZERO_HASH : head.hash();
    setHeadKey(head);
    this.writtenEnd = end;
    this.writtenSequence = headSequence;
    this.syncedSequence = headSequence;
  }

  /**
   * Opens the log at {@code file} for append, creating the file and its directories when missing.
   *
   * <p>The whole file is read to find the last entry. A last line without a line end is what a crash in
   * the middle of an append leaves; as that append never returned, its bytes are cut off, a warning is
   * logged and an {@code "audit.repair"} entry records the cut. Any other damage is not repaired: the log
   * opens (so accesses go on being audited), appends continue after the last readable entry, a warning is
   * logged, and {@link #verify()} reports the damage.
   *
   * @param file the log file
   * @return the open log
   * @throws AuditException when the file cannot be created, read or locked
   */
  public static AuditLog open(Path file) {
    return open(file, null);
  }

  /**
   * Opens the log at {@code file} for append as {@link #open(Path)} does, keying every new entry with {@code key}.
   *
   * @param file the log file
   * @param key the chain's key, or null for an unkeyed log
   * @return the open log
   * @throws AuditException when the file cannot be opened, or its entries are keyed and {@code key} is null or
   *     another key
   */
  public static AuditLog open(Path file, AuditKey key) {
    Objects.requireNonNull(file, "file");
    Path path = file.toAbsolutePath();
    Path parent = path.getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new AuditException(
          "cannot create the directory " + parent + " for the audit log: " + e
              + "; check the path and its permissions", e);
    }
    boolean existed = Files.exists(path);
    RandomAccessFile out;
    try {
      out = new RandomAccessFile(path.toFile(), "rw");
    } catch (FileNotFoundException e) {
      throw new AuditException(
          "cannot open the audit log " + path + " for writing: " + e.getMessage()
              + "; check that it is a regular file and that its permissions allow writing", e);
    }
    ReentrantLock inProcess = processLockOf(path);
    AuditLog opened;
    String repair = null;
    inProcess.lock();
    try (FileChannel lockChannel = FileChannel.open(lockFileOf(path), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock lock = lockChannel.lock()) {
      if (!existed && parent != null) {
        syncDirectory(parent);
      }
      AuditFileScan scan;
      try (InputStream in = Files.newInputStream(path)) {
        scan = AuditFileScan.scan(in, Long.MAX_VALUE, null, true);
      }
      if (scan.tornBytes() > 0) {
        out.setLength(scan.completeEnd());
        out.getFD().sync();
      }
      refuseKeyMismatch(path, scan.lastRecord(), key);
      AuditLog log = new AuditLog(path, key, out, scan.lastRecord(), scan.completeEnd());
      if (!scan.verification().valid()) {
        LOG.warn(
            "audit log {} is damaged: {}. It stays open so that accesses are still audited; new"
                + " entries follow entry {}. Investigate before trusting it.",
            path, scan.verification().message(), log.headSequence);
      }
      if (scan.tornBytes() > 0) {
        repair =
            "cut " + scan.tornBytes() + " bytes of an interrupted append at line " + scan.lines()
                + ", after entry " + log.headSequence;
        LOG.warn("audit log {}: {}", path, repair);
      }
      opened = log;
    } catch (IOException | RuntimeException e) {
      try {
        out.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof AuditException ae) {
        throw ae;
      }
      throw new AuditException(
          "cannot open the audit log " + path + ": " + e
              + "; check the file's permissions and the free disk space", e);
    } finally {
      inProcess.unlock();
    }
    if (repair != null) {
      // recorded once the file lock is released: the append takes it again
      opened.append(new AuditEvent(Instant.now(), "insight", "audit-integrity", "audit.repair", repair, List.of(), "ok"));
    }
    return opened;
  }

  private static void refuseKeyMismatch(Path path, AuditRecord last, AuditKey key) {
    if (last == null || !last.keyed()) {
      return;
    }
    if (key == null) {
      throw new AuditException("the audit log " + path + " is keyed (key " + last.keyId() + "), so it cannot be"
          + " opened without its key: an unkeyed entry would read as a forgery; give the key file with --audit-key"
          + " FILE (or $INSIGHT_AUDIT_KEY, or Workspace.Builder.auditKey)");
    }
    if (!key.id().equals(last.keyId())) {
      throw new AuditException("the audit log " + path + " is keyed with key " + last.keyId() + " but the given key"
          + " is " + key.id() + "; give the key the log was written with");
    }
  }

  private static Path lockFileOf(Path log) {
    return log.resolveSibling(log.getFileName() + ".lock");
  }

  private static ReentrantLock processLockOf(Path log) {
    return PROCESS_LOCKS.computeIfAbsent(log.toAbsolutePath().normalize(), k -> new ReentrantLock());
  }

  /**
   * Moves the head to the last entry another appender (another process, or another instance here) wrote after
   * ours. Called holding the file lock, so what is there is complete, unless a crashed appender left a torn
   * line: that is cut, as on open.
   */
  private void catchUp(long length) throws IOException {
    long added = length - writtenEnd;
    if (added > 0 && added <= AuditFileScan.MAX_LINE_BYTES) {
      byte[] region = new byte[(int) added];
      out.seek(writtenEnd);
      out.readFully(region);
      int lastEnd = lastIndexOf(region, region.length - 1);
      if (lastEnd >= 0) {
        int start = lastIndexOf(region, lastEnd - 1) + 1;
        try {
          AuditRecord last = AuditJson.parse(new String(region, start, lastEnd - start, StandardCharsets.UTF_8));
          cutTornTail(writtenEnd + lastEnd + 1, length);
          headSequence = last.sequence();
          headHash = last.hash();
          setHeadKey(last);
          writtenEnd += lastEnd + 1;
          writtenSequence = Math.max(writtenSequence, headSequence);
          return;
        } catch (AuditJson.MalformedLineException e) {
          // not a clean continuation: fall back to reading the whole log, as open does
        }
      } else {
        cutTornTail(writtenEnd, length); // only a torn line follows our head
        return;
      }
    }
    AuditFileScan scan;
    try (InputStream in = Files.newInputStream(file)) {
      scan = AuditFileScan.scan(in, Long.MAX_VALUE, null, true);
    }
    cutTornTail(scan.completeEnd(), length);
    AuditRecord last = scan.lastRecord();
    headSequence = last == null ? 0 : last.sequence();
    headHash = last == null ? AuditJson.ZERO_HASH : last.hash();
    setHeadKey(last);
    writtenEnd = scan.completeEnd();
    writtenSequence = Math.max(writtenSequence, headSequence);
  }

  private void setHeadKey(AuditRecord head) {
    headKeyId = head == null ? null : head.keyId();
  }

  /** Cuts the bytes a crashed appender left after the last complete line (its append never returned). */
  private void cutTornTail(long completeEnd, long length) throws IOException {
    if (length > completeEnd) {
      out.setLength(completeEnd);
      out.getFD().sync();
      LOG.warn("audit log {}: cut {} bytes of an interrupted append by another appender", file, length - completeEnd);
    }
  }

  private static int lastIndexOf(byte[] bytes, int from) {
    for (int i = from; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Makes a newly created file's directory entry durable, where the platform allows it. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      LOG.debug("cannot sync directory {} (not supported on this platform?): {}", dir, e.toString());
    }
  }

  /**
   * The log's file.
   *
   * @return the absolute path of the file
   */
  public Path file() {
    return file;
  }

  /**
   * Appends an entry and returns once it is on disk.
   *
   * @param event the access to record
   * @return the record as written, with its sequence number and hash
   * @throws AuditException when the entry could not be written or synced, or the log is closed; the
   *     caller must then refuse the access
   */
  public AuditRecord append(AuditEvent event) {
    AuditRecord record = write(event);
    syncThrough(record.sequence());
    return record;
  }

  private AuditRecord write(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    writeLock.lock();
    try {
      if (closed) {
        throw new AuditException(
            "the audit entry could not be written, so the access was refused: the audit log "
                + file + " is closed; open it again with AuditLog.open");
      }
      refuseIfFailed();
      return appendLocked(event);
    } finally {
      writeLock.unlock();
    }
  }

  /** Appends holding this JVM's lock for the file and the cross-process file lock. */
  private AuditRecord appendLocked(AuditEvent event) {
    processLock.lock();
    // an interrupt would close the lock channel mid-lock; the audit entry of a cancelled read still belongs in
    // the log, so the flag is set aside while appending and restored after
    boolean interrupted = Thread.interrupted();
    // the lock file is opened per append (not kept open): a lock file deleted or replaced while this log is open must
    // not leave this process locking an inode the other appenders no longer use
    try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock ignored = lockChannel.lock()) {
      long length = out.length();
      if (length != writtenEnd) {
        catchUp(length);
        if (headKeyId != null && (key == null || !key.id().equals(headKeyId))) {
          // another appender keyed the log (or used another key) since this one opened: an entry from here would
          // read as a forgery, so the access is refused
          throw new AuditException("the audit entry could not be written, so the access was refused: another"
              + " appender keyed the audit log " + file + " with key " + headKeyId + " after this one opened it "
              + (key == null ? "without a key" : "with key " + key.id()) + "; open it again with the log's key");
        }
      }
      return writeLocked(event);
    } catch (IOException e) {
      failure = e;
      throw writeFailed(e);
    } finally {
      processLock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private AuditRecord writeLocked(AuditEvent event) {
    AuditRecord record = AuditJson.chain(headSequence + 1, event, headHash, key);
    byte[] bytes = (AuditJson.line(record) + "\n").getBytes(StandardCharsets.UTF_8);
    if (bytes.length > AuditFileScan.MAX_LINE_BYTES) {
      throw new AuditException(
          "the audit entry could not be written, so the access was refused: it is "
              + bytes.length + " bytes, more than the " + (AuditFileScan.MAX_LINE_BYTES >> 20)
              + " MiB an entry may hold; record fewer items or a shorter query per entry");
    }
    try {
      out.seek(writtenEnd);
      out.write(bytes);
    } catch (IOException e) {
      failure = e;
      try {
        out.setLength(writtenEnd); // do not leave half a line for the next append to follow
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw writeFailed(e);
    }
    writtenEnd += bytes.length;
    headSequence = record.sequence();
    headHash = record.hash();
    setHeadKey(record);
    writtenSequence = headSequence;
    return record;
  }

  private void refuseIfFailed() {
    IOException f = failure;
    if (f != null) {
      throw new AuditException(
          "the audit entry could not be written, so the access was refused: an earlier write to the"
              + " audit log " + file + " failed (" + f + "); check free disk space, the file's"
              + " permissions and the storage device, then open the log again", f);
    }
  }

  private AuditException writeFailed(IOException e) {
    return new AuditException(
        "the audit entry could not be written to " + file + ", so the access was refused: " + e
            + "; check free disk space, the file's permissions and the storage device, then open"
            + " the log again", e);
  }

  /** Syncs the file unless another appender's sync already covered {@code sequence}. */
  private void syncThrough(long sequence) {
    synchronized (syncMonitor) {
      if (syncedSequence >= sequence) {
        return;
      }
      refuseIfFailed();
      long target = writtenSequence; // every entry up to here is fully written
      try {
        forceData();
      } catch (IOException e) {
        failure = e;
        throw writeFailed(e);
      }
      syncedSequence = target;
      syncs++;
    }
  }

  /** The sequence number up to which every entry is known durable (for tests). */
  long syncedSequence() {
    synchronized (syncMonitor) {
      return syncedSequence;
    }
  }

  /** How many syncs this log made: fewer than its appends when concurrent appenders shared them (for tests). */
  long syncs() {
    synchronized (syncMonitor) {
      return syncs;
    }
  }

  /**
   * Makes every byte written so far durable with {@code fdatasync}: the data and the file's length (what reading
   * it back needs), not its times, which saves a journal write per sync on most file systems. An interrupt closes
   * the channel mid-sync without losing anything but the channel, so it is set aside, the channel opened again and
   * the sync repeated; the flag is restored after. Called holding {@link #syncMonitor}.
   */
  private void forceData() throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      for (int attempt = 0; ; attempt++) {
        if (syncChannel == null) {
          syncChannel = FileChannel.open(file, StandardOpenOption.WRITE);
        }
        try {
          syncChannel.force(false);
          return;
        } catch (ClosedByInterruptException e) {
          interrupted |= Thread.interrupted();
          syncChannel = null;
          if (attempt >= 3) {
            throw e;
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Checks the whole file: every line readable, sequence numbers 1, 2, 3... and each entry chained to
   * the one before by its hash.
   *
   * @return the result, naming the first bad entry when there is one
   * @throws AuditException when the file cannot be read
   */
  public AuditVerification verify() {
    return scan(file, writtenEndSnapshot(), null, key);
  }

  /**
   * Checks the whole file as {@link #verify()} does, and also that it still holds the checkpoint's
   * entry with the checkpoint's hash (so truncation and rollback are caught).
   *
   * @param checkpoint a checkpoint taken earlier with {@link #checkpoint()}
   * @return the result
   * @throws AuditException when the file cannot be read
   */
  public AuditVerification verify(AuditCheckpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    return scan(file, writtenEndSnapshot(), checkpoint, key);
  }

  /**
   * Checks a log file without opening it for append (it may be open elsewhere; a last line still being
   * written shows as unparsable).
   *
   * @param file the log file
   * @return the result
   * @throws AuditException when the file does not exist or cannot be read
   */
  public static AuditVerification verify(Path file) {
    Objects.requireNonNull(file, "file");
    return scan(file, Long.MAX_VALUE, null, null);
  }

  /**
   * Checks a log file against a checkpoint without opening it for append.
   *
   * @param file the log file
   * @param checkpoint a checkpoint taken earlier
   * @return the result
   * @throws AuditException when the file does not exist or cannot be read
   */
  public static AuditVerification verify(Path file, AuditCheckpoint checkpoint) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(checkpoint, "checkpoint");
    return scan(file, Long.MAX_VALUE, checkpoint, null);
  }

  /**
   * Checks a log file without opening it for append: with {@code key}, every keyed entry's MAC (a forged, altered
   * or re-chained entry fails; so does an unkeyed entry after a keyed one, and a log with no keyed entry); with
   * {@code checkpoint}, that the log still holds the checkpoint's history, and a missing file is reported as
   * {@link AuditVerification.Problem#DELETED} rather than thrown. The checkpoint's signature is not checked here:
   * see {@link AuditCheckpoint#signatureValid}.
   *
   * @param file the log file
   * @param key the chain's key, or null to check the chain's order only
   * @param checkpoint a checkpoint taken earlier, or null
   * @return the result
   * @throws AuditException when the file cannot be read, or is missing and no checkpoint saw entries in it
   */
  public static AuditVerification verify(Path file, AuditKey key, AuditCheckpoint checkpoint) {
    Objects.requireNonNull(file, "file");
    if (checkpoint != null && checkpoint.entries() > 0 && !Files.exists(file)) {
      return AuditVerification.failed(0, 1, 0, AuditVerification.Problem.DELETED,
          "there is no audit log at " + file + " but the checkpoint saw " + checkpoint.entries()
              + " entries in it: the log was deleted or moved");
    }
    return scan(file, Long.MAX_VALUE, checkpoint, key);
  }

  private static AuditVerification scan(Path file, long limit, AuditCheckpoint checkpoint, AuditKey key) {
    try (InputStream in = Files.newInputStream(file)) {
      return AuditFileScan.scan(in, limit, checkpoint, key, false).verification();
    } catch (NoSuchFileException e) {
      throw new AuditException("there is no audit log at " + file + "; check the path", e);
    } catch (IOException e) {
      throw new AuditException(
          "cannot read the audit log " + file + ": " + e + "; check the path and its permissions", e);
    }
  }

  private long writtenEndSnapshot() {
    writeLock.lock();
    try {
      return writtenEnd;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * The current number of entries and the hash of the last one, once they are on disk. Export its
   * {@link AuditCheckpoint#toString()} somewhere the log's writer cannot change, to check later.
   *
   * @return the checkpoint
   * @throws AuditException when the entries could not be synced
   */
  public AuditCheckpoint checkpoint() {
    long sequence;
    String hash;
    writeLock.lock();
    try {
      sequence = headSequence;
      hash = headHash;
    } finally {
      writeLock.unlock();
    }
    syncThrough(sequence);
    return new AuditCheckpoint(sequence, hash);
  }

  /**
   * Whether new entries are keyed.
   *
   * @return true when opened with a key
   */
  public boolean keyed() {
    return key != null;
  }

  /**
   * The number of entries: the sequence number of the last one (equal to the count in an intact log).
   *
   * @return the number of entries
   */
  public long size() {
    writeLock.lock();
    try {
      return headSequence;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * The last {@code n} entries, oldest first, read from the end of the file; lines that are not readable
   * entries are skipped ({@link #verify()} reports them).
   *
   * @param n how many entries, 0 or more
   * @return at most {@code n} records
   * @throws AuditException when {@code n} is negative or the file cannot be read
   */
  public List<AuditRecord> tail(int n) {
    if (n < 0) {
      throw new AuditException("tail needs a count of 0 or more, not " + n);
    }
    long end = writtenEndSnapshot();
    if (n == 0 || end == 0) {
      return List.of();
    }
    Deque<byte[]> chunks = new ArrayDeque<>();
    int newlines = 0;
    long pos = end;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (pos > 0 && newlines <= n) {
        int size = (int) Math.min(1 << 16, pos);
        pos -= size;
        ByteBuffer buf = ByteBuffer.allocate(size);
        while (buf.hasRemaining()) {
          if (ch.read(buf, pos + buf.position()) < 0) {
            throw new IOException("the file is shorter than expected");
          }
        }
        byte[] bytes = buf.array();
        for (byte b : bytes) {
          if (b == '\n') {
            newlines++;
          }
        }
        chunks.addFirst(bytes);
      }
    } catch (IOException e) {
      throw new AuditException(
          "cannot read the audit log " + file + ": " + e + "; check the path and its permissions", e);
    }
    int total = 0;
    for (byte[] c : chunks) {
      total += c.length;
    }
    byte[] all = new byte[total];
    int at = 0;
    for (byte[] c : chunks) {
      System.arraycopy(c, 0, all, at, c.length);
      at += c.length;
    }
    // the region ends with a line end; split it into lines and keep the last n
    List<String> lines = new ArrayList<>();
    int stop = all.length - 1;
    for (int i = all.length - 2; i >= -1 && lines.size() < n; i--) {
      if (i == -1 || all[i] == '\n') {
        if (i == -1 && pos > 0) {
          break; // the first line in the region may be cut: it is not needed
        }
        lines.add(new String(all, i + 1, stop - (i + 1), StandardCharsets.UTF_8));
        stop = i;
      }
    }
    Collections.reverse(lines);
    List<AuditRecord> records = new ArrayList<>(lines.size());
    for (String line : lines) {
      try {
        records.add(AuditJson.parse(line));
      } catch (AuditJson.MalformedLineException e) {
        // skipped: verify() reports it
      }
    }
    return Collections.unmodifiableList(records);
  }

  /**
   * Hands every readable entry to {@code action}, oldest first, up to the end of what was written when called; lines
   * that are not readable entries are skipped ({@link #verify()} reports them). Reads the file as a stream: memory
   * does not grow with the log.
   *
   * @throws AuditException when the file cannot be read
   */
  public void forEach(java.util.function.Consumer<AuditRecord> action) {
    Objects.requireNonNull(action, "action");
    long end = writtenEndSnapshot();
    try (java.io.InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file));
         java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
             new BoundedInput(in, end), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        try {
          action.accept(AuditJson.parse(line));
        } catch (AuditJson.MalformedLineException e) {
          // skipped: verify() reports it
        }
      }
    } catch (IOException e) {
      throw new AuditException("cannot read the audit log " + file + ": " + e + "; check the path and its permissions", e);
    }
  }

  /** At most {@code limit} bytes of a stream: an entry being appended past the snapshot is not read half. */
  private static final class BoundedInput extends java.io.FilterInputStream {
    private long left;

    BoundedInput(java.io.InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  /**
   * Syncs what was written and releases the file. Later appends throw {@link AuditException}. Calling it
   * again does nothing.
   *
   * @throws AuditException when the last entries could not be synced
   */
  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      writeLock.unlock();
    }
    AuditException syncFailure = null;
    synchronized (syncMonitor) {
      if (failure == null && syncedSequence < writtenSequence) {
        try {
          syncThrough(writtenSequence);
        } catch (AuditException e) {
          syncFailure = e;
        }
      }
      try {
        out.close();
        if (syncChannel != null) {
          syncChannel.close();
        }
      } catch (IOException e) {
        if (syncFailure == null) {
          syncFailure =
              new AuditException("closing the audit log " + file + " failed: " + e, e);
        }
      }
    }
    if (syncFailure != null) {
      throw syncFailure;
    }
  }

  @Override
  public String toString() {
    return "AuditLog[" + file + "]";
  }
}
