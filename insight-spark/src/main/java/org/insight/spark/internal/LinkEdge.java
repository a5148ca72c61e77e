package org.insight.spark.internal;

import com.esotericsoftware.kryo.DefaultSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.Serializable;

/**
 * An edge of a run's match graph: a pair at or above the threshold (ids in run order) and its weight. Not API.
 */
@DefaultSerializer(JavaSerializer.class)
public record LinkEdge(String left, String right, double weight) implements Serializable {
  private static final long serialVersionUID = 1L;
}
