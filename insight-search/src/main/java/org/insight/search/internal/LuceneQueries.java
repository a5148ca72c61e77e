package org.insight.search.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
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
  /** Wildcards expand to at most this many terms (the best by frequency), so no pattern can explode. */
  static final int MAX_EXPANSIONS = 1_024;

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

  static Query wildcard(String pattern) {
    WildcardQuery q = new WildcardQuery(new Term(LuceneStore.TEXT, fold(pattern)));
    q.setRewriteMethod(new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
    return q;
  }

  /** Case and diacritic folding for terms that bypass analysis (wildcards, fuzzy words). */
  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }
}
