package org.insight.spark.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import scala.Tuple2;

/**
 * How one type of a link run's shuffled keys or values is written, by hand: the shuffles of a run move millions of
 * small tuples (blocking entries, candidate pairs), which Java serialization writes several times slower and larger
 * (object headers, class descriptors, boxed fields). Used by {@link CodecShuffle}; whatever {@code spark.serializer}
 * says. Not API.
 *
 * @param <T> the type written
 */
public interface Codec<T> extends Serializable {

  void write(DataOutput out, T value) throws IOException;

  T read(DataInput in) throws IOException;

  /** A 64-bit number. */
  Codec<Long> LONG = new Codec<>() {
    @Override
    public void write(DataOutput out, Long value) throws IOException {
      out.writeLong(value);
    }

    @Override
    public Long read(DataInput in) throws IOException {
      return in.readLong();
    }
  };

  /** A string (any length). */
  Codec<String> STRING = new Codec<>() {
    @Override
    public void write(DataOutput out, String value) throws IOException {
      writeString(out, value);
    }

    @Override
    public String read(DataInput in) throws IOException {
      return readString(in);
    }
  };

  /** A record's side and id. */
  Codec<Tuple2<Integer, String>> SIDE_ID = new Codec<>() {
    @Override
    public void write(DataOutput out, Tuple2<Integer, String> value) throws IOException {
      out.writeByte(value._1());
      writeString(out, value._2());
    }

    @Override
    public Tuple2<Integer, String> read(DataInput in) throws IOException {
      int side = in.readByte();
      return new Tuple2<>(side, readString(in));
    }
  };

  /** A record of the run. */
  Codec<LinkRecord> RECORD = new Codec<>() {
    @Override
    public void write(DataOutput out, LinkRecord value) throws IOException {
      value.write(out);
    }

    @Override
    public LinkRecord read(DataInput in) throws IOException {
      LinkRecord r = new LinkRecord();
      r.read(in);
      return r;
    }
  };

  /**
   * An int header (the byte length, shifted, and whether the bytes are Latin-1) then the bytes: Latin-1 when every
   * character is (ids and most names: a stream's buffer copies them with no array in between, {@link CodecOutput},
   * {@link CodecInput}), else UTF-8. {@code writeUTF} would refuse strings over 64 KB.
   */
  static void writeString(DataOutput out, String s) throws IOException {
    if (out instanceof CodecOutput o) {
      o.writeString(s);
    } else {
      writeStringBytes(out, s);
    }
  }

  /** {@link #writeString}'s format through any {@link DataOutput}. */
  static void writeStringBytes(DataOutput out, String s) throws IOException {
    boolean latin1 = true;
    for (int i = 0; i < s.length() && latin1; i++) {
      latin1 = s.charAt(i) <= 0xFF;
    }
    byte[] b = s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    out.writeInt(header(b.length, latin1));
    out.write(b);
  }

  /** What {@link #writeString} wrote. */
  static String readString(DataInput in) throws IOException {
    if (in instanceof CodecInput c) {
      return c.readString();
    }
    int header = in.readInt();
    byte[] b = new byte[length(header)];
    in.readFully(b);
    return new String(b, latin1(header) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  /** A string's header: its byte length and its encoding. */
  static int header(int length, boolean latin1) {
    if (length > (Integer.MAX_VALUE >> 1)) {
      throw new IllegalArgumentException("a string of " + length + " bytes is longer than a codec writes (1 GB)");
    }
    return length << 1 | (latin1 ? 1 : 0);
  }

  static int length(int header) {
    return header >>> 1;
  }

  static boolean latin1(int header) {
    return (header & 1) != 0;
  }
}
