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

  /** UTF-8 with an int length: {@code writeUTF} refuses strings over 64 KB. */
  static void writeString(DataOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** What {@link #writeString} wrote. */
  static String readString(DataInput in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
