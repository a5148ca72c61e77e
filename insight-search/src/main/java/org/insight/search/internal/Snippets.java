package org.insight.search.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Highlighted snippets of the page's documents only (the UnifiedHighlighter over visible statistics). Not API. */
final class Snippets {
  private final SearchContext context;

  Snippets(SearchContext context) {
    this.context = context;
  }

  /** Up to two passages of each of {@code docIds} that match {@code docQuery}, by Lucene doc id. */
  Map<Integer, String> of(Query docQuery, List<Integer> docIds) throws IOException {
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(context.searcher(), context.analyzer())
        .withFieldMatcher(field -> true).withWeightMatches(false).withMaxLength(100_000).build();
    ScoreDoc[] docs = docIds.stream().sorted().map(d -> new ScoreDoc(d, 0)).toArray(ScoreDoc[]::new);
    TopDocs top = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
    String[] out = highlighter.highlight(LuceneStore.TEXT, docQuery, top, 2);
    Map<Integer, String> map = new HashMap<>();
    for (int i = 0; i < docs.length; i++) {
      if (out[i] != null) {
        map.put(docs[i].doc, out[i].replace('\n', ' ').trim());
      }
    }
    return map;
  }
}
