package org.insight.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;
import org.insight.core.PropertyType;
import org.insight.core.json.ModelJson;
import org.insight.names.NameSimilarity;
import org.insight.search.Clause;

/**
 * Evaluates a clause tree over entity ids: each leaf collects the entities having a visible statement that matches
 * (best statement score), AND intersects, OR unites, NOT subtracts from the visible entities. Names take candidates
 * by tokens, phonetic keys and one-edit variants, re-ranked by {@link NameSimilarity}. Not API.
 */
// Lucene 9.12 deprecates search(Query, Collector) and setRewriteMethod; moving to CollectorManagers is left for a
// later pass
@SuppressWarnings("deprecation")
final class EntityMatcher {
  /** Name candidates re-ranked by the name-similarity function. */
  static final int NAME_CANDIDATES = 2_000;
  /** Below this similarity a name candidate is not a match. */
  static final double NAME_THRESHOLD = 0.72;
  /** A name token's one-edit variants: its nearest visible ones, at most this many. */
  static final int NAME_FUZZY_EXPANSIONS = 20;

  private final SearchContext context;
  private final StatementQueries statements;
  private Map<String, Float> allEntities;

  EntityMatcher(SearchContext context) {
    this.context = context;
    this.statements = new StatementQueries(context.schema(), context.builder(), context.visibility());
  }

  /** The entities matching {@code c}, each with its score. */
  Map<String, Float> match(Clause c) throws IOException {
    if (c instanceof Clause.All) {
      return all();
    }
    if (c instanceof Clause.And and) {
      Map<String, Float> acc = null;
      List<Clause> negatives = new ArrayList<>();
      for (Clause part : and.clauses()) {
        if (part instanceof Clause.Not not) {
          negatives.add(not.clause());
          continue;
        }
        Map<String, Float> next = match(part);
        acc = acc == null ? new HashMap<>(next) : intersect(acc, next);
        if (acc.isEmpty()) {
          return acc;
        }
      }
      if (acc == null) {
        acc = new HashMap<>(all());
      }
      for (Clause n : negatives) {
        acc.keySet().removeAll(match(n).keySet());
      }
      return acc;
    }
    if (c instanceof Clause.Or or) {
      Map<String, Float> acc = new HashMap<>();
      for (Clause part : or.clauses()) {
        match(part).forEach((id, s) -> acc.merge(id, s, Float::sum));
      }
      return acc;
    }
    if (c instanceof Clause.Not not) {
      Map<String, Float> acc = new HashMap<>(all());
      acc.keySet().removeAll(match(not.clause()).keySet());
      acc.replaceAll((k, v) -> 0f);
      return acc;
    }
    if (c instanceof Clause.Name name) {
      return names(name.name(), null);
    }
    if (c instanceof Clause.Property p
        && SchemaTerms.propertyDefs(context.schema(), p.property()).stream()
            .allMatch(d -> d.type() == PropertyType.NAME)) {
      return names(p.value(), p.property());
    }
    return collectEntities(statements.leaf(c));
  }

  private Map<String, Float> all() throws IOException {
    if (allEntities == null) {
      Map<String, Float> all = collectEntities(new MatchAllDocsQuery());
      all.replaceAll((k, v) -> 1f);
      allEntities = all;
    }
    return allEntities;
  }

  private static Map<String, Float> intersect(Map<String, Float> a, Map<String, Float> b) {
    Map<String, Float> out = new HashMap<>();
    Map<String, Float> small = a.size() <= b.size() ? a : b;
    Map<String, Float> large = small == a ? b : a;
    small.forEach((id, s) -> {
      Float t = large.get(id);
      if (t != null) {
        out.put(id, s + t);
      }
    });
    return out;
  }

  /** Entities with a visible statement matching {@code leaf}, each with its best statement's score. */
  private Map<String, Float> collectEntities(Query leaf) throws IOException {
    Map<String, Float> out = new HashMap<>();
    context.searcher().search(context.filtered(LuceneQueries.kind(LuceneStore.STATEMENT_KIND), leaf),
        new EntityScores(out));
    return out;
  }

  /**
   * Name matching: candidates by transliterated tokens, phonetic keys and one-edit variants, then re-ranked by
   * the name-similarity function shared with matching; below the threshold a candidate is dropped.
   */
  private Map<String, Float> names(String name, String property) throws IOException {
    Query leaf = nameCandidates(context.builder(), name, property, context.visibility());
    if (leaf == null) {
      return Map.of();
    }
    TopDocs top = context.searcher().search(context.filtered(LuceneQueries.kind(LuceneStore.STATEMENT_KIND), leaf),
        NAME_CANDIDATES);
    Map<String, Float> out = new HashMap<>();
    var stored = context.searcher().storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      var doc = stored.document(sd.doc, Set.of(LuceneStore.STORED_VALUE, LuceneStore.JSON));
      double similarity = NameSimilarity.score(name, doc.get(LuceneStore.STORED_VALUE));
      if (similarity >= NAME_THRESHOLD) {
        String entity = ModelJson.read(doc.get(LuceneStore.JSON)).path("entityId").asText();
        out.merge(entity, (float) similarity, Math::max);
      }
    }
    return out;
  }

  /**
   * The statement query that takes a name's candidates: its transliterated tokens, their one-edit variants (over the
   * data of {@code visibility}, the whole index when null) and its phonetic keys, of {@code property} when not null;
   * null when the name has nothing to search for.
   */
  static Query nameCandidates(QueryBuilder builder, String name, String property, Query visibility) {
    BooleanQuery.Builder candidates = new BooleanQuery.Builder();
    Query tokens = builder.createBooleanQuery(LuceneStore.NAME, name, Occur.SHOULD);
    Query phonetic = builder.createBooleanQuery(LuceneStore.NAME_PHONETIC, name, Occur.SHOULD);
    if (tokens == null && phonetic == null) {
      return null;
    }
    if (tokens != null) {
      candidates.add(tokens, Occur.SHOULD);
      for (String token : Analysis.tokens(Analysis.name(), name)) {
        if (token.length() >= 4) {
          candidates.add(LuceneQueries.fuzzy(LuceneStore.NAME, token, 1, NAME_FUZZY_EXPANSIONS, visibility),
              Occur.SHOULD);
        }
      }
    }
    if (phonetic != null) {
      candidates.add(phonetic, Occur.SHOULD);
    }
    return property == null ? candidates.build() : new BooleanQuery.Builder()
        .add(new TermQuery(new Term(LuceneStore.PROPERTY, property)), Occur.FILTER)
        .add(candidates.build(), Occur.MUST).build();
  }

  /** Best score per entity, read from the entity doc values of matching statements. */
  private static final class EntityScores implements Collector {
    private final Map<String, Float> out;

    EntityScores(Map<String, Float> out) {
      this.out = out;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues entities = context.reader().getSortedSetDocValues(LuceneStore.ENTITY);
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          if (entities != null && entities.advanceExact(doc)) {
            String id = entities.lookupOrd(entities.nextOrd()).utf8ToString();
            out.merge(id, scorer.score(), Math::max);
          }
        }
      };
    }
  }
}
