package org.insight.spark.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.serializer.DeserializationStream;
import org.apache.spark.serializer.SerializationStream;
import org.apache.spark.serializer.SerializerInstance;
import org.insight.match.MatchRecord;
import org.insight.policy.Label;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The hand-made shuffle codecs give back what they were given, in order, and end a stream where it ends (Spark's
 * reader stops on the end of each block's stream): records with labels, many values and strings over 64 KB, blocking
 * entries, pairs and shipments.
 */
class CodecShuffleTest {
  private static final ClassTag<Object> ANY = ClassTag$.MODULE$.AnyRef();

  private static <K, V> List<Tuple2<Object, Object>> roundTrip(Codec<K> keys, Codec<V> values, List<Tuple2<K, V>> in) {
    SerializerInstance codec = CodecShuffle.of(keys, values).newInstance();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializationStream out = codec.serializeStream(bytes);
    for (Tuple2<K, V> t : in) {
      out.writeKey(t._1(), ANY);
      out.writeValue(t._2(), ANY);
    }
    out.close();
    DeserializationStream stream = codec.deserializeStream(new ByteArrayInputStream(bytes.toByteArray()));
    List<Tuple2<Object, Object>> back = new ArrayList<>();
    scala.collection.Iterator<Tuple2<Object, Object>> it = stream.asKeyValueIterator();
    while (it.hasNext()) {
      back.add(it.next());
    }
    return back;
  }

  @Test
  void recordsComeBackWithTheirSideLabelAndValues() {
    String longName = "Ann " + "x".repeat(70_000) + " Smith";
    MatchRecord ann = MatchRecord.ofCleaned("a1", "left", Map.of("name", List.of(longName, "ánn śmith"),
        "birthDate", List.of("1975-03-02")), Label.parse("FR&POLICE"));
    MatchRecord bob = MatchRecord.ofCleaned("b1", "right", Map.of("name", List.of("Bob")), null);
    List<Tuple2<Object, Object>> back = roundTrip(Codec.STRING, Codec.RECORD, List.of(
        new Tuple2<>("a1", LinkRecord.of(RecordRows.row(ann), 0)), new Tuple2<>("b1", LinkRecord.of(RecordRows.row(bob), 1))));
    assertEquals(2, back.size());
    assertEquals("a1", back.get(0)._1());
    assertEquals(ann, ((LinkRecord) back.get(0)._2()).record());
    assertEquals(0, ((LinkRecord) back.get(0)._2()).side());
    assertEquals(bob, ((LinkRecord) back.get(1)._2()).record());
    assertEquals(1, ((LinkRecord) back.get(1)._2()).side());
  }

  @Test
  void blockingEntriesPairsAndShipmentsComeBackInOrder() {
    List<Tuple2<Long, Tuple2<Integer, String>>> entries = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      entries.add(new Tuple2<>((long) i * 0x9E3779B97F4A7C15L, new Tuple2<>(i % 2, "id-" + i)));
    }
    assertEquals(new ArrayList<Object>(entries), roundTrip(Codec.LONG, Codec.SIDE_ID, entries));
    List<Tuple2<String, String>> pairs = List.of(new Tuple2<>("a", "b"), new Tuple2<>("", "ü"));
    assertEquals(new ArrayList<Object>(pairs), roundTrip(Codec.STRING, Codec.STRING, pairs));
    LinkRecord r = LinkRecord.of(RecordRows.row(MatchRecord.ofCleaned("a1", "left", Map.of("name", List.of("Ann")),
        null)), 0);
    List<Tuple2<Object, Object>> shipped = roundTrip(Codec.STRING, Candidates.Shipment.CODEC,
        List.of(new Tuple2<>("b1", new Candidates.Shipment(r, new String[] {"b1", "b7"}))));
    Candidates.Shipment s = (Candidates.Shipment) shipped.get(0)._2();
    assertEquals(r.record(), s.record().record());
    assertArrayEquals(new String[] {"b1", "b7"}, s.later());
    assertEquals("a1", s.earlier());
    Candidates.Shipment home = (Candidates.Shipment) roundTrip(Codec.STRING, Candidates.Shipment.CODEC,
        List.of(new Tuple2<>("b2", new Candidates.Shipment("a1", null, new String[] {"b2"})))).get(0)._2();
    assertEquals(null, home.record(), "to the record's own partition only its id goes");
    assertEquals("a1", home.earlier());
    assertArrayEquals(new String[] {"b2"}, home.later());
    assertEquals(List.of(), roundTrip(Codec.LONG, Codec.LONG, List.of()), "an empty block is an empty stream");
  }
}
