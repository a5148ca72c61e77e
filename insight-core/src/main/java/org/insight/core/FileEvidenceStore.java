package org.insight.core;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.insight.Hashing;
import org.insight.core.internal.VerifyingInputStream;

/**
 * An {@link EvidenceStore} in a directory: content {@code ab12…} lives at {@code ab/12/ab12…}.
 *
 * <p>A put streams into a temporary file under {@code tmp/} in the store directory while hashing, forces it
 * to disk, atomically renames it to its address and forces the directory, so a returned hash survives a crash
 * and a crash never leaves a half-written file at an address. Content already present is not written again.
 * Thread-safe, and safe for several processes sharing the directory: temporary names are unique and the final
 * rename is atomic (identical content makes a concurrent rename harmless).
 */
public final class FileEvidenceStore implements EvidenceStore {
  private static final int BUFFER = 64 * 1024;
  // a temporary file this old belongs to a put that crashed, not one in progress
  private static final Duration STALE = Duration.ofDays(1);
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private final Path root;
  private final Path tmp;

  private FileEvidenceStore(Path root) {
    this.root = root;
    this.tmp = root.resolve("tmp");
  }

  /**
   * Opens (creating if needed) a store in a directory, removing temporary files left by crashed puts.
   *
   * @param dir the store directory
   * @return the store
   * @throws StoreException if the directory cannot be created or used
   */
  public static FileEvidenceStore open(Path dir) {
    Objects.requireNonNull(dir, "dir");
    FileEvidenceStore store = new FileEvidenceStore(dir.toAbsolutePath().normalize());
    try {
      Files.createDirectories(store.tmp);
      Instant cutoff = Instant.now().minus(STALE);
      try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(store.tmp, "*.part")) {
        for (Path p : leftovers) {
          if (Files.getLastModifiedTime(p).compareTo(FileTime.from(cutoff)) < 0) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot open the evidence store at " + store.root + ": " + e
          + "; check that the path is a writable directory", e);
    }
    return store;
  }

  /**
   * The store's directory.
   *
   * @return the absolute directory
   */
  public Path directory() {
    return root;
  }

  @Override
  public ContentHash put(InputStream in) {
    return put(in, true);
  }

  /**
   * Stores bytes like {@link #put(InputStream)} but does not sync them: they are durable only after a later
   * {@link #sync(Collection)} of their hash. For batch writers (ingest) that acknowledge a whole batch at once:
   * one sync pass per batch costs far less than a sync per item.
   *
   * @param in the content, read to its end, not closed
   * @return the content's hash
   * @throws StoreException if the bytes could not be read or stored
   */
  public ContentHash putUnsynced(InputStream in) {
    return put(in, false);
  }

  /**
   * Makes content stored with {@link #putUnsynced} durable: syncs each file and the directories that name it.
   *
   * @param hashes the content to sync; hashes not in the store are ignored
   * @throws StoreException if a sync fails (then nothing of the batch may be acknowledged)
   */
  public void sync(java.util.Collection<ContentHash> hashes) {
    java.util.Set<Path> files = new java.util.LinkedHashSet<>();
    java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
    for (ContentHash h : hashes) {
      Path p = path(h);
      files.add(p);
      dirs.add(p.getParent());
      dirs.add(p.getParent().getParent());
    }
    dirs.add(root);
    // concurrent syncs let the file system commit them together (one journal commit for many files)
    forceAll(files);
    forceAll(dirs);
  }

