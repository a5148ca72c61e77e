package org.insight.search.internal;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.insight.search.Generation;

/**
 * The store's write sequence ({@link Generation}). Each write's documents carry its number in a point field
 * ({@link #FIELD}), so "added after n" is one range query; the sequence restarts after the highest number in the index
 * when it is opened, and whatever came before the opening counts as a removal (nothing derived survives a reopening).
 * A write marks itself under way before it touches the index and publishes its number only once a refreshed reader
 * shows it, so a reader that reads the same generation before and after a read knows exactly what that read saw.
 * Written under the store's write lock. Not API.
 */
final class Generations {
  static final String FIELD = "_seq";
  private static final String COMMIT_KEY = "insight.sequence";

  private volatile Generation current;

  private Generations(Generation current) {
    this.current = current;
  }

  /**
   * For an index opened for writing: one past the highest sequence number it holds or its last commit recorded (a
   * removal leaves no number in the index), and that opening counts as a removal.
   */
  static Generations after(IndexReader reader, Iterable<Map.Entry<String, String>> commitData) throws IOException {
    long highest = 0;
    if (commitData != null) {
      for (Map.Entry<String, String> e : commitData) {
        if (e.getKey().equals(COMMIT_KEY)) {
          highest = Long.parseLong(e.getValue());
        }
      }
    }
    for (LeafReaderContext leaf : reader.leaves()) {
      PointValues points = leaf.reader().getPointValues(FIELD);
      if (points != null && points.size() > 0) {
        highest = Math.max(highest, LongPoint.decodeDimension(points.getMaxPackedValue(), 0));
      }
    }
    return new Generations(new Generation(highest + 1, highest + 1, false));
  }

  /** For a read-only index: another process writes it, so it never claims growth only. */
  static Generations unknown() {
    return new Generations(new Generation(0, Long.MAX_VALUE, false));
  }

  Generation current() {
    return current;
  }

  /** Marks a write under way; its sequence number. */
  long begin() {
    Generation g = current;
    current = new Generation(g.sequence(), g.lastRemoval(), true);
    return g.sequence() + 1;
  }

  /** Publishes a write once a refreshed reader shows it (or once it failed: then it counts as a removal). */
  void end(long sequence, boolean removed) {
    Generation g = current;
    current = new Generation(sequence, removed ? sequence : g.lastRemoval(), false);
  }

  /** What a commit of write {@code sequence} records, so a reopening continues after it. */
  static Map<String, String> commitData(long sequence) {
    return Map.of(COMMIT_KEY, Long.toString(sequence));
  }

  /** The field a document written by write {@code sequence} carries. */
  static LongPoint field(long sequence) {
    return new LongPoint(FIELD, sequence);
  }

  /** Matches the documents written after {@code after} up to {@code upTo}. */
  static org.apache.lucene.search.Query between(long after, long upTo) {
    return LongPoint.newRangeQuery(FIELD, after + 1, upTo);
  }
}
