package org.insight.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to search for, what to filter by, and how to shape the results. Immutable; every method returns a new
 * query. Build one in code, or parse what an analyst typed with {@link #parse(String)}.
 *
 * <pre>{@code
 * Query q = Query.name("Ivan Petrov").and(Query.property("nationality", "ru"))
 *     .type("Person").dateRange("birthDate", "1970", "1980").limit(20).facets(Facet.DATASET, Facet.COUNTRY);
 * SearchResult r = session.search(q);
 * }</pre>
 *
 * @param match what must match, a tree of {@link Clause}s
 * @param target entities, documents or both
 * @param offset the first hit to return, 0-based
 * @param limit at most this many hits
 * @param sort the order of the hits
 * @param facets the facets to count over the visible matches
 * @param highlight whether document hits carry highlighted snippets
 */
public record Query(Clause match, Target target, int offset, int limit, Sort sort, List<Facet> facets, boolean highlight) {
  /** The most hits one page may hold. */
  public static final int MAX_LIMIT = 10_000;
  /** The deepest a page may start: the hits before it are ranked too, so deeper paging is a scan's job. */
  public static final int MAX_OFFSET = 1_000_000;

  public Query {
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(sort, "sort");
    facets = List.copyOf(facets);
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new QuerySyntaxException("", -1, "the page offset " + offset + " is out of range: a search pages from 0 "
          + "to " + MAX_OFFSET + "; to go through every match, narrow the query or scan the entities instead");
    }
    if (limit < 0 || limit > MAX_LIMIT) {
      throw new QuerySyntaxException("", -1, "the page limit " + limit + " is out of range: a page holds 0 to "
          + MAX_LIMIT + " hits; ask for fewer and page with the offset");
    }
  }

  /** Which kind of item a query returns. */
  public enum Target { ENTITIES, DOCUMENTS, ALL }

  /** The order of hits. Ties break by id, so pages are stable. */
  public enum Sort { SCORE, DATE, NAME }

  /** Facets counted over the visible matches. */
  public enum Facet { SCHEMA, DATASET, COUNTRY, LANGUAGE, YEAR, GRADING }

  /** Parses the analyst syntax; see {@link QueryParser} for the grammar. */
  public static Query parse(String text) {
    return of(QueryParser.parse(text));
  }

  static Query of(Clause clause) {
    return new Query(clause, Target.ALL, 0, 10, Sort.SCORE, List.of(), true);
  }

  /** Everything visible. */
  public static Query all() {
    return of(new Clause.All());
  }

  /** Words in any text, analysed per language (stemming, case and diacritic folding). */
  public static Query text(String words) {
    return of(new Clause.Text(null, words));
  }

  /**
   * Natural-language words, any of which may match, ranked by BM25 (the more matching, rarer words, the higher):
   * for questions and descriptions typed as sentences, where {@link #text} (every word must match) finds almost
   * nothing. No operators are read: {@code anyOf("what causes NOT x")} looks for the words what, causes, not, x.
   */
  public static Query anyOf(String words) {
    return of(new Clause.AnyOf(words));
  }

  /** An exact phrase. */
  public static Query phrase(String words) {
    return of(new Clause.Phrase(null, words));
  }

  /**
   * A person or organisation name, matched across spelling, transliteration and token order: in name values, and in a
   * document's title and the words of its text written as names usually are (with a capital, in a script without
   * case, or a name particle such as {@code de}); a name written all in lower case in running text is found by
   * {@link #text} only.
   */
  public static Query name(String name) {
    return of(new Clause.Name(name));
  }

  /** An identifier (phone, IBAN, passport, e-mail …), normalised and matched exactly. */
  public static Query identifier(String value) {
    return of(new Clause.Identifier(null, value));
  }

  /** A property with this value (cleaned by the property's type before matching). */
  public static Query property(String property, String value) {
    return of(new Clause.Property(property, value));
  }

  public Query and(Query other) {
    return with(combine(match, other.match, true));
  }

  public Query or(Query other) {
    return with(combine(match, other.match, false));
  }

  /** Removes what {@code other} matches. */
  public Query not(Query other) {
    return with(combine(match, new Clause.Not(other.match), true));
  }

  /** Only entities of this type and its sub-types (documents are not entities, so it also selects entities). */
  public Query type(String schema) {
    return and(of(new Clause.Type(schema))).target(Target.ENTITIES);
  }

  /** Values of a date property within [from, to]; partial dates ("1975", "1975-03") count by overlap. */
  public Query dateRange(String property, String from, String to) {
    return and(of(new Clause.DateRange(property, from, to)));
  }

  /** Geo points within {@code km} of a point. */
  public Query near(double lat, double lon, double km) {
    return and(of(new Clause.Near(lat, lon, km)));
  }

  /** Geo points inside a polygon given as (lat, lon) pairs; the ring closes itself. */
  public Query within(List<double[]> polygon) {
    return and(of(new Clause.Within(polygon)));
  }

  /** Items from this dataset only. */
  public Query dataset(String dataset) {
    return and(of(new Clause.Dataset(dataset)));
  }

  public Query target(Target t) {
    return new Query(match, t, offset, limit, sort, facets, highlight);
  }

  public Query limit(int n) {
    return new Query(match, target, offset, n, sort, facets, highlight);
  }

  public Query offset(int n) {
    return new Query(match, target, n, limit, sort, facets, highlight);
  }

  public Query sort(Sort s) {
    return new Query(match, target, offset, limit, s, facets, highlight);
  }

  public Query facets(Facet... f) {
    return new Query(match, target, offset, limit, sort, List.of(f), highlight);
  }

  public Query highlight(boolean h) {
    return new Query(match, target, offset, limit, sort, facets, h);
  }

  private Query with(Clause c) {
    return new Query(c, target, offset, limit, sort, facets, highlight);
  }

  private static Clause combine(Clause a, Clause b, boolean and) {
    List<Clause> parts = new ArrayList<>();
    for (Clause c : List.of(a, b)) {
      if (c instanceof Clause.All && and) {
        continue; // "all AND x" is x
      }
      if (and && c instanceof Clause.And x) {
        parts.addAll(x.clauses());
      } else if (!and && c instanceof Clause.Or x) {
        parts.addAll(x.clauses());
      } else {
        parts.add(c);
      }
    }
    if (parts.isEmpty()) {
      return new Clause.All();
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return and ? new Clause.And(parts) : new Clause.Or(parts);
  }
}
