package org.insight.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.insight.search.Hit;

/**
 * Ranks matched entities and documents for one page: scores scaled to the best of each kind, sort keys (name, date)
 * from doc values of visible statements, and one order over both kinds. Not API.
 */
// Lucene 9.12 deprecates search(Query, Collector) and setRewriteMethod; moving to CollectorManagers is left for a
// later pass
@SuppressWarnings("deprecation")
final class Ranking {
  private final SearchContext context;

  Ranking(SearchContext context) {
    this.context = context;
  }

  /** The matched entities as ranked items, scores scaled to the best (1), with their sort keys. */
  List<Ranked> rankEntities(Map<String, Float> matched, org.insight.search.Query.Sort sort) throws IOException {
    if (matched.isEmpty()) {
      return List.of();
    }
    Map<String, String> keys = sort == org.insight.search.Query.Sort.SCORE ? Map.of()
        : sortKeys(matched.keySet(),
            sort == org.insight.search.Query.Sort.NAME ? LuceneStore.SORT_NAME : LuceneStore.SORT_DATE);
    float max = 0;
    for (float s : matched.values()) {
      max = Math.max(max, s);
    }
    List<Ranked> out = new ArrayList<>(matched.size());
    for (Map.Entry<String, Float> e : matched.entrySet()) {
      double score = max > 0 ? e.getValue() / max : 0;
      out.add(new Ranked(Hit.Kind.ENTITY, e.getKey(), score, keys.get(e.getKey()), -1));
    }
    return out;
  }

  /**
   * The top documents and their exact total over the visible matches of {@code docQuery}, in one pass. By score, ties
   * fall back to the index order and are then ordered by id; by name, Lucene sorts on the name key and id.
   */
  TopDocs topDocuments(Query docQuery, org.insight.search.Query.Sort sort, int need) throws IOException {
    int n = Math.max(1, need);
    if (sort == org.insight.search.Query.Sort.NAME) {
      Sort byName = new Sort(new SortField(LuceneStore.SORT_NAME, SortField.Type.STRING),
          new SortField(LuceneStore.ID, SortField.Type.STRING));
      return context.searcher().search(docQuery,
          new org.apache.lucene.search.TopFieldCollectorManager(byName, n, null, Integer.MAX_VALUE, false));
    }
    // one pass collects the top n and counts every match (no pruning): a top-n pass that skipped documents which
    // cannot compete, followed by a count walking the same postings again, cost about a quarter more CPU for two words
    // (docs/benchmarks.md, "Issue 15 reads, branch reads15 (session 2)"); one word cannot be pruned anyway
    return context.searcher().search(docQuery,
        new org.apache.lucene.search.TopScoreDocCollectorManager(n, null, Integer.MAX_VALUE, false));
  }

  /** The top documents as ranked items, scores scaled to the best (1), with their ids and sort keys. */
  List<Ranked> rankDocuments(TopDocs top, org.insight.search.Query.Sort sort) throws IOException {
    float max = 0;
    for (ScoreDoc sd : top.scoreDocs) {
      max = Math.max(max, Float.isNaN(sd.score) ? 0 : sd.score);
    }
    List<Ranked> out = new ArrayList<>();
    Map<Integer, String[]> keys = docValues(top, sort);
    for (ScoreDoc sd : top.scoreDocs) {
      String[] k = keys.get(sd.doc);
      double score = max > 0 && !Float.isNaN(sd.score) ? sd.score / max : 0;
      out.add(new Ranked(Hit.Kind.DOCUMENT, k[0], score, k[1], sd.doc));
    }
    return out;
  }

  /** {id, sort key} of the top documents, read from doc values. */
  private Map<Integer, String[]> docValues(TopDocs top, org.insight.search.Query.Sort sort) throws IOException {
    Map<Integer, String[]> out = new HashMap<>();
    IndexReader reader = context.searcher().getIndexReader();
    for (ScoreDoc sd : top.scoreDocs) {
      LeafReaderContext leaf =
          reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, reader.leaves()));
      int local = sd.doc - leaf.docBase;
      String id = sortedValue(leaf.reader().getSortedDocValues(LuceneStore.ID), local);
      String key = sort == org.insight.search.Query.Sort.NAME
          ? sortedValue(leaf.reader().getSortedDocValues(LuceneStore.SORT_NAME), local) : null;
      out.put(sd.doc, new String[] {id, key});
    }
    return out;
  }

  private static String sortedValue(SortedDocValues values, int doc) throws IOException {
    return values != null && values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
  }

  /** The smallest sort key of each entity over its visible statements that have one. */
  private Map<String, String> sortKeys(Set<String> ids, String field) throws IOException {
    Map<String, String> out = new HashMap<>();
    Query q = context.filtered(LuceneQueries.kind(LuceneStore.STATEMENT_KIND), LuceneQueries.restrictTo(ids));
    context.searcher().search(q, new EntityValues(field, (entity, value) -> {
      if (ids.contains(entity)) {
        out.merge(entity, value, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }));
    return out;
  }

  /** The order of a merged list of entities and documents: by score or sort key, then kind and id. */
  static Comparator<Ranked> order(org.insight.search.Query.Sort sort, List<Ranked> all) {
    Comparator<Ranked> byId = Comparator.comparing((Ranked r) -> r.kind()).thenComparing(Ranked::id);
    if (sort == org.insight.search.Query.Sort.SCORE) {
      return Comparator.comparingDouble((Ranked r) -> -r.score()).thenComparing(byId);
    }
    // missing keys last; DATE sorts oldest first, NAME alphabetically
    return Comparator.comparing((Ranked r) -> r.key() == null ? "\uffff" : r.key()).thenComparing(byId);
  }
}
