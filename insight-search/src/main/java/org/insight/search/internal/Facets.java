package org.insight.search.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.insight.search.SearchResult.FacetCount;

/** Facet counts over the visible matches of one search. Not API. */
// Lucene 9.12 deprecates search(Query, Collector) and setRewriteMethod; moving to CollectorManagers is left for a
// later pass
@SuppressWarnings("deprecation")
final class Facets {
  static final int FACET_VALUES = 20;

  private final SearchContext context;

  Facets(SearchContext context) {
    this.context = context;
  }

  /**
   * The counts of each wanted facet: an entity counts once per value over its visible statements; documents count
   * for dataset, language and grading. The {@value #FACET_VALUES} most frequent values, ties by value.
   */
  Map<org.insight.search.Query.Facet, List<FacetCount>> count(List<org.insight.search.Query.Facet> wanted,
      Map<String, Float> matched, Query docQuery) throws IOException {
    Map<org.insight.search.Query.Facet, List<FacetCount>> out = new LinkedHashMap<>();
    for (org.insight.search.Query.Facet f : wanted) {
      Map<String, Long> counts = new HashMap<>();
      String field = facetField(f);
      if (!matched.isEmpty() && field != null && f != org.insight.search.Query.Facet.LANGUAGE) {
        // an entity counts once per value, over its visible statements only
        Map<String, Set<String>> perValue = new HashMap<>();
        Query q = context.filtered(LuceneQueries.kind(LuceneStore.STATEMENT_KIND),
            LuceneQueries.restrictTo(matched.keySet()));
        context.searcher().search(q, new EntityValues(field, (entity, value) -> {
          if (matched.containsKey(entity)) {
            perValue.computeIfAbsent(value, k -> new HashSet<>()).add(entity);
          }
        }));
        perValue.forEach((v, ents) -> counts.merge(v, (long) ents.size(), Long::sum));
      }
      if (docQuery != null && field != null && (f == org.insight.search.Query.Facet.DATASET
          || f == org.insight.search.Query.Facet.LANGUAGE || f == org.insight.search.Query.Facet.GRADING)) {
        context.searcher().search(docQuery, new ValueCounts(field, counts));
      }
      out.put(f, counts.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(FACET_VALUES).map(e -> new FacetCount(e.getKey(), e.getValue())).toList());
    }
    return out;
  }

  private static String facetField(org.insight.search.Query.Facet f) {
    return switch (f) {
      case SCHEMA -> LuceneStore.SCHEMA;
      case DATASET -> LuceneStore.DATASET;
      case COUNTRY -> LuceneStore.COUNTRY;
      case LANGUAGE -> LuceneStore.LANG;
      case YEAR -> LuceneStore.YEAR;
      case GRADING -> LuceneStore.GRADING;
    };
  }

  /** Counts the values of a multi-valued doc-values field over the matching documents. */
  private static final class ValueCounts implements Collector {
    private final String field;
    private final Map<String, Long> counts;

    ValueCounts(String field, Map<String, Long> counts) {
      this.field = field;
      this.counts = counts;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues v = context.reader().getSortedSetDocValues(field);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (v != null && v.advanceExact(doc)) {
            for (int i = 0; i < v.docValueCount(); i++) {
              counts.merge(v.lookupOrd(v.nextOrd()).utf8ToString(), 1L, Long::sum);
            }
          }
        }
      };
    }
  }
}
