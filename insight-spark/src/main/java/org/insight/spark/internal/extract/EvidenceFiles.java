package org.insight.spark.internal.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.insight.core.ContentHash;

/**
 * A content-addressed directory of original bytes on any Hadoop file system ({@code evidence/ab/<sha256>}): what a
 * workspace's evidence store holds, written by the executors and read by the loader. Writing is idempotent — a hash
 * already there is not written again — and atomic (a temporary name renamed), so a retried task leaves no half file.
 */
public final class EvidenceFiles implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String root;
  private final Map<String, String> conf;
  private transient FileSystem fs;

  /**
   * @param root the directory's URI or path
   * @param conf the Hadoop configuration to reach it with (credentials for S3, the name node for HDFS)
   */
  public EvidenceFiles(String root, Map<String, String> conf) {
    this.root = root;
    this.conf = Map.copyOf(conf);
  }

  /** The Hadoop configuration as plain entries, to ship to executors. */
  public static Map<String, String> entries(Configuration c) {
    Map<String, String> out = new java.util.HashMap<>();
    c.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** A configuration with these entries. */
  public static Configuration configuration(Map<String, String> entries) {
    Configuration c = new Configuration(false);
    entries.forEach(c::set);
    return c;
  }

  private synchronized FileSystem fs() throws IOException {
    if (fs == null) {
      fs = FileSystem.get(URI.create(root), configuration(conf));
    }
    return fs;
  }

  Path path(ContentHash hash) {
    return new Path(new Path(root, hash.hex().substring(0, 2)), hash.hex());
  }

  /** Copies a local file holding the bytes of {@code hash} into the directory, unless they are there already. */
  void put(ContentHash hash, java.nio.file.Path local) throws IOException {
    Path target = path(hash);
    FileSystem f = fs();
    if (f.exists(target)) {
      return;
    }
    f.mkdirs(target.getParent());
    Path tmp = new Path(target.getParent(), "." + hash.hex() + "." + UUID.randomUUID() + ".tmp");
    try (FSDataOutputStream out = f.create(tmp, false)) {
      Files.copy(local, out);
    }
    if (!f.rename(tmp, target)) {
      f.delete(tmp, false); // another task wrote the same bytes first
    }
  }

  /** Whether the bytes of {@code hash} are held. */
  public boolean contains(ContentHash hash) throws IOException {
    return fs().exists(path(hash));
  }

  /** The bytes of {@code hash}; the caller closes the stream. */
  public InputStream open(ContentHash hash) throws IOException {
    return fs().open(path(hash));
  }
}
