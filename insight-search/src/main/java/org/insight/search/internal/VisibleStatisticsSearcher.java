package org.insight.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;

/**
 * An index searcher whose scoring statistics come only from what the session may see (rule 2: not even a score
 * may depend on invisible data). BM25's inverse document frequency uses the number of visible documents with
 * the term and with the field; its length normalisation uses a fixed average length per field instead of the
 * index-wide one, which would otherwise carry the lengths of invisible documents. Not API.
 */
final class VisibleStatisticsSearcher extends IndexSearcher {
  /** Average field lengths assumed for length normalisation, in tokens. */
  private static final Map<String, Long> AVERAGE_LENGTH = Map.of(
      LuceneStore.NAME, 3L, LuceneStore.NAME_PHONETIC, 3L, LuceneStore.TITLE, 8L);
  private static final long DEFAULT_AVERAGE_LENGTH = 200L;

  private final IndexSearcher plain;
  private final Query visibility;

  VisibleStatisticsSearcher(IndexReader reader, Query visibility) {
    super(reader);
    this.plain = new IndexSearcher(reader);
    this.plain.setQueryCache(null);
    this.visibility = visibility;
  }

  @Override
  public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
    // a term only invisible documents hold can score no visible document; 1 keeps Lucene's scorers non-null
    int visible = Math.max(1, visibleCount(new TermQuery(term)));
    return new TermStatistics(term.bytes(), visible, visible);
  }

  @Override
  public CollectionStatistics collectionStatistics(String field) throws IOException {
    int docCount;
    try {
      docCount = Math.max(1, visibleCount(new FieldExistsQuery(field)));
    } catch (IllegalStateException keywordField) {
      // a field without norms or doc values: count the visible documents instead, never the index's
      docCount = Math.max(1, visibleCount(new org.apache.lucene.search.MatchAllDocsQuery()));
    }
    long avg = AVERAGE_LENGTH.getOrDefault(field, DEFAULT_AVERAGE_LENGTH);
    return new CollectionStatistics(field, getIndexReader().maxDoc(), docCount, docCount * avg, docCount * avg);
  }

  /** Counts are cached per reader, visible-label set and query: statistics of the same terms recur. */
  private record CountKey(Object reader, Query visibility, Query query) {}

  private static final Cache<CountKey, Integer> COUNTS = Caffeine.newBuilder().maximumSize(100_000).build();

  private int visibleCount(Query q) {
    IndexReader.CacheHelper helper = getIndexReader().getReaderCacheHelper();
    if (helper == null) {
      return countNow(q);
    }
    return COUNTS.get(new CountKey(helper.getKey(), visibility, q), k -> countNow(q));
  }

  private int countNow(Query q) {
    try {
      return plain.count(new BooleanQuery.Builder()
          .add(q, BooleanClause.Occur.FILTER)
          .add(visibility, BooleanClause.Occur.FILTER)
          .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
