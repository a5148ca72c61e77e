package org.insight.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.insight.core.Schema;

/**
 * What the parts of one search share: a searcher over one index snapshot whose statistics count visible data only,
 * the session's visibility filter, the schema and the query analyzers. Not API.
 *
 * @param searcher the searcher (a {@link VisibleStatisticsSearcher})
 * @param visibility the session's visibility filter
 * @param schema the schema
 * @param analyzer the per-field text analyzer
 * @param builder a query builder over {@code analyzer}
 */
record SearchContext(IndexSearcher searcher, Query visibility, Schema schema, Analyzer analyzer,
    QueryBuilder builder) {

  /** The context of a search over {@code plain}'s snapshot. */
  static SearchContext of(IndexSearcher plain, Query visibility, Schema schema) {
    Analyzer analyzer = Analysis.perFieldText();
    return new SearchContext(new VisibleStatisticsSearcher(plain.getIndexReader(), visibility), visibility, schema,
        analyzer, new QueryBuilder(analyzer));
  }

  /**
   * All {@code parts} and the visibility filter; only the last part scores, the others and visibility filter. A kind
   * and one scoring part become a {@link VisibleMatchQuery}.
   */
  Query filtered(Query... parts) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int first = 0;
    Query filter = visibility;
    if (parts.length > 1 && visibility instanceof VisibilityQuery v && parts[0] instanceof TermQuery t
        && t.getTerm().field().equals(LuceneStore.KIND)) {
      // a kind and the visibility as one cached bit set: one bit test per candidate instead of two filters
      filter = v.ofKind(t.getTerm().text());
      first = 1;
    }
    if (parts.length - first == 1 && filter instanceof VisibilityQuery visible) {
      // the filter per segment: dropped where it lets every document through, so the query runs as on a plain index
      return new VisibleMatchQuery(parts[first], visible);
    }
    for (int i = first; i < parts.length; i++) {
      b.add(parts[i], i == parts.length - 1 ? Occur.MUST : Occur.FILTER);
    }
    b.add(filter, Occur.FILTER);
    return b.build();
  }
}
