package org.insight.ingest.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * Where an embedded item's bytes go while its container is parsed: into memory while the item is small and the
 * top item's in-memory budget lasts, into a file of the item's work directory beyond that. Most embedded items
 * (attachments, archive entries, message bodies) are a few KB: creating, writing, reading back and deleting a file
 * for each cost more than parsing them. Memory stays bounded: at most {@link #ITEM_MAX} per item and
 * {@link Budget#TOTAL} per top item are held (in the worker, then on the wire and in the host until the
 * embedded sink has the bytes); anything larger is spilled. The work directory is created on the first spill
 * only, so an item without large embedded items touches no temporary file at all.
 */
final class Spool extends OutputStream {
  /** An embedded item up to this size is kept in memory. */
  static final int ITEM_MAX = 1 << 20;

  private final Budget budget;
  private final Path workDir;
  private final String fileName;
  private ByteArrayOutputStream memory = new ByteArrayOutputStream(8 * 1024);
  private Path file;
  private OutputStream out;

  Spool(Budget budget, Path workDir, String fileName) {
    this.budget = budget;
    this.workDir = workDir;
    this.fileName = fileName;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (memory != null) {
      long size = (long) memory.size() + len;
      if (size <= ITEM_MAX && size <= budget.left) {
        memory.write(b, off, len);
        return;
      }
      spill();
    }
    out.write(b, off, len);
  }

  private void spill() throws IOException {
    Files.createDirectories(workDir); // the first spill of the item creates it; the host deletes it afterwards
    file = workDir.resolve(fileName);
    out = Files.newOutputStream(file);
    memory.writeTo(out);
    memory = null;
  }

  /** The bytes written so far; the spool is closed. */
  Bytes finish() throws IOException {
    close();
    if (memory != null) {
      byte[] bytes = memory.toByteArray();
      budget.left -= bytes.length;
      memory = null;
      return Bytes.of(bytes);
    }
    return Bytes.of(file);
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }

  /** What one top item may still hold in memory for its embedded items. */
  static final class Budget {
    /** At most this much of a top item's embedded bytes is held in memory. */
    static final long TOTAL = 32L << 20;
    long left = TOTAL;
  }

  /** An item's bytes: in memory ({@code bytes}) or in a file ({@code file}); exactly one is set. */
  record Bytes(Path file, byte[] bytes) {
    static Bytes of(Path file) {
      return new Bytes(file, null);
    }

    static Bytes of(byte[] bytes) {
      return new Bytes(null, bytes);
    }

    boolean inMemory() {
      return bytes != null;
    }

    TikaInputStream open(Metadata md) throws IOException {
      return inMemory() ? TikaInputStream.get(bytes, md) : TikaInputStream.get(file, md);
    }

    InputStream stream() throws IOException {
      return inMemory() ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    /** An image stream; bytes in memory are cached in memory (ImageIO's default caches a stream in a temporary file). */
    ImageInputStream imageStream() throws IOException {
      return inMemory() ? new MemoryCacheImageInputStream(stream()) : ImageIO.createImageInputStream(file.toFile());
    }

    /** The decoded image, null when no reader knows the format; in memory, cached in memory. */
    BufferedImage readImage() throws IOException {
      // ImageIO.read closes the stream it is given (once it found a reader for it)
      return inMemory() ? ImageIO.read(new MemoryCacheImageInputStream(stream())) : ImageIO.read(file.toFile());
    }

    PDDocument loadPdf() throws IOException {
      return inMemory() ? Loader.loadPDF(bytes) : Loader.loadPDF(file.toFile());
    }

    void delete() throws IOException {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    }
  }
}
