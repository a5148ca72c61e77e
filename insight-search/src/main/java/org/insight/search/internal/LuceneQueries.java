package org.insight.search.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/** Small Lucene query shapes the search parts share. Not API. */
// Lucene 9.12 deprecates search(Query, Collector) and setRewriteMethod; moving to CollectorManagers is left for a
// later pass
@SuppressWarnings("deprecation")
final class LuceneQueries {
  /**
   * A wildcard may match at most this many distinct visible words; more is refused (nothing is silently left out),
   * and the cap leaves room under Lucene's 1,024-clause limit for the filters around it.
   */
  static final int MAX_EXPANSIONS = 1_000;
  /** A fuzzy word expands to its nearest visible words, at most this many. */
  static final int MAX_FUZZY_EXPANSIONS = 50;

  private LuceneQueries() {}

  static Query kind(String kind) {
    return new TermQuery(new Term(LuceneStore.KIND, kind));
  }

  /** Both keyword conditions; exact matches carry no relevance, so the result scores a constant. */
  static Query and(Query a, Query b) {
    return new org.apache.lucene.search.ConstantScoreQuery(
        new BooleanQuery.Builder().add(a, Occur.FILTER).add(b, Occur.FILTER).build());
  }

  static Query orNone(Query q) {
    return q == null ? new MatchNoDocsQuery("no searchable words") : q;
  }

  static Query restrictTo(Set<String> ids) {
    return ids.size() <= 10_000 ? terms(LuceneStore.ENTITY, ids) : new MatchAllDocsQuery();
  }

  static Query terms(String field, Set<String> values) {
    if (values.isEmpty()) {
      return new MatchNoDocsQuery();
    }
    List<BytesRef> refs = new ArrayList<>();
    values.forEach(v -> refs.add(new BytesRef(v)));
    return new TermInSetQuery(field, refs);
  }

  /**
   * A wildcard over the words of visible data ({@code visibility} the session's filter), or over the whole index
   * when {@code visibility} is null (a benchmark's unfiltered baseline only).
   */
  static Query wildcard(String pattern, Query visibility) {
    WildcardQuery q = new WildcardQuery(new Term(LuceneStore.TEXT, fold(pattern)));
    if (visibility == null) {
      q.setRewriteMethod(new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
      return q;
    }
    return new VisibleExpansion(q, visibility, MAX_EXPANSIONS, VisibleExpansion.OverCap.REFUSE, true);
  }

  /** A fuzzy word over the nearest words of visible data (of the whole index when {@code visibility} is null). */
  static Query fuzzy(String field, String word, int edits, int max, Query visibility) {
    FuzzyQuery q = new FuzzyQuery(new Term(field, word), edits, 1, max, true);
    return visibility == null ? q
        : new VisibleExpansion(q, visibility, max, VisibleExpansion.OverCap.KEEP_BEST, true);
  }

  /** Case and diacritic folding for terms that bypass analysis (wildcards, fuzzy words). */
  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }
}
