package org.insight.spark.internal.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The reliable checkpoint of an extraction job: the rows each chunk of files produced, one file per chunk on any
 * Hadoop file system, named by a digest of the chunk's files (paths and record ids, in order). A task asks for a
 * chunk before extracting it and, when it is there, emits its rows instead; otherwise it extracts and writes them
 * (a temporary name renamed: a chunk file is whole or absent). So a task Spark re-runs after losing an executor, and
 * a rerun of a job whose driver died, extract only the chunks not yet done, and give the same rows. The directory is
 * the job's own: one per job fingerprint (dataset, label, OCR, records, enrichment on or off), removed once the job's
 * output is committed.
 */
public final class ChunkCheckpoints implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAGIC = 0x494e5331; // "INS1": format version 1
  private final String root;
  private final Map<String, String> conf;
  private transient FileSystem fs;

  /**
   * @param root this job's checkpoint directory
   * @param conf the Hadoop configuration to reach it with
   */
  public ChunkCheckpoints(String root, Map<String, String> conf) {
    this.root = root;
    this.conf = Map.copyOf(conf);
  }

  /** This job's checkpoint directory. */
  public String root() {
    return root;
  }

  private synchronized FileSystem fs() throws IOException {
    if (fs == null) {
      fs = FileSystem.get(URI.create(root), EvidenceFiles.configuration(conf));
    }
    return fs;
  }

  /** The chunk's name: a digest of its files' paths and record ids, in order. */
  static String key(List<Row> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Row f : files) {
        sha.update(((String) f.getAs("path")).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(((String) f.getAs("record")).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private Path path(String key) {
    return new Path(new Path(root, key.substring(0, 2)), key + ".rows.gz");
  }

  /** The rows a chunk produced, if it was done; a damaged chunk file reads as absent (the chunk is redone). */
  Optional<List<Row>> read(String key) throws IOException {
    Path p = path(key);
    FileSystem f = fs();
    if (!f.exists(p)) {
      return Optional.empty();
    }
    try (FSDataInputStream raw = f.open(p); DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
      if (in.readInt() != MAGIC) {
        return Optional.empty();
      }
      int rows = in.readInt();
      int columns = in.readInt();
      List<Row> out = new ArrayList<>(rows);
      for (int r = 0; r < rows; r++) {
        Object[] values = new Object[columns];
        for (int c = 0; c < columns; c++) {
          byte[] b = new byte[in.readInt()];
          in.readFully(b);
          values[c] = new String(b, StandardCharsets.UTF_8);
        }
        out.add(RowFactory.create(values));
      }
      return Optional.of(out);
    } catch (EOFException | java.util.zip.ZipException e) {
      return Optional.empty(); // cannot happen with the rename below, unless the storage damaged it: redo the chunk
    }
  }

  /** Writes a chunk's rows, whole or not at all. */
  void write(String key, List<Row> rows) throws IOException {
    Path target = path(key);
    FileSystem f = fs();
    f.mkdirs(target.getParent());
    Path tmp = new Path(target.getParent(), "." + key + "." + UUID.randomUUID() + ".tmp");
    try (FSDataOutputStream raw = f.create(tmp, false);
        DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
      out.writeInt(MAGIC);
      out.writeInt(rows.size());
      out.writeInt(ItemRows.SCHEMA.size());
      for (Row r : rows) {
        for (int c = 0; c < ItemRows.SCHEMA.size(); c++) {
          byte[] b = ((String) r.get(c)).getBytes(StandardCharsets.UTF_8);
          out.writeInt(b.length);
          out.write(b);
        }
      }
    }
    if (!f.rename(tmp, target)) {
      f.delete(tmp, false); // a speculative or retried copy of the task wrote the same chunk first
    }
  }

  /** How many chunks are done. */
  public long chunks() throws IOException {
    FileSystem f = fs();
    Path r = new Path(root);
    if (!f.exists(r)) {
      return 0;
    }
    long n = 0;
    for (var it = f.listFiles(r, true); it.hasNext(); ) {
      if (it.next().getPath().getName().endsWith(".rows.gz")) {
        n++;
      }
    }
    return n;
  }

  /** Removes this job's checkpoint (its output is committed). */
  public void delete() throws IOException {
    fs().delete(new Path(root), true);
  }
}
