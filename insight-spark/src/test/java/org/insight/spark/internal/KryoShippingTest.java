package org.insight.spark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.apache.spark.sql.RowFactory;
import org.insight.match.LinkKernel;
import org.insight.match.Linker;
import org.insight.match.MatchModel;
import org.insight.match.MatchRecord;
import org.insight.policy.Label;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * What a link run ships survives a session configured with Kryo ({@code spark.serializer}, common on clusters), which
 * cannot write Java records: the kernel (it holds records) travels in {@link Shipped}, and the shuffled types use
 * Java serialization under Kryo too. A bare kernel fails under Kryo, which is why.
 */
class KryoShippingTest {
  private static final ClassTag<Object> ANY = ClassTag$.MODULE$.apply(Object.class);
  private final SerializerInstance kryo = new KryoSerializer(new SparkConf()).newInstance();

  @SuppressWarnings("unchecked")
  private <T> T roundTrip(T value) {
    return (T) kryo.deserialize(kryo.serialize(value, ANY), ANY);
  }

  private static final MatchRecord ANN = MatchRecord.of("a1", "left",
      java.util.Map.of("name", List.of("Ann Smith"), "birthDate", List.of("1975-03-02"))).withLabel(Label.of("FR&POLICE"));
  private static final MatchRecord ANNE = MatchRecord.of("b1", "right",
      java.util.Map.of("name", List.of("Anne Smith"), "birthDate", List.of("1975-03-02")));

  @Test
  void theKernelTravelsInShippedAndABareOneDoesNot() {
    LinkKernel fitted = Linker.builder().build().withModel(MatchModel.personDefaults()).kernel();
    LinkKernel back = roundTrip(new Shipped<>(fitted)).value();
    assertEquals(fitted.model().parameters(), back.model().parameters());
    assertEquals(fitted.weight(ANN, ANNE), back.weight(ANN, ANNE));
    assertFalse(roundTrip(new Shipped<>(Linker.builder().build().kernel())).value().fitted());
    assertThrows(RuntimeException.class, () -> roundTrip(fitted), "Kryo writes no records");
  }

  @Test
  void shuffledValuesSurviveKryo() {
    LinkRecord ann = LinkRecord.of(RecordRows.row(ANN), 0);
    LinkRecord anne = LinkRecord.of(RecordRows.row(ANNE), 1);
    LinkRecord back = roundTrip(ann);
    assertEquals(ANN, back.record());
    assertEquals(0, back.side());
    assertEquals("FR&POLICE", Label.parse(back.label()).toString());
    String longName = "Ann " + "x".repeat(70_000) + " Smith"; // over writeUTF's 64 KB
    MatchRecord big = MatchRecord.ofCleaned("c1", "left", java.util.Map.of("name", List.of(longName, "ánn śmith")), null);
    assertEquals(big, roundTrip(LinkRecord.of(RecordRows.row(big), 1)).record());
    Candidates.Shipment shipment = roundTrip(new Candidates.Shipment(ann, new String[] {"b1", "b2"}));
    assertEquals(ANN, shipment.record().record());
    assertEquals(List.of("b1", "b2"), List.of(shipment.later()));
    assertEquals(ANNE, roundTrip(anne).record());
    assertEquals(new LinkEdge("a1", "b1", 7.25), roundTrip(new LinkEdge("a1", "b1", 7.25)));
    assertEquals(RowFactory.create("x", 1.0), roundTrip(RowFactory.create("x", 1.0)));
  }
}
