package org.insight.ingest.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The limits a worker enforces while parsing (the host enforces the timeout).
 *
 * @param maxBytes the largest item (top or embedded) that is parsed
 * @param maxDepth how deep embedded items may nest
 * @param maxEmbedded how many embedded items one top item may hold, in total
 * @param maxCompressionRatio total bytes extracted from a top item over its own size
 * @param maxTextChars the longest text kept per item
 * @param tessdata Tesseract's language-data directory, "" to look in the usual places
 */
public record Limits(long maxBytes, int maxDepth, int maxEmbedded, double maxCompressionRatio, int maxTextChars,
    String tessdata) {

  /** Expansion below this many bytes never counts as a bomb, whatever the ratio (small archives of text). */
  public static final long RATIO_FLOOR_BYTES = 4L * 1024 * 1024;

  void write(DataOutputStream out) throws IOException {
    out.writeLong(maxBytes);
    out.writeInt(maxDepth);
    out.writeInt(maxEmbedded);
    out.writeDouble(maxCompressionRatio);
    out.writeInt(maxTextChars);
    Node.writeString(out, tessdata);
  }

  static Limits read(DataInputStream in) throws IOException {
    return new Limits(in.readLong(), in.readInt(), in.readInt(), in.readDouble(), in.readInt(), Node.readString(in));
  }
}
