package org.insight.spark.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The shuffle streams' buffers ({@link CodecOutput}, {@link CodecInput}) write the bytes a plain
 * {@link DataOutputStream} writes through {@link Codec}, and read back what either wrote: strings of every script
 * (ASCII, Latin-1, Cyrillic, Arabic, astral, longer than the buffer) between ints and longs, whatever the buffer size,
 * so records and ids cross buffer boundaries at every offset; a stream that ends mid-value ends in an EOFException.
 */
class CodecStreamProperties {

  @Property
  void theBuffersWriteAndReadWhatAPlainStreamDoes(@ForAll("values") List<Object> values,
      @ForAll @IntRange(min = 8, max = 80) int bufferSize) throws IOException {
    ByteArrayOutputStream plainBytes = new ByteArrayOutputStream();
    DataOutputStream plain = new DataOutputStream(plainBytes);
    ByteArrayOutputStream bufferedBytes = new ByteArrayOutputStream();
    CodecOutput buffered = new CodecOutput(bufferedBytes, bufferSize);
    for (Object v : values) {
      write(plain, v);
      write(buffered, v);
    }
    plain.flush();
    buffered.close();
    assertArrayEquals(plainBytes.toByteArray(), bufferedBytes.toByteArray());

    List<Object> expected = new ArrayList<>();
    values.forEach(v -> expected.add(v instanceof String s ? new String(s.getBytes(StandardCharsets.UTF_8),
        StandardCharsets.UTF_8) : v)); // an unpaired surrogate becomes '?', as UTF-8 has it
    CodecInput in = new CodecInput(new ByteArrayInputStream(bufferedBytes.toByteArray()), bufferSize);
    DataInputStream plainIn = new DataInputStream(new ByteArrayInputStream(plainBytes.toByteArray()));
    List<Object> back = new ArrayList<>();
    List<Object> plainBack = new ArrayList<>();
    for (Object v : values) {
      back.add(read(in, v));
      plainBack.add(read(plainIn, v));
    }
    assertEquals(expected, back);
    assertEquals(expected, plainBack);
    assertThrows(EOFException.class, in::readInt, "the end of the stream");
  }

  @Property(tries = 200)
  void aStreamCutMidValueEndsInAnEof(@ForAll("values") List<Object> values, @ForAll @IntRange(min = 8, max = 40)
      int bufferSize, @ForAll @IntRange(min = 1, max = 7) int cut) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodecOutput out = new CodecOutput(bytes, bufferSize);
    values.forEach(v -> write(out, v));
    out.writeLong(42);
    out.close();
    byte[] all = bytes.toByteArray();
    CodecInput in = new CodecInput(new ByteArrayInputStream(all, 0, all.length - cut), bufferSize);
    for (Object v : values) {
      read(in, v);
    }
    assertThrows(EOFException.class, in::readLong);
  }

  @Provide
  Arbitrary<List<Object>> values() {
    Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(30);
    Arbitrary<String> latin1 = Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(30);
    Arbitrary<String> scripts = Arbitraries.strings().withCharRange('\u0400', '\u04ff').withCharRange('\u0600', '\u06ff')
        .withChars("aé ").ofMaxLength(30);
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(100);
    Arbitrary<String> astral = Arbitraries.of("\ud83d\ude00", "a\ud834\udd1eb", "\ud800", "\udc00x");
    Arbitrary<Object> value = Arbitraries.oneOf(ascii, latin1, scripts, any, astral, Arbitraries.integers(),
        Arbitraries.longs(), Arbitraries.bytes());
    return value.list().ofMaxSize(30);
  }

  private static void write(java.io.DataOutput out, Object v) {
    try {
      if (v instanceof String s) {
        Codec.writeString(out, s);
      } else if (v instanceof Integer i) {
        out.writeInt(i);
      } else if (v instanceof Long l) {
        out.writeLong(l);
      } else {
        out.writeByte((Byte) v);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Object read(java.io.DataInput in, Object like) throws IOException {
    if (like instanceof String) {
      return Codec.readString(in);
    } else if (like instanceof Integer) {
      return in.readInt();
    } else if (like instanceof Long) {
      return in.readLong();
    }
    return in.readByte();
  }
}
