package org.insight.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Statement;
import org.insight.core.json.ModelJson;
import org.insight.search.Hit;

/**
 * Reads one page of ranked items into hits: an entity with its visible statements, a document with its snippets and
 * visible mentions. Not API.
 */
final class HitReader {
  private final SearchContext context;

  HitReader(SearchContext context) {
    this.context = context;
  }

  /** The page's hits: entity views, or stored documents with their snippets and visible mentions. */
  List<Hit> read(List<Ranked> page, Query docQuery, boolean highlight) throws IOException {
    List<Integer> docIds = page.stream().filter(r -> r.kind() == Hit.Kind.DOCUMENT).map(Ranked::doc).toList();
    Map<Integer, String> snippets =
        highlight && !docIds.isEmpty() ? new Snippets(context).of(docQuery, docIds) : Map.of();
    List<Hit> hits = new ArrayList<>();
    var stored = context.searcher().storedFields();
    Map<String, List<org.insight.core.Mention>> mentions = mentions(page.stream()
        .filter(r -> r.kind() == Hit.Kind.DOCUMENT).map(Ranked::id).collect(Collectors.toSet()));
    for (Ranked r : page) {
      if (r.kind() == Hit.Kind.ENTITY) {
        hits.add(new Hit(r.kind(), r.id(), r.score(), Optional.of(entity(r.id())), Optional.empty(), List.of(),
            List.of()));
      } else {
        Document d = LuceneStore.readDocument(stored.document(r.doc()));
        String s = snippets.get(r.doc());
        hits.add(new Hit(r.kind(), r.id(), r.score(), Optional.empty(), Optional.of(d),
            s == null ? List.of() : List.of(s), mentions.getOrDefault(d.id(), List.of())));
      }
    }
    return hits;
  }

  /** The visible mentions of the page's documents, in one query, each list in text order. */
  private Map<String, List<org.insight.core.Mention>> mentions(Set<String> documentIds) throws IOException {
    if (documentIds.isEmpty() || context.searcher().getIndexReader()
        .docFreq(new Term(LuceneStore.KIND, LuceneStore.MENTION_KIND)) == 0) {
      return Map.of(); // no mention in the segments read: no query to build and run
    }
    Query q = new BooleanQuery.Builder()
        .add(LuceneQueries.kind(LuceneStore.MENTION_KIND), Occur.FILTER)
        .add(LuceneQueries.terms(LuceneStore.MENTION_OF, documentIds), Occur.FILTER)
        .add(context.visibility(), Occur.FILTER).build();
    Map<String, List<org.insight.core.Mention>> out = new HashMap<>();
    var stored = context.searcher().storedFields();
    // one unscored pass over the visible matches (no queue, so nothing is sized by invisible data)
    for (int doc : LuceneStore.allDocs(context.searcher(), q, 100_000)) {
      org.insight.core.Mention m = ModelJson.mention(ModelJson.read(stored.document(doc).get(LuceneStore.JSON)));
      out.computeIfAbsent(m.documentId(), k -> new ArrayList<>()).add(m);
    }
    out.values().forEach(list -> list.sort(
        Comparator.comparingInt(org.insight.core.Mention::start).thenComparing(org.insight.core.Mention::id)));
    return out;
  }

  private Entity entity(String id) throws IOException {
    Query q = context.filtered(LuceneQueries.kind(LuceneStore.STATEMENT_KIND),
        new TermQuery(new Term(LuceneStore.ENTITY, id)));
    List<Statement> statements = new ArrayList<>();
    var stored = context.searcher().storedFields();
    // sized by the entity's visible statements, not by the index (whose size counts invisible data, issue 14)
    int all = Math.max(1, context.searcher().count(q));
    for (ScoreDoc sd : context.searcher().search(q, all).scoreDocs) {
      statements.add(ModelJson.statement(ModelJson.read(stored.document(sd.doc).get(LuceneStore.JSON))));
    }
    return Entity.of(new EntityId(id), statements, context.schema());
  }
}
