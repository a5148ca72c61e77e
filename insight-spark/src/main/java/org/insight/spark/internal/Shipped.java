package org.insight.spark.internal;

import com.esotericsoftware.kryo.DefaultSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.Serializable;

/**
 * A value Spark ships (broadcast, shuffled, cached) by Java serialization whatever {@code spark.serializer} says: Kryo,
 * which clusters often configure, cannot write Java records (it fails on their final fields), and the kernel, the
 * model and the judgements hold records. The types a link run shuffles carry the same annotation. Not API.
 *
 * @param value the value
 */
@DefaultSerializer(JavaSerializer.class)
public record Shipped<T extends Serializable>(T value) implements Serializable {
  private static final long serialVersionUID = 1L;
}
