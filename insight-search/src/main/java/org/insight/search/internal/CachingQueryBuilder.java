package org.insight.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * A query builder whose term queries carry their term's lookup in every segment of the snapshot searched
 * ({@link TermStates}), cached per (snapshot, term): a word's query runs over seven text fields, and with segments of
 * one label there are many segments, so looking a word up in each field of each segment on every query was a
 * quarter of a search's time. The cached lookup is exactly the one {@link TermQuery} would make (same reader, same
 * statistics request); scores still take their statistics from {@link VisibleStatisticsSearcher}. A query searched by
 * another reader than the one it was built for simply looks its terms up again (Lucene checks). Not API.
 */
final class CachingQueryBuilder extends QueryBuilder {
  /** Bounded: one entry holds one term state per segment (tens of bytes each). */
  private static final Cache<Key, TermStates> STATES = Caffeine.newBuilder().maximumSize(10_000).build();

  private record Key(IndexReader.CacheKey reader, Term term) {}

  private final IndexSearcher searcher;
  private final IndexReader.CacheKey reader;

  CachingQueryBuilder(Analyzer analyzer, IndexSearcher searcher) {
    super(analyzer);
    this.searcher = searcher;
    IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
    this.reader = helper == null ? null : helper.getKey();
  }

  @Override
  protected Query newTermQuery(Term term, float boost) {
    if (reader == null) {
      return super.newTermQuery(term, boost);
    }
    Term kept = new Term(term.field(), BytesRef.deepCopyOf(term.bytes()));
    TermStates states = STATES.get(new Key(reader, kept), k -> {
      try {
        return TermStates.build(searcher, kept, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    Query q = new TermQuery(kept, states);
    return boost == DEFAULT_BOOST ? q : new BoostQuery(q, boost);
  }

  private static final float DEFAULT_BOOST = 1f;
}
