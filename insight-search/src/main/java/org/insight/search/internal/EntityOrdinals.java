package org.insight.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Global ordinals of the entity-id doc values of one index snapshot: every distinct entity id gets a number, in id
 * order, the same in every segment. Counting, listing and scanning entities work on these numbers (a bit per entity)
 * instead of on id strings. Built once per snapshot (a merge of the segments' sorted id lists, linear in distinct
 * ids) and cached while the snapshot lives. Not API.
 */
final class EntityOrdinals {
  private static final Cache<IndexReader.CacheKey, EntityOrdinals> CACHE = Caffeine.newBuilder()
      .weakKeys().maximumSize(4).build();

  private final OrdinalMap map;

  private EntityOrdinals(OrdinalMap map) {
    this.map = map;
  }

  static EntityOrdinals of(IndexReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return build(reader, null);
    }
    try {
      return CACHE.get(helper.getKey(), key -> {
        try {
          return build(reader, key);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static EntityOrdinals build(IndexReader reader, IndexReader.CacheKey key) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = DocValues.getSortedSet(leaves.get(i).reader(), LuceneStore.ENTITY);
    }
    return new EntityOrdinals(OrdinalMap.build(key, values, PackedInts.DEFAULT));
  }

  /** How many distinct entity ids the snapshot holds (visible or not). */
  long count() {
    return map.getValueCount();
  }

  /** Segment ordinal to global ordinal, for the leaf at {@code leafOrd}. */
  LongValues globalOrds(int leafOrd) {
    return map.getGlobalOrds(leafOrd);
  }

  /** Told the global entity ordinal and the index-wide doc id of a matching statement. */
  @FunctionalInterface
  interface Sink {
    void accept(int ordinal, int doc);
  }

  /**
   * One doc-values pass over the statements {@code query} matches (the visibility filter inside it): {@code sink}
   * hears each one's global entity ordinal, in doc order. No stored field is read.
   */
  @SuppressWarnings("deprecation") // Lucene 9.12 deprecates search(Query, Collector); see the search internals
  void forEachMatch(IndexSearcher searcher, Query query, Sink sink) throws IOException {
    searcher.search(query, new Collector() {
      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }

      @Override
      public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        SortedSetDocValues entities = DocValues.getSortedSet(context.reader(), LuceneStore.ENTITY);
        LongValues global = globalOrds(context.ord);
        int base = context.docBase;
        return new LeafCollector() {
          @Override
          public void setScorer(Scorable scorer) {}

          @Override
          public void collect(int doc) throws IOException {
            if (entities.advanceExact(doc)) {
              sink.accept((int) global.get(entities.nextOrd()), base + doc);
            }
          }
        };
      }
    });
  }

  /** The entity id with this global ordinal. */
  String id(IndexReader reader, long global) throws IOException {
    int segment = map.getFirstSegmentNumber(global);
    SortedSetDocValues values = DocValues.getSortedSet(reader.leaves().get(segment).reader(), LuceneStore.ENTITY);
    return values.lookupOrd(map.getFirstSegmentOrd(global)).utf8ToString();
  }
}
