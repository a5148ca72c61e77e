package org.insight.search.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.insight.core.Schema;
import org.insight.search.Clause;

/**
 * Translates a clause tree into one Lucene query over documents: words as a DisjunctionMax over the language fields
 * and the title, names by tokens and phonetic keys; properties, types, dates and places match no document. Not API.
 */
final class DocumentQueries {
  private final Schema schema;
  private final QueryBuilder builder;
  private final Query visibility;

  /** {@code visibility}: the session's filter, over whose data patterns expand (null: the whole index). */
  DocumentQueries(Schema schema, QueryBuilder builder, Query visibility) {
    this.schema = schema;
    this.builder = builder;
    this.visibility = visibility;
  }

  /** The key of a kept document query: the reader's visibility filter (null: the whole index) and the clause tree. */
  record Kept(Query visibility, Clause clause) {}

  /**
   * Whether the query of {@code c} depends on the clause alone (and the schema and analyzers, fixed per store), so it
   * may be kept and reused by any session over any snapshot: false when it holds a wildcard or a fuzzy word, which
   * expand over the words the session sees in one snapshot, or a polygon (its points compare by identity, so keeping
   * it would gain nothing).
   */
  static boolean reusable(Clause c) {
    if (c instanceof Clause.And and) {
      return and.clauses().stream().allMatch(DocumentQueries::reusable);
    }
    if (c instanceof Clause.Or or) {
      return or.clauses().stream().allMatch(DocumentQueries::reusable);
    }
    if (c instanceof Clause.Not not) {
      return reusable(not.clause());
    }
    // named one by one, so that a clause added later is not kept until someone has checked it expands over nothing
    return c instanceof Clause.All || c instanceof Clause.Text || c instanceof Clause.AnyOf
        || c instanceof Clause.Phrase || c instanceof Clause.Name || c instanceof Clause.Identifier
        || c instanceof Clause.Property || c instanceof Clause.Type || c instanceof Clause.DateRange
        || c instanceof Clause.Near || c instanceof Clause.Dataset;
  }

  /** The Lucene query of {@code c} over documents (no kind or label filter). */
  Query of(Clause c) {
    if (c instanceof Clause.All) {
      return new MatchAllDocsQuery();
    }
    if (c instanceof Clause.And and) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      boolean positive = false;
      for (Clause part : and.clauses()) {
        if (part instanceof Clause.Not not) {
          b.add(of(not.clause()), Occur.MUST_NOT);
        } else {
          b.add(of(part), Occur.MUST);
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
        b.add(of(part), Occur.SHOULD);
      }
      return b.build();
    }
    if (c instanceof Clause.Not not) {
      return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
          .add(of(not.clause()), Occur.MUST_NOT).build();
    }
    if (c instanceof Clause.Text t) {
      if ("title".equals(t.field())) {
        return LuceneQueries.orNone(builder.createBooleanQuery(LuceneStore.TITLE, t.words(), Occur.MUST));
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
    if (c instanceof Clause.AnyOf any) {
      return anyOf(any.words());
    }
    if (c instanceof Clause.Phrase p) {
      return LuceneQueries.orNone(builder.createPhraseQuery(LuceneStore.TEXT, p.words()));
    }
    if (c instanceof Clause.Wildcard w) {
      return LuceneQueries.wildcard(w.pattern(), visibility);
    }
    if (c instanceof Clause.Fuzzy f) {
      return LuceneQueries.fuzzy(LuceneStore.TEXT, LuceneQueries.fold(f.word()), f.edits(),
          LuceneQueries.MAX_FUZZY_EXPANSIONS, visibility);
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
      return LuceneQueries.orNone(builder.createPhraseQuery(LuceneStore.TEXT, id.value()));
    }
    if (c instanceof Clause.Dataset d) {
      return new TermQuery(new Term(LuceneStore.DATASET, d.name()));
    }
    if (c instanceof Clause.Property p) {
      SchemaTerms.propertyDefs(schema, p.property()); // an unknown property is an error for documents too
    }
    if (c instanceof Clause.Type t) {
      SchemaTerms.types(schema, t.schema());
    }
    // properties, types, dates and places belong to entities: a document never matches them
    return new MatchNoDocsQuery("documents have no " + c.getClass().getSimpleName());
  }

  /**
   * Any of the words, BM25 over each document's own text field: the field of its language analysed as that language
   * (a document has at most one), or the language-neutral field for a document in no supported language, plus its
   * title. A document is never scored in both its language field and the neutral one: the neutral field keeps stop
   * words and unstemmed forms, and taking the better of two differently analysed scores per document (as the
   * all-words DisjunctionMax does) reorders documents by analysis noise rather than by relevance.
   */
  private Query anyOf(String words) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    BooleanQuery.Builder hasLanguage = new BooleanQuery.Builder();
    boolean clauses = false;
    for (String language : Analysis.LANGUAGES) {
      String field = Analysis.textField(language);
      hasLanguage.add(new FieldExistsQuery(field), Occur.SHOULD);
      Query q = builder.createBooleanQuery(field, words, Occur.SHOULD);
      if (q != null) {
        any.add(q, Occur.SHOULD);
        clauses = true;
      }
    }
    Query neutral = builder.createBooleanQuery(LuceneStore.TEXT, words, Occur.SHOULD);
    if (neutral != null) {
      any.add(new BooleanQuery.Builder().add(neutral, Occur.MUST).add(hasLanguage.build(), Occur.MUST_NOT).build(),
          Occur.SHOULD);
      clauses = true;
    }
    Query title = builder.createBooleanQuery(LuceneStore.TITLE, words, Occur.SHOULD);
    if (title != null) {
      any.add(title, Occur.SHOULD);
      clauses = true;
    }
    return clauses ? any.build() : new MatchNoDocsQuery("no word to search for");
  }
}
