package org.insight.search.internal;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntRange;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.geo.Polygon;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.insight.InsightException;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.EntityType;
import org.insight.core.PropertyDef;
import org.insight.core.PropertyType;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.core.json.ModelJson;
import org.insight.nlp.NameSimilarity;
import org.insight.search.Clause;
import org.insight.search.Hit;
import org.insight.search.QuerySyntaxException;
import org.insight.search.SearchResult;
import org.insight.search.SearchResult.FacetCount;

/**
 * Runs one search over one index snapshot. Every Lucene query it makes carries the session's visibility filter as
 * a FILTER clause, and scoring statistics come from visible data only ({@link VisibleStatisticsSearcher}), so
 * nothing invisible reaches a hit, a total, a facet, a score or a snippet.
 *
 * <p>Documents are single Lucene documents: a clause tree becomes one Lucene query. Entities are sets of
 * statements, one Lucene document each, so the clause tree is evaluated over entity ids: each leaf collects the
 * entities with a matching visible statement (best statement score), AND intersects, OR unites, NOT subtracts.
 * Not API.
 */
// Lucene 9.12 deprecates search(Query, Collector) and setRewriteMethod; moving to CollectorManagers and
// rewrite-method constructors belongs to the store API rework (issue 13), not to this warnings pass
@SuppressWarnings("deprecation")
public final class SearchEngine {
  /** Name candidates re-ranked by the name-similarity function. */
  private static final int NAME_CANDIDATES = 2_000;
  /** Below this similarity a name candidate is not a match. */
  static final double NAME_THRESHOLD = 0.72;
  /** Wildcards expand to at most this many terms (the best by frequency), so no pattern can explode. */
  private static final int MAX_EXPANSIONS = 1_024;
  private static final int FACET_VALUES = 20;

  private final IndexSearcher searcher;
  private final Query visibility;
  private final Schema schema;
  private final Analyzer analyzer = Analysis.perFieldText();
  private final QueryBuilder builder = new QueryBuilder(analyzer);
  private Map<String, Float> allEntities;

  SearchEngine(IndexSearcher plain, Query visibility, Schema schema) {
    this.searcher = new VisibleStatisticsSearcher(plain.getIndexReader(), visibility);
    this.visibility = visibility;
    this.schema = schema;
  }

  private SearchEngine(Schema schema) {
    this.searcher = null;
    this.visibility = null;
    this.schema = schema;
  }

  /**
   * The Lucene query a clause tree becomes for documents, without any label filter: for benchmarks that run the
   * same query on a raw index searcher as a baseline.
   */
  public static Query documentQueryWithoutLabels(Clause c, Schema schema) {
    return new SearchEngine(schema).documentQuery(c);
  }

  /** A ranked item before it becomes a hit. */
  private record Ranked(Hit.Kind kind, String id, double score, String key, int doc) {}

  SearchResult run(org.insight.search.Query q) throws IOException {
    boolean entities = q.target() != org.insight.search.Query.Target.DOCUMENTS;
    boolean documents = q.target() != org.insight.search.Query.Target.ENTITIES;
    int need = q.offset() + q.limit();
    try {
      Map<String, Float> matched = entities ? entities(q.match()) : Map.of();
      Query docQuery = documents ? filtered(kind(LuceneStore.DOCUMENT_KIND), documentQuery(q.match())) : null;

      List<Ranked> ranked = new ArrayList<>(rankEntities(matched, q.sort()));
      long documentTotal = 0;
      if (docQuery != null) {
        TopDocs top = topDocuments(docQuery, q.sort(), need);
        documentTotal = top.totalHits.value;
        ranked.addAll(rankDocuments(top, q.sort()));
      }
      ranked.sort(order(q.sort(), ranked));
      List<Ranked> page = ranked.subList(Math.min(q.offset(), ranked.size()), Math.min(need, ranked.size()));
      List<Hit> hits = hits(page, docQuery, q.highlight());
      Map<org.insight.search.Query.Facet, List<FacetCount>> facets = facets(q.facets(), matched, docQuery);
      return new SearchResult(matched.size() + documentTotal, matched.size(), documentTotal, hits, facets, q.offset());
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QuerySyntaxException("", -1, "the query expands to more than " + IndexSearcher.getMaxClauseCount()
          + " clauses; use fewer terms or longer wildcard prefixes");
    }
  }

