package org.insight.spark.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.rdd.ShuffledRDD;
import org.apache.spark.serializer.DeserializationStream;
import org.apache.spark.serializer.SerializationStream;
import org.apache.spark.serializer.Serializer;
import org.apache.spark.serializer.SerializerInstance;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * A shuffle ({@code partitionBy}) whose keys and values are written by {@link Codec}s: a Spark {@link Serializer}
 * for the shuffle's stream of key-value pairs only (it serializes nothing else). Not API.
 *
 * @param <K> keys
 * @param <V> values
 */
public final class CodecShuffle<K, V> extends Serializer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Codec<K> keys;
  private final Codec<V> values;

  private CodecShuffle(Codec<K> keys, Codec<V> values) {
    this.keys = keys;
    this.values = values;
  }

  /** The serializer of a shuffle of these keys and values. */
  static <K, V> CodecShuffle<K, V> of(Codec<K> keys, Codec<V> values) {
    return new CodecShuffle<>(keys, values);
  }

  /** {@code rdd.partitionBy(partitioner)}, its keys and values written by {@code keys} and {@code values}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <K, V> JavaPairRDD<K, V> partitionBy(JavaPairRDD<K, V> rdd, Partitioner partitioner, Codec<K> keys,
      Codec<V> values) {
    ClassTag<Object> any = ClassTag$.MODULE$.AnyRef();
    ShuffledRDD shuffled = new ShuffledRDD(rdd.rdd(), partitioner, any, any, any);
    shuffled.setSerializer(new CodecShuffle<>(keys, values));
    return new JavaPairRDD<K, V>(shuffled, (ClassTag) any, (ClassTag) any);
  }

  @Override
  public SerializerInstance newInstance() {
    return new Instance();
  }

  private final class Instance extends SerializerInstance {

    @Override
    public <T> ByteBuffer serialize(T t, ClassTag<T> tag) {
      throw new UnsupportedOperationException("a codec shuffle writes key-value streams only");
    }

    @Override
    public <T> T deserialize(ByteBuffer bytes, ClassTag<T> tag) {
      throw new UnsupportedOperationException("a codec shuffle reads key-value streams only");
    }

    @Override
    public <T> T deserialize(ByteBuffer bytes, ClassLoader loader, ClassTag<T> tag) {
      throw new UnsupportedOperationException("a codec shuffle reads key-value streams only");
    }

    @Override
    public SerializationStream serializeStream(OutputStream s) {
      CodecOutput out = new CodecOutput(s, 1 << 16);
      return new SerializationStream() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> SerializationStream writeKey(T key, ClassTag<T> tag) {
          try {
            keys.write(out, (K) key);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> SerializationStream writeValue(T value, ClassTag<T> tag) {
          try {
            values.write(out, (V) value);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return this;
        }

        @Override
        public <T> SerializationStream writeObject(T t, ClassTag<T> tag) {
          throw new UnsupportedOperationException("a codec shuffle writes keys and values only");
        }

        @Override
        public void flush() {
          try {
            out.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public void close() {
          try {
            out.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    }

    @Override
    public DeserializationStream deserializeStream(InputStream s) {
      CodecInput in = new CodecInput(s, 1 << 16);
      return new DeserializationStream() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T readKey(ClassTag<T> tag) {
          try {
            return (T) keys.read(in);
          } catch (java.io.EOFException e) {
            throw sneaky(e); // the end of the stream: asKeyValueIterator stops on it
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T readValue(ClassTag<T> tag) {
          try {
            return (T) values.read(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public <T> T readObject(ClassTag<T> tag) {
          throw new UnsupportedOperationException("a codec shuffle reads keys and values only");
        }

        @Override
        public void close() {
          try {
            in.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    }
  }

  /** Throws a checked exception unchecked (Spark's reader expects the EOFException itself, as Scala throws it). */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
    throw (E) e;
  }
}
