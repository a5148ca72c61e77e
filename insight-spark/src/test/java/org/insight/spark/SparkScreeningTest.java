package org.insight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.insight.match.MatchRecord;
import org.insight.match.Screening;
import org.insight.match.ScreeningHit;
import org.insight.match.ScreeningQuery;
import org.insight.policy.Label;
import org.junit.jupiter.api.Test;

/** Batch screening on Spark gives each query the embedded screening's hits, in order, with the labels joined. */
class SparkScreeningTest {

  @Test
  void everyQueryGetsTheEmbeddedHits() {
    SparkSession spark = SparkTestSession.get();
    List<MatchRecord> people = SparkLinkerTest.people(5, 150);
    List<MatchRecord> list = new ArrayList<>();
    for (MatchRecord r : people.subList(0, 100)) {
      list.add(r.withLabel(Label.of("WATCHLIST")));
    }
    List<MatchRecord> queries = people.subList(100, 150);
    List<Row> hits = new SparkScreening(spark).screen(SparkLinker.records(spark, queries), list, 3)
        .orderBy("query_id", "rank").collectAsList();
    Screening screening = Screening.of(list);
    List<String> expected = new ArrayList<>();
    List<MatchRecord> sorted = new ArrayList<>(queries);
    sorted.sort(java.util.Comparator.comparing(MatchRecord::id));
    for (MatchRecord q : sorted) {
      List<ScreeningHit> h = screening.candidates(ScreeningQuery.of(q), 3);
      for (int i = 0; i < h.size(); i++) {
        Label label = q.label() == null ? h.get(i).label() : q.label().andOrStricter(h.get(i).label());
        expected.add(q.id() + " " + (i + 1) + " " + h.get(i).id() + " " + h.get(i).probability() + " "
            + h.get(i).weight() + " " + label);
      }
    }
    List<String> actual = new ArrayList<>();
    for (Row r : hits) {
      actual.add(r.getString(0) + " " + r.getInt(1) + " " + r.getString(2) + " " + r.getDouble(4) + " "
          + r.getDouble(5) + " " + r.getString(9));
    }
    assertTrue(expected.size() > 50, "queries have candidates: " + expected.size());
    assertTrue(actual.stream().anyMatch(s -> s.endsWith("WATCHLIST&POLICE") || s.contains("SECRET")),
        "hits of labelled queries carry both labels");
    assertEquals(expected, actual);
  }
}