  private void forceAll(java.util.Set<Path> paths) {
    if (paths.isEmpty()) {
      return;
    }
    java.util.List<java.util.concurrent.CompletableFuture<Void>> all = new java.util.ArrayList<>();
    for (Path p : paths) {
      all.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
        try {
          if (Files.isDirectory(p)) {
            fsync(p);
          } else {
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
              ch.force(true);
            }
          }
        } catch (NoSuchFileException e) {
          // not stored here: nothing to sync
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, SYNCERS));
    }
    try {
      java.util.concurrent.CompletableFuture.allOf(all.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new StoreException("cannot sync evidence in " + root + ": " + e.getCause()
          + "; check the disk, then retry (nothing of this batch was acknowledged)", e.getCause());
    }
  }

  /** Threads that only wait on fsync; shared by every store in the process. */
  private static final java.util.concurrent.ExecutorService SYNCERS = java.util.concurrent.Executors.newFixedThreadPool(16, r -> {
    Thread t = new Thread(r, "insight-evidence-sync");
    t.setDaemon(true);
    return t;
  });

  private ContentHash put(InputStream in, boolean sync) {
    Objects.requireNonNull(in, "in");
    Path part = null;
    try {
      part = Files.createTempFile(tmp, "put-", ".part");
      MessageDigest digest = Hashing.sha256();
      long size = 0;
      try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
        byte[] buf = new byte[BUFFER];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        int n;
        while ((n = in.read(buf)) != -1) {
          digest.update(buf, 0, n);
          bb.clear().limit(n);
          while (bb.hasRemaining()) {
            ch.write(bb);
          }
          size += n;
        }
        if (sync) {
          ch.force(true);
        }
      }
      ContentHash hash = VerifyingInputStream.hash(digest);
      commit(part, hash, size, sync);
      return hash;
    } catch (IOException e) {
      throw new StoreException("cannot store evidence in " + root + ": " + e
          + "; check disk space and permissions, then retry (nothing was stored)", e);
    } finally {
      if (part != null) {
        try {
          Files.deleteIfExists(part);
        } catch (IOException e) {
          // best effort: open() removes stale temporary files later
        }
      }
    }
  }

  @Override
  public ContentHash put(byte[] bytes) {
    ContentHash hash = ContentHash.of(bytes);
    if (present(path(hash), bytes.length)) {
      return hash;
    }
    return put(new ByteArrayInputStream(bytes));
  }

  private boolean present(Path target, long size) {
    try {
      // a size mismatch means a damaged copy: fall through and replace it with the good bytes
      return Files.exists(target) && Files.size(target) == size;
    } catch (IOException e) {
      return false;
    }
  }

  private void commit(Path part, ContentHash hash, long size, boolean sync) throws IOException {
    Path target = path(hash);
    if (present(target, size)) {
      return;
    }
    Path sub = target.getParent();
    Path top = sub.getParent();
    if (createDirectory(top) && sync) {
      fsync(root);
    }
    if (createDirectory(sub) && sync) {
      fsync(top);
    }
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // a concurrent put of the same bytes won the rename; the content is the same
      if (!present(target, size)) {
        throw e;
      }
    }
    if (sync) {
      fsync(sub);
    }
  }

  private static boolean createDirectory(Path dir) throws IOException {
    try {
      Files.createDirectory(dir);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  // forcing a directory makes the rename itself durable; Windows cannot open directories, and NTFS journals it
  private static void fsync(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (!WINDOWS) {
        throw e;
      }
    }
  }

  @Override
  public boolean contains(ContentHash hash) {
    return Files.isRegularFile(path(hash));
  }

  @Override
  public InputStream open(ContentHash hash) {
    Path p = path(hash);
    try {
      return new VerifyingInputStream(new BufferedInputStream(Files.newInputStream(p), BUFFER), hash);
    } catch (NoSuchFileException e) {
      throw missing(hash);
    } catch (IOException e) {
      throw new StoreException("cannot read evidence " + hash.hex() + " from " + root + ": " + e, e);
    }
  }

  @Override
  public byte[] read(ContentHash hash) {
    long size = size(hash);
    if (size > Integer.MAX_VALUE - 8) {
      throw new StoreException("evidence " + hash.hex() + " is " + size + " bytes, too large for an array;"
          + " stream it with open(hash) instead");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path(hash));
    } catch (NoSuchFileException e) {
      throw missing(hash);
    } catch (IOException e) {
      throw new StoreException("cannot read evidence " + hash.hex() + " from " + root + ": " + e, e);
    }
    ContentHash actual = ContentHash.of(bytes);
    if (!actual.equals(hash)) {
      throw new EvidenceCorruptedException(hash, actual);
    }
    return bytes;
  }

  @Override
  public long size(ContentHash hash) {
    try {
      return Files.size(path(hash));
    } catch (NoSuchFileException e) {
      throw missing(hash);
    } catch (IOException e) {
      throw new StoreException("cannot read evidence " + hash.hex() + " from " + root + ": " + e, e);
    }
  }

  /**
   * Removes stored content for good (erasure: nothing references it any more), durably: the directory entry's removal
   * is synced before this returns. Blobs are shared by hash, so the caller must have checked that no remaining
   * document or statement points to it. Returns whether there was content to remove.
   */
  public boolean delete(ContentHash hash) {
    Path p = path(hash);
    try {
      boolean removed = Files.deleteIfExists(p);
      if (removed) {
        fsync(p.getParent());
      }
      return removed;
    } catch (IOException e) {
      throw new StoreException("cannot erase evidence " + hash.hex() + " from " + root + ": " + e, e);
    }
  }

  private Path path(ContentHash hash) {
    String hex = Objects.requireNonNull(hash, "hash").hex();
    return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
  }

  private StoreException missing(ContentHash hash) {
    return new StoreException("no evidence " + hash.hex() + " in the store at " + root + "; check the hash"
        + " (as recorded in the provenance) and that this is the workspace the evidence was ingested into");
  }

  @Override
  public String toString() {
    return "FileEvidenceStore[" + root + "]";
  }
}