  /**
   * Names that complete {@code prefix}: earlier words must match a name token exactly, the last one as a prefix
   * (transliterated and folded like the names), over visible statements only; most common first.
   */
  List<org.insight.search.Suggestion> suggest(String prefix, int limit) throws IOException {
    List<String> tokens = Analysis.tokens(Analysis.name(), prefix);
    if (tokens.isEmpty() || tokens.get(tokens.size() - 1).length() < 2) {
      return List.of();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i < tokens.size() - 1; i++) {
      b.add(new TermQuery(new Term(LuceneStore.NAME, tokens.get(i))), Occur.FILTER);
    }
    org.apache.lucene.search.PrefixQuery last =
        new org.apache.lucene.search.PrefixQuery(new Term(LuceneStore.NAME, tokens.get(tokens.size() - 1)));
    last.setRewriteMethod(new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
    b.add(last, Occur.FILTER);
    Query q = new BooleanQuery.Builder()
        .add(kind(LuceneStore.STATEMENT_KIND), Occur.FILTER)
        .add(b.build(), Occur.FILTER)
        .add(visibility, Occur.FILTER).build();
    TopDocs top = searcher.search(q, NAME_CANDIDATES);
    Map<String, Set<String>> entitiesByName = new HashMap<>();
    var stored = searcher.storedFields();
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

  // ---- entities: the clause tree over entity ids

  private Map<String, Float> entities(Clause c) throws IOException {
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
        Map<String, Float> next = entities(part);
        acc = acc == null ? new HashMap<>(next) : intersect(acc, next);
        if (acc.isEmpty()) {
          return acc;
        }
      }
      if (acc == null) {
        acc = new HashMap<>(all());
      }
      for (Clause n : negatives) {
        acc.keySet().removeAll(entities(n).keySet());
      }
      return acc;
    }
    if (c instanceof Clause.Or or) {
      Map<String, Float> acc = new HashMap<>();
      for (Clause part : or.clauses()) {
        entities(part).forEach((id, s) -> acc.merge(id, s, Float::sum));
      }
      return acc;
    }
    if (c instanceof Clause.Not not) {
      Map<String, Float> acc = new HashMap<>(all());
      acc.keySet().removeAll(entities(not.clause()).keySet());
      acc.replaceAll((k, v) -> 0f);
      return acc;
    }
    if (c instanceof Clause.Name name) {
      return names(name.name(), null);
    }
    if (c instanceof Clause.Property p
        && propertyDefs(p.property()).stream().allMatch(d -> d.type() == PropertyType.NAME)) {
      return names(p.value(), p.property());
    }
    return collectEntities(statementLeaf(c));
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

  /** The statement-level Lucene query of a leaf clause. */
  private Query statementLeaf(Clause c) {
    if (c instanceof Clause.Text t) {
      return "title".equals(t.field()) ? new MatchNoDocsQuery() : orNone(builder.createBooleanQuery(LuceneStore.TEXT, t.words(), Occur.MUST));
    }
    if (c instanceof Clause.Phrase p) {
      return orNone(builder.createPhraseQuery(LuceneStore.TEXT, p.words()));
    }
    if (c instanceof Clause.Wildcard w) {
      return wildcard(w.pattern());
    }
    if (c instanceof Clause.Fuzzy f) {
      return new FuzzyQuery(new Term(LuceneStore.TEXT, fold(f.word())), f.edits(), 1, 50, true);
    }
    if (c instanceof Clause.Identifier id) {
      return identifier(id);
    }
    if (c instanceof Clause.Property p) {
      // one property name may have different types in different entity types (Email.address is an e-mail,
      // LegalEntity.address a postal address): match the value as cleaned by any of them
      Set<String> values = new HashSet<>();
      String problem = null;
      for (PropertyDef def : propertyDefs(p.property())) {
        try {
          values.add(def.clean(p.value()));
        } catch (InsightException e) {
          problem = problem == null ? e.getMessage() : problem;
        }
      }
      if (values.isEmpty()) {
        throw new QuerySyntaxException(p.value(), -1, "the value of " + p.property() + " is not valid: " + problem);
      }
      return and(new TermQuery(new Term(LuceneStore.PROPERTY, p.property())), terms(LuceneStore.VALUE, values));
    }
    if (c instanceof Clause.Type t) {
      return terms(LuceneStore.SCHEMA, types(t.schema()));
    }
    if (c instanceof Clause.Dataset d) {
      return new TermQuery(new Term(LuceneStore.DATASET, d.name()));
    }
    if (c instanceof Clause.DateRange r) {
      int from = r.from() == null ? Integer.MIN_VALUE : bound(r.from())[0];
      int to = r.to() == null ? Integer.MAX_VALUE : bound(r.to())[1];
      Query range = IntRange.newIntersectsQuery(LuceneStore.DATE_RANGE, new int[] {from}, new int[] {to});
      return r.property() == null ? range : and(new TermQuery(new Term(LuceneStore.PROPERTY, r.property())), range);
    }
    if (c instanceof Clause.Near n) {
      return LatLonPoint.newDistanceQuery(LuceneStore.GEO, n.lat(), n.lon(), n.km() * 1000);
    }
    if (c instanceof Clause.Within w) {
      return LatLonPoint.newPolygonQuery(LuceneStore.GEO, polygon(w.polygon()));
    }
    throw new IllegalStateException("unhandled clause " + c);
  }

  /** Entities with a visible statement matching {@code leaf}, each with its best statement's score. */
  private Map<String, Float> collectEntities(Query leaf) throws IOException {
    Map<String, Float> out = new HashMap<>();
    searcher.search(filtered(kind(LuceneStore.STATEMENT_KIND), leaf), new EntityScores(out));
    return out;
  }

  /**
   * Name matching: candidates by transliterated tokens, phonetic keys and one-edit variants, then re-ranked by
   * the name-similarity function shared with matching; below the threshold a candidate is dropped.
   */
  private Map<String, Float> names(String name, String property) throws IOException {
    BooleanQuery.Builder candidates = new BooleanQuery.Builder();
    Query tokens = builder.createBooleanQuery(LuceneStore.NAME, name, Occur.SHOULD);
    Query phonetic = builder.createBooleanQuery(LuceneStore.NAME_PHONETIC, name, Occur.SHOULD);
    if (tokens == null && phonetic == null) {
      return Map.of();
    }
    if (tokens != null) {
      candidates.add(tokens, Occur.SHOULD);
      for (String token : Analysis.tokens(Analysis.name(), name)) {
        if (token.length() >= 4) {
          candidates.add(new FuzzyQuery(new Term(LuceneStore.NAME, token), 1, 1, 20, true), Occur.SHOULD);
        }
      }
    }
    if (phonetic != null) {
      candidates.add(phonetic, Occur.SHOULD);
    }
    Query leaf = property == null ? candidates.build() : new BooleanQuery.Builder()
        .add(new TermQuery(new Term(LuceneStore.PROPERTY, property)), Occur.FILTER).add(candidates.build(), Occur.MUST).build();
    TopDocs top = searcher.search(filtered(kind(LuceneStore.STATEMENT_KIND), leaf), NAME_CANDIDATES);
    Map<String, Float> out = new HashMap<>();
    var stored = searcher.storedFields();
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

  private Query identifier(Clause.Identifier id) {
    Set<String> values = new HashSet<>();
    String scheme = id.scheme();
    List<Function<String, String>> cleaners = new ArrayList<>();
    if (scheme == null) {
      cleaners.add(PropertyType.IDENTIFIER::clean);
      cleaners.add(PropertyType.PHONE::clean);
      cleaners.add(v -> LuceneStore.identKey(PropertyType.EMAIL, PropertyType.EMAIL.clean(v)));
    } else if (scheme.equals("phone")) {
      cleaners.add(PropertyType.PHONE::clean);
    } else if (scheme.equals("email")) {
      cleaners.add(v -> LuceneStore.identKey(PropertyType.EMAIL, PropertyType.EMAIL.clean(v)));
    } else {
      if (!PropertyType.identifierSchemes().contains(scheme)) {
        throw new QuerySyntaxException(scheme, -1, "unknown identifier scheme '" + scheme + "'; known: phone, email, "
            + String.join(", ", new java.util.TreeSet<>(PropertyType.identifierSchemes())));
      }
      cleaners.add(v -> PropertyType.IDENTIFIER.clean(v, scheme));
    }
    String firstProblem = null;
    for (Function<String, String> cleaner : cleaners) {
      try {
        values.add(cleaner.apply(id.value()));
      } catch (InsightException e) {
        firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
      }
    }
    if (values.isEmpty()) {
      throw new QuerySyntaxException(id.value(), -1, "not a valid " + (scheme == null ? "identifier" : scheme)
          + ": " + firstProblem);
    }
    Query value = terms(LuceneStore.IDENT, values);
    return scheme == null ? value : and(value, new TermQuery(new Term(LuceneStore.ID_SCHEME, scheme)));
  }

  // ---- documents: the clause tree as one Lucene query

  private Query documentQuery(Clause c) {
    if (c instanceof Clause.All) {
      return new MatchAllDocsQuery();
    }
    if (c instanceof Clause.And and) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      boolean positive = false;
      for (Clause part : and.clauses()) {
        if (part instanceof Clause.Not not) {
          b.add(documentQuery(not.clause()), Occur.MUST_NOT);
        } else {
          b.add(documentQuery(part), Occur.MUST);
          positive = true;
        }
      }
      if (!positive) {
        b.add(new MatchAllDocsQuery(), Occur.MUST);
      }
      return b.build();
    }
    if (c instanceof Clause.Or or) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
      for (Clause part : or.clauses()) {
        b.add(documentQuery(part), Occur.SHOULD);
      }
      return b.build();
    }
    if (c instanceof Clause.Not not) {
      return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
          .add(documentQuery(not.clause()), Occur.MUST_NOT).build();
    }
    if (c instanceof Clause.Text t) {
      if ("title".equals(t.field())) {
        return orNone(builder.createBooleanQuery(LuceneStore.TITLE, t.words(), Occur.MUST));
      }
      List<Query> perLanguage = new ArrayList<>();
      for (String field : Analysis.textFields()) {
        Query q = builder.createBooleanQuery(field, t.words(), Occur.MUST);
        if (q != null) {
          perLanguage.add(q);
        }
      }
      Query title = builder.createBooleanQuery(LuceneStore.TITLE, t.words(), Occur.MUST);
      if (title != null) {
        perLanguage.add(title);
      }
      return perLanguage.isEmpty() ? new MatchNoDocsQuery() : new DisjunctionMaxQuery(perLanguage, 0.1f);
    }
    if (c instanceof Clause.Phrase p) {
      return orNone(builder.createPhraseQuery(LuceneStore.TEXT, p.words()));
    }
    if (c instanceof Clause.Wildcard w) {
      return wildcard(w.pattern());
    }
    if (c instanceof Clause.Fuzzy f) {
      return new FuzzyQuery(new Term(LuceneStore.TEXT, fold(f.word())), f.edits(), 1, 50, true);
    }
    if (c instanceof Clause.Name n) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
      Query exact = builder.createBooleanQuery(LuceneStore.NAME, n.name(), Occur.MUST);
      Query phonetic = builder.createBooleanQuery(LuceneStore.NAME_PHONETIC, n.name(), Occur.MUST);
      if (exact != null) {
        b.add(exact, Occur.SHOULD);
      }
      if (phonetic != null) {
        b.add(phonetic, Occur.SHOULD);
      }
      return exact == null && phonetic == null ? new MatchNoDocsQuery() : b.build();
    }
    if (c instanceof Clause.Identifier id) {
      return orNone(builder.createPhraseQuery(LuceneStore.TEXT, id.value()));
    }
    if (c instanceof Clause.Dataset d) {
      return new TermQuery(new Term(LuceneStore.DATASET, d.name()));
    }
    if (c instanceof Clause.Property p) {
      propertyDefs(p.property()); // an unknown property is an error for documents too
    }
    if (c instanceof Clause.Type t) {
      types(t.schema());
    }
    // properties, types, dates and places belong to entities: a document never matches them
    return new MatchNoDocsQuery("documents have no " + c.getClass().getSimpleName());
  }

  // ---- ranking

  private List<Ranked> rankEntities(Map<String, Float> matched, org.insight.search.Query.Sort sort) throws IOException {
    if (matched.isEmpty()) {
      return List.of();
    }
    Map<String, String> keys = sort == org.insight.search.Query.Sort.SCORE ? Map.of()
        : sortKeys(matched.keySet(), sort == org.insight.search.Query.Sort.NAME ? LuceneStore.SORT_NAME : LuceneStore.SORT_DATE);
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
   * The top documents and their exact total in one pass over the visible matches. By score, ties fall back to the
   * index order and are then ordered by id; by name, Lucene sorts on the name key and id.
   */
  private TopDocs topDocuments(Query docQuery, org.insight.search.Query.Sort sort, int need) throws IOException {
    int n = Math.max(1, need);
    if (sort == org.insight.search.Query.Sort.NAME) {
      Sort byName = new Sort(new SortField(LuceneStore.SORT_NAME, SortField.Type.STRING),
          new SortField(LuceneStore.ID, SortField.Type.STRING));
      return searcher.search(docQuery, new org.apache.lucene.search.TopFieldCollectorManager(byName, n, null, Integer.MAX_VALUE, false));
    }
    return searcher.search(docQuery, new org.apache.lucene.search.TopScoreDocCollectorManager(n, null, Integer.MAX_VALUE, false));
  }

  private List<Ranked> rankDocuments(TopDocs top, org.insight.search.Query.Sort sort) throws IOException {
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
    IndexReader reader = searcher.getIndexReader();
    for (ScoreDoc sd : top.scoreDocs) {
      LeafReaderContext leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, reader.leaves()));
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
    Query q = filtered(kind(LuceneStore.STATEMENT_KIND), restrictTo(ids));
    searcher.search(q, new EntityValues(field, (entity, value) -> {
      if (ids.contains(entity)) {
        out.merge(entity, value, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }));
    return out;
  }

  private static Comparator<Ranked> order(org.insight.search.Query.Sort sort, List<Ranked> all) {
    Comparator<Ranked> byId = Comparator.comparing((Ranked r) -> r.kind()).thenComparing(Ranked::id);
    if (sort == org.insight.search.Query.Sort.SCORE) {
      return Comparator.comparingDouble((Ranked r) -> -r.score()).thenComparing(byId);
    }
    // missing keys last; DATE sorts oldest first, NAME alphabetically
    return Comparator.comparing((Ranked r) -> r.key() == null ? "\uffff" : r.key()).thenComparing(byId);
  }

  // ---- hits

  private List<Hit> hits(List<Ranked> page, Query docQuery, boolean highlight) throws IOException {
    List<Integer> docIds = page.stream().filter(r -> r.kind() == Hit.Kind.DOCUMENT).map(Ranked::doc).toList();
    Map<Integer, String> snippets = highlight && !docIds.isEmpty() ? highlights(docQuery, docIds) : Map.of();
    List<Hit> hits = new ArrayList<>();
    var stored = searcher.storedFields();
    Map<String, List<org.insight.core.Mention>> mentions = mentions(page.stream()
        .filter(r -> r.kind() == Hit.Kind.DOCUMENT).map(Ranked::id).collect(Collectors.toSet()));
    for (Ranked r : page) {
      if (r.kind() == Hit.Kind.ENTITY) {
        hits.add(new Hit(r.kind(), r.id(), r.score(), Optional.of(entity(r.id())), Optional.empty(), List.of(), List.of()));
      } else {
        Document d = LuceneStore.readDocument(stored.document(r.doc()));
        String s = snippets.get(r.doc());
        hits.add(new Hit(r.kind(), r.id(), r.score(), Optional.empty(), Optional.of(d), s == null ? List.of() : List.of(s),
            mentions.getOrDefault(d.id(), List.of())));
      }
    }
    return hits;
  }

  /** The visible mentions of the page's documents, in one query, each list in text order. */
  private Map<String, List<org.insight.core.Mention>> mentions(Set<String> documentIds) throws IOException {
    if (documentIds.isEmpty()) {
      return Map.of();
    }
    Query q = new BooleanQuery.Builder()
        .add(kind(LuceneStore.MENTION_KIND), Occur.FILTER)
        .add(terms(LuceneStore.MENTION_OF, documentIds), Occur.FILTER)
        .add(visibility, Occur.FILTER).build();
    Map<String, List<org.insight.core.Mention>> out = new HashMap<>();
    var stored = searcher.storedFields();
    for (ScoreDoc sd : searcher.search(q, 100_000).scoreDocs) {
      org.insight.core.Mention m = ModelJson.mention(ModelJson.read(stored.document(sd.doc).get(LuceneStore.JSON)));
      out.computeIfAbsent(m.documentId(), k -> new ArrayList<>()).add(m);
    }
    out.values().forEach(list -> list.sort(
        Comparator.comparingInt(org.insight.core.Mention::start).thenComparing(org.insight.core.Mention::id)));
    return out;
  }

  private Entity entity(String id) throws IOException {
    Query q = filtered(kind(LuceneStore.STATEMENT_KIND), new TermQuery(new Term(LuceneStore.ENTITY, id)));
    List<Statement> statements = new ArrayList<>();
    var stored = searcher.storedFields();
    for (ScoreDoc sd : searcher.search(q, Math.max(1, searcher.getIndexReader().numDocs())).scoreDocs) {
      statements.add(ModelJson.statement(ModelJson.read(stored.document(sd.doc).get(LuceneStore.JSON))));
    }
    return Entity.of(new EntityId(id), statements, schema);
  }

  private Map<Integer, String> highlights(Query docQuery, List<Integer> docIds) throws IOException {
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
        .withFieldMatcher(field -> true).withWeightMatches(false).withMaxLength(100_000).build();
    ScoreDoc[] docs = docIds.stream().sorted().map(d -> new ScoreDoc(d, 0)).toArray(ScoreDoc[]::new);
    String[] out = highlighter.highlight(LuceneStore.TEXT, docQuery, new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs), 2);
    Map<Integer, String> map = new HashMap<>();
    for (int i = 0; i < docs.length; i++) {
      if (out[i] != null) {
        map.put(docs[i].doc, out[i].replace('\n', ' ').trim());
      }
    }
    return map;
  }

  // ---- facets

  private Map<org.insight.search.Query.Facet, List<FacetCount>> facets(List<org.insight.search.Query.Facet> wanted,
      Map<String, Float> matched, Query docQuery) throws IOException {
    Map<org.insight.search.Query.Facet, List<FacetCount>> out = new LinkedHashMap<>();
    for (org.insight.search.Query.Facet f : wanted) {
      Map<String, Long> counts = new HashMap<>();
      String field = facetField(f);
      if (!matched.isEmpty() && field != null && f != org.insight.search.Query.Facet.LANGUAGE) {
        // an entity counts once per value, over its visible statements only
        Map<String, Set<String>> perValue = new HashMap<>();
        Query q = filtered(kind(LuceneStore.STATEMENT_KIND), restrictTo(matched.keySet()));
        searcher.search(q, new EntityValues(field, (entity, value) -> {
          if (matched.containsKey(entity)) {
            perValue.computeIfAbsent(value, k -> new HashSet<>()).add(entity);
          }
        }));
        perValue.forEach((v, ents) -> counts.merge(v, (long) ents.size(), Long::sum));
      }
      if (docQuery != null && field != null && (f == org.insight.search.Query.Facet.DATASET
          || f == org.insight.search.Query.Facet.LANGUAGE || f == org.insight.search.Query.Facet.GRADING)) {
        searcher.search(docQuery, new ValueCounts(field, counts));
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

  // ---- helpers

  private Query filtered(Query... parts) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i < parts.length; i++) {
      // the first part scores; kind and visibility only filter
      b.add(parts[i], i == parts.length - 1 ? Occur.MUST : Occur.FILTER);
    }
    b.add(visibility, Occur.FILTER);
    return b.build();
  }

  private static Query kind(String kind) {
    return new TermQuery(new Term(LuceneStore.KIND, kind));
  }

  /** Both keyword conditions; exact matches carry no relevance, so the result scores a constant. */
  private static Query and(Query a, Query b) {
    return new org.apache.lucene.search.ConstantScoreQuery(
        new BooleanQuery.Builder().add(a, Occur.FILTER).add(b, Occur.FILTER).build());
  }

  private static Query orNone(Query q) {
    return q == null ? new MatchNoDocsQuery("no searchable words") : q;
  }

  private Query restrictTo(Set<String> ids) {
    return ids.size() <= 10_000 ? terms(LuceneStore.ENTITY, ids) : new MatchAllDocsQuery();
  }

  private static Query terms(String field, Set<String> values) {
    if (values.isEmpty()) {
      return new MatchNoDocsQuery();
    }
    List<BytesRef> refs = new ArrayList<>();
    values.forEach(v -> refs.add(new BytesRef(v)));
    return new TermInSetQuery(field, refs);
  }

  private static Query wildcard(String pattern) {
    WildcardQuery q = new WildcardQuery(new Term(LuceneStore.TEXT, fold(pattern)));
    q.setRewriteMethod(new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
    return q;
  }

  /** Case and diacritic folding for terms that bypass analysis (wildcards, fuzzy words). */
  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }

  private Set<String> types(String name) {
    try {
      schema.type(name);
    } catch (InsightException e) {
      throw new QuerySyntaxException(name, -1, e.getMessage());
    }
    return schema.types().stream().filter(t -> t.isA(name)).map(EntityType::name).collect(Collectors.toSet());
  }

  private List<PropertyDef> propertyDefs(String property) {
    List<PropertyDef> defs = new ArrayList<>();
    for (EntityType t : schema.types()) {
      if (t.has(property) && !defs.contains(t.property(property))) {
        defs.add(t.property(property));
      }
    }
    if (!defs.isEmpty()) {
      return defs;
    }
    Set<String> known = new java.util.TreeSet<>();
    schema.types().forEach(t -> known.addAll(t.properties().keySet()));
    throw new QuerySyntaxException(property, -1, "unknown property '" + property + "'; known properties: "
        + String.join(", ", known));
  }

  private static int[] bound(String raw) {
    try {
      return PartialDates.bound(raw);
    } catch (InsightException e) {
      throw new QuerySyntaxException(raw, -1, "'" + raw + "' is not a date bound: " + e.getMessage());
    }
  }

  private static Polygon polygon(List<double[]> points) {
    List<double[]> ring = new ArrayList<>(points);
    double[] first = ring.get(0);
    double[] last = ring.get(ring.size() - 1);
    if (first[0] != last[0] || first[1] != last[1]) {
      ring.add(first);
    }
    double[] lats = ring.stream().mapToDouble(p -> p[0]).toArray();
    double[] lons = ring.stream().mapToDouble(p -> p[1]).toArray();
    try {
      return new Polygon(lats, lons);
    } catch (IllegalArgumentException e) {
      throw new QuerySyntaxException("", -1, "the polygon is not valid: " + e.getMessage());
    }
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
