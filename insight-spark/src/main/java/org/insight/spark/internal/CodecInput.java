package org.insight.spark.internal;

import java.io.DataInput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@link DataInput} of a codec shuffle's stream: an unsynchronized buffer from which {@link Codec#readString}
 * makes a string directly (one copy, no intermediate array). Not thread-safe: one per stream. Not API.
 */
final class CodecInput implements DataInput {
  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int limit;

  CodecInput(InputStream in, int size) {
    this.in = in;
    this.buf = new byte[size];
  }

  /**
   * At least {@code n} bytes in the buffer (n at most its size), reading more as needed.
   *
   * @throws EOFException if the stream ends first (at a record's start: the end of the stream, which Spark's reader
   *     expects as this exception)
   */
  private void need(int n) throws IOException {
    if (limit - pos >= n) {
      return;
    }
    System.arraycopy(buf, pos, buf, 0, limit - pos);
    limit -= pos;
    pos = 0;
    while (limit < n) {
      int r = in.read(buf, limit, buf.length - limit);
      if (r < 0) {
        throw new EOFException();
      }
      limit += r;
    }
  }

  /** What {@link Codec#writeString} wrote. */
  String readString() throws IOException {
    int header = readInt();
    int n = Codec.length(header);
    if (n > buf.length) {
      byte[] b = new byte[n];
      readFully(b);
      return new String(b, Codec.latin1(header) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
    need(n);
    String s = new String(buf, pos, n, Codec.latin1(header) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  void close() throws IOException {
    in.close();
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    int copied = Math.min(len, limit - pos);
    System.arraycopy(buf, pos, b, off, copied);
    pos += copied;
    while (copied < len) {
      int r = in.read(b, off + copied, len - copied);
      if (r < 0) {
        throw new EOFException();
      }
      copied += r;
    }
  }

  @Override
  public int skipBytes(int n) throws IOException {
    int skipped = 0;
    while (skipped < n) {
      if (pos == limit) {
        try {
          need(1);
        } catch (EOFException e) {
          return skipped;
        }
      }
      int step = Math.min(n - skipped, limit - pos);
      pos += step;
      skipped += step;
    }
    return skipped;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return readByte() != 0;
  }

  @Override
  public byte readByte() throws IOException {
    need(1);
    return buf[pos++];
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return readByte() & 0xFF;
  }

  @Override
  public short readShort() throws IOException {
    need(2);
    short v = (short) (((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF));
    pos += 2;
    return v;
  }

  @Override
  public int readUnsignedShort() throws IOException {
    return readShort() & 0xFFFF;
  }

  @Override
  public char readChar() throws IOException {
    return (char) readShort();
  }

  @Override
  public int readInt() throws IOException {
    need(4);
    int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
        | (buf[pos + 3] & 0xFF);
    pos += 4;
    return v;
  }

  @Override
  public long readLong() throws IOException {
    return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  @Override
  public String readLine() {
    throw new UnsupportedOperationException("codecs read strings with Codec.readString");
  }

  @Override
  public String readUTF() {
    throw new UnsupportedOperationException("codecs read strings with Codec.readString");
  }
}
