package org.insight.search.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.IntRange;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.geo.Polygon;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.insight.InsightException;
import org.insight.core.PropertyDef;
import org.insight.core.PropertyType;
import org.insight.core.Schema;
import org.insight.search.Clause;
import org.insight.search.QuerySyntaxException;

/**
 * Translates a leaf clause into the Lucene query its matching statements answer (text, phrase, wildcard, fuzzy,
 * identifier, property, type, dataset, date range, near, within). Values are cleaned as the data was; an invalid one
 * is a {@link QuerySyntaxException}. Not API.
 */
final class StatementQueries {
  private final Schema schema;
  private final QueryBuilder builder;
  private final Query visibility;

  /** {@code visibility}: the session's filter, over whose data patterns expand (null: the whole index). */
  StatementQueries(Schema schema, QueryBuilder builder, Query visibility) {
    this.schema = schema;
    this.builder = builder;
    this.visibility = visibility;
  }

  /** The statement-level Lucene query of a leaf clause. */
  Query leaf(Clause c) {
    if (c instanceof Clause.Text t) {
      return "title".equals(t.field()) ? new MatchNoDocsQuery()
          : LuceneQueries.orNone(builder.createBooleanQuery(LuceneStore.TEXT, t.words(), Occur.MUST));
    }
    if (c instanceof Clause.AnyOf any) {
      return LuceneQueries.orNone(builder.createBooleanQuery(LuceneStore.TEXT, any.words(), Occur.SHOULD));
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
    if (c instanceof Clause.Identifier id) {
      return identifier(id);
    }
    if (c instanceof Clause.Property p) {
      // one property name may have different types in different entity types (Email.address is an e-mail,
      // LegalEntity.address a postal address): match the value as cleaned by any of them
      Set<String> values = new HashSet<>();
      String problem = null;
      for (PropertyDef def : SchemaTerms.propertyDefs(schema, p.property())) {
        try {
          values.add(def.clean(p.value()));
        } catch (InsightException e) {
          problem = problem == null ? e.getMessage() : problem;
        }
      }
      if (values.isEmpty()) {
        throw new QuerySyntaxException(p.value(), -1, "the value of " + p.property() + " is not valid: " + problem);
      }
      return LuceneQueries.and(new TermQuery(new Term(LuceneStore.PROPERTY, p.property())),
          LuceneQueries.terms(LuceneStore.VALUE, values));
    }
    if (c instanceof Clause.Type t) {
      return LuceneQueries.terms(LuceneStore.SCHEMA, SchemaTerms.types(schema, t.schema()));
    }
    if (c instanceof Clause.Dataset d) {
      return new TermQuery(new Term(LuceneStore.DATASET, d.name()));
    }
    if (c instanceof Clause.DateRange r) {
      int from = r.from() == null ? Integer.MIN_VALUE : bound(r.from())[0];
      int to = r.to() == null ? Integer.MAX_VALUE : bound(r.to())[1];
      Query range = IntRange.newIntersectsQuery(LuceneStore.DATE_RANGE, new int[] {from}, new int[] {to});
      return r.property() == null ? range
          : LuceneQueries.and(new TermQuery(new Term(LuceneStore.PROPERTY, r.property())), range);
    }
    if (c instanceof Clause.Near n) {
      return LatLonPoint.newDistanceQuery(LuceneStore.GEO, n.lat(), n.lon(), n.km() * 1000);
    }
    if (c instanceof Clause.Within w) {
      return LatLonPoint.newPolygonQuery(LuceneStore.GEO, polygon(w.polygon()));
    }
    throw new IllegalStateException("unhandled clause " + c);
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
    Query value = LuceneQueries.terms(LuceneStore.IDENT, values);
    return scheme == null ? value : LuceneQueries.and(value, new TermQuery(new Term(LuceneStore.ID_SCHEME, scheme)));
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
}
