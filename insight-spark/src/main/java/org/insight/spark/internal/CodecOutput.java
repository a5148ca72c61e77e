package org.insight.spark.internal;

import java.io.DataOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@link DataOutput} of a codec shuffle's stream: an unsynchronized buffer that writes a string's characters
 * straight into it ({@link Codec#writeString}) instead of encoding each string into a new array first (the shuffles
 * write millions of short ids). Not thread-safe: one per stream. Not API.
 */
final class CodecOutput implements DataOutput {
  private final OutputStream out;
  private final byte[] buf;
  private int pos;

  CodecOutput(OutputStream out, int size) {
    this.out = out;
    this.buf = new byte[size];
  }

  /** Room for {@code n} more bytes, flushing the buffer if needed; false when {@code n} exceeds the buffer. */
  private boolean room(int n) throws IOException {
    if (pos + n > buf.length) {
      drain();
    }
    return n <= buf.length;
  }

  private void drain() throws IOException {
    out.write(buf, 0, pos);
    pos = 0;
  }

  /** {@link Codec#writeString}'s format, the characters copied into the buffer when they are all Latin-1. */
  void writeString(String s) throws IOException {
    int n = s.length();
    if (room(4 + n)) {
      int start = pos;
      pos += 4;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c > 0xFF) {
          pos = start; // not Latin-1: written as UTF-8 below
          writeUtf8(s);
          return;
        }
        buf[pos++] = (byte) c;
      }
      int header = Codec.header(n, true);
      buf[start] = (byte) (header >>> 24);
      buf[start + 1] = (byte) (header >>> 16);
      buf[start + 2] = (byte) (header >>> 8);
      buf[start + 3] = (byte) header;
      return;
    }
    Codec.writeStringBytes(this, s);
  }

  private void writeUtf8(String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeInt(Codec.header(b.length, false));
    write(b, 0, b.length);
  }

  void flush() throws IOException {
    drain();
    out.flush();
  }

  void close() throws IOException {
    flush();
    out.close();
  }

  @Override
  public void write(int b) throws IOException {
    room(1);
    buf[pos++] = (byte) b;
  }

  @Override
  public void write(byte[] b) throws IOException {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (room(len)) {
      System.arraycopy(b, off, buf, pos, len);
      pos += len;
    } else {
      drain();
      out.write(b, off, len);
    }
  }

  @Override
  public void writeBoolean(boolean v) throws IOException {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) throws IOException {
    write(v);
  }

  @Override
  public void writeShort(int v) throws IOException {
    room(2);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
  }

  @Override
  public void writeChar(int v) throws IOException {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) throws IOException {
    room(4);
    buf[pos++] = (byte) (v >>> 24);
    buf[pos++] = (byte) (v >>> 16);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
  }

  @Override
  public void writeLong(long v) throws IOException {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  @Override
  public void writeFloat(float v) throws IOException {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) throws IOException {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) {
    throw new UnsupportedOperationException("codecs write strings with Codec.writeString");
  }

  @Override
  public void writeChars(String s) {
    throw new UnsupportedOperationException("codecs write strings with Codec.writeString");
  }

  @Override
  public void writeUTF(String s) {
    throw new UnsupportedOperationException("codecs write strings with Codec.writeString");
  }
}
