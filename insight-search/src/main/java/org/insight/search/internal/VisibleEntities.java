package org.insight.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.FixedBitSet;
import org.insight.search.Visibility;

/**
 * The set of entities with at least one visible statement of some types, as a bit per global entity ordinal
 * ({@link EntityOrdinals}): one pass over the matching statements' doc values, no stored field read and no id
 * string built. Counting is its cardinality, a page of ids in id order is a walk over its set bits. Cached per
 * (snapshot, visibility, types), so paging through a listing costs one pass; a result depends only on what the
 * visibility lets through. Not API.
 */
final class VisibleEntities {
  private record Key(IndexReader.CacheKey reader, Visibility visibility, Set<String> types) {}

  private static final Cache<Key, FixedBitSet> CACHE = Caffeine.newBuilder()
      .maximumWeight(64L << 20)
      .weigher((Key k, FixedBitSet v) -> (int) Math.min(Integer.MAX_VALUE, v.ramBytesUsed()))
      .build();

  private VisibleEntities() {}

  /** {@code query} must match exactly the visible statements of {@code types}; the key names what it means. */
  static FixedBitSet of(IndexSearcher searcher, Query query, Visibility visibility, Set<String> types)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return compute(searcher, query);
    }
    try {
      return CACHE.get(new Key(helper.getKey(), visibility, Set.copyOf(types)), k -> {
        try {
          return compute(searcher, query);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static FixedBitSet compute(IndexSearcher searcher, Query query) throws IOException {
    EntityOrdinals ordinals = EntityOrdinals.of(searcher.getIndexReader());
    FixedBitSet bits = new FixedBitSet((int) Math.max(1, ordinals.count()));
    ordinals.forEachMatch(searcher, query, (ordinal, doc) -> bits.set(ordinal));
    return bits;
  }
}
