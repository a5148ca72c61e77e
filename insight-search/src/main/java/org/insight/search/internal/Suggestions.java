package org.insight.search.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.insight.core.json.ModelJson;

/** Name completions over visible statements, counted per distinct visible entity. Not API. */
// Lucene 9.12 deprecates search(Query, Collector) and setRewriteMethod; moving to CollectorManagers is left for a
// later pass
@SuppressWarnings("deprecation")
final class Suggestions {
  private final SearchContext context;

  Suggestions(SearchContext context) {
    this.context = context;
  }

  /**
   * Names that complete {@code prefix}: earlier words must match a name token exactly, the last one as a prefix
   * (transliterated and folded like the names), over visible statements only; most common first.
   */
  List<org.insight.search.Suggestion> complete(String prefix, int limit) throws IOException {
    List<String> tokens = Analysis.tokens(Analysis.name(), prefix);
    if (tokens.isEmpty() || tokens.get(tokens.size() - 1).length() < 2) {
      return List.of();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i < tokens.size() - 1; i++) {
      b.add(new TermQuery(new Term(LuceneStore.NAME, tokens.get(i))), Occur.FILTER);
    }
    // the completions of the last word: among visible names only, so an invisible name never takes a visible one's
    // place among the first MAX_EXPANSIONS
    Query last = new VisibleExpansion(
        new org.apache.lucene.search.PrefixQuery(new Term(LuceneStore.NAME, tokens.get(tokens.size() - 1))),
        context.visibility(), LuceneQueries.MAX_EXPANSIONS, VisibleExpansion.OverCap.KEEP_BEST, false);
    b.add(last, Occur.FILTER);
    Query q = new BooleanQuery.Builder()
        .add(LuceneQueries.kind(LuceneStore.STATEMENT_KIND), Occur.FILTER)
        .add(b.build(), Occur.FILTER)
        .add(context.visibility(), Occur.FILTER).build();
    TopDocs top = context.searcher().search(q, EntityMatcher.NAME_CANDIDATES);
    Map<String, Set<String>> entitiesByName = new HashMap<>();
    var stored = context.searcher().storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      var doc = stored.document(sd.doc, Set.of(LuceneStore.STORED_VALUE, LuceneStore.JSON));
      String entity = ModelJson.read(doc.get(LuceneStore.JSON)).path("entityId").asText();
      entitiesByName.computeIfAbsent(doc.get(LuceneStore.STORED_VALUE), k -> new HashSet<>()).add(entity);
    }
    return entitiesByName.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Set<String>> e) -> -e.getValue().size())
            .thenComparing(Map.Entry::getKey))
        .limit(limit)
        .map(e -> new org.insight.search.Suggestion(e.getKey(), e.getValue().size()))
        .toList();
  }
}
