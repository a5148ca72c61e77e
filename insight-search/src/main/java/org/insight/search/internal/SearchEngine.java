package org.insight.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.github.benmanes.caffeine.cache.Cache;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;
import org.insight.core.Schema;
import org.insight.search.Clause;
import org.insight.search.Hit;
import org.insight.search.QuerySyntaxException;
import org.insight.search.SearchResult;
import org.insight.search.SearchResult.FacetCount;

/**
 * Runs one search over one index snapshot: entity matching ({@link EntityMatcher}) and the document query
 * ({@link DocumentQueries}), ranking and paging ({@link Ranking}), the page's hits ({@link HitReader}, with
 * {@link Snippets}) and facets ({@link Facets}); suggestions by {@link Suggestions}. Every Lucene query it makes
 * carries the session's visibility filter as a FILTER clause, and scoring statistics come from visible data only
 * ({@link VisibleStatisticsSearcher}), so nothing invisible reaches a hit, a total, a facet, a score or a snippet.
 *
 * <p>Documents are single Lucene documents: a clause tree becomes one Lucene query. Entities are sets of
 * statements, one Lucene document each, so the clause tree is evaluated over entity ids. Not API.
 */
// Lucene 9.12 deprecates search(Query, Collector) and setRewriteMethod; moving to CollectorManagers and
// rewrite-method constructors belongs to the store API rework (issue 13), not to this warnings pass
@SuppressWarnings("deprecation")
public final class SearchEngine {
  private final SearchContext context;
  private final Cache<DocumentQueries.Kept, Query> documentQueries;

  /**
   * {@code documentQueries}: the store's kept document queries, by the reader's visibility filter and clause tree
   * ({@link DocumentQueries#reusable}).
   */
  SearchEngine(IndexSearcher plain, Query visibility, Schema schema,
      Cache<DocumentQueries.Kept, Query> documentQueries) {
    this.context = SearchContext.of(plain, visibility, schema);
    this.documentQueries = documentQueries;
  }

  /**
   * The Lucene query a clause tree becomes for documents, without any label filter: for benchmarks that run the
   * same query on a raw index searcher as a baseline.
   */
  public static Query documentQueryWithoutLabels(Clause c, Schema schema) {
    return new DocumentQueries(schema, new QueryBuilder(Analysis.perFieldText()), null).of(c);
  }

  SearchResult run(org.insight.search.Query q) throws IOException {
    boolean entities = q.target() != org.insight.search.Query.Target.DOCUMENTS;
    boolean documents = q.target() != org.insight.search.Query.Target.ENTITIES;
    int need = q.offset() + q.limit();
    try {
      Map<String, Float> matched = entities ? new EntityMatcher(context).match(q.match()) : Map.of();
      Query scoring = documents ? documentQuery(q.match()) : null;
      Query docQuery = documents ? context.filtered(LuceneQueries.kind(LuceneStore.DOCUMENT_KIND), scoring) : null;
      Ranking ranking = new Ranking(context);

      List<Ranked> ranked = new ArrayList<>(ranking.rankEntities(matched, q.sort()));
      long documentTotal = 0;
      if (docQuery != null) {
        TopDocs top = ranking.topDocuments(docQuery, q.sort(), need);
        documentTotal = top.totalHits.value;
        ranked.addAll(ranking.rankDocuments(top, q.sort()));
      }
      ranked.sort(Ranking.order(q.sort(), ranked));
      List<Ranked> page = ranked.subList(Math.min(q.offset(), ranked.size()), Math.min(need, ranked.size()));
      List<Hit> hits = new HitReader(context).read(page, docQuery, q.highlight());
      Map<org.insight.search.Query.Facet, List<FacetCount>> facets = new Facets(context).count(q.facets(), matched,
          docQuery);
      return new SearchResult(matched.size() + documentTotal, matched.size(), documentTotal, hits, facets, q.offset());
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QuerySyntaxException("", -1, "the query expands to more than " + IndexSearcher.getMaxClauseCount()
          + " clauses; use fewer terms or longer wildcard prefixes");
    }
  }

  /** The Lucene query of {@code c} over documents: kept and reused when it depends on the clause alone. */
  private Query documentQuery(Clause c) {
    DocumentQueries queries = new DocumentQueries(context.schema(), context.builder(), context.visibility());
    // a failing translation (an unknown property) throws out of the cache's loader and is not kept
    // kept per visibility too: a search must not make faster that of a reader who sees other labels (it would tell
    // that reader what was asked); readers of the same labels see the same data and share the entry
    return DocumentQueries.reusable(c)
        ? documentQueries.get(new DocumentQueries.Kept(context.visibility(), c), k -> queries.of(k.clause()))
        : queries.of(c);
  }

  /**
   * Names that complete {@code prefix}: earlier words must match a name token exactly, the last one as a prefix
   * (transliterated and folded like the names), over visible statements only; most common first.
   */
  List<org.insight.search.Suggestion> suggest(String prefix, int limit) throws IOException {
    return new Suggestions(context).complete(prefix, limit);
  }
}
