package org.insight.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.util.QueryBuilder;
import org.insight.core.Schema;
import org.insight.core.StoreException;
import org.insight.search.Clause;
import org.insight.search.Index;
import org.insight.search.Query;

/**
 * The engine behind {@link org.insight.search.Presearcher}: each query's {@link Requirement} over documents (its
 * document query) and over entities (the clause tree as {@link EntityMatcher} evaluates it: AND needs every positive
 * part, OR one, NOT nothing; a name its candidate query), compiled once and kept, then checked against an index's
 * term dictionary. Not API.
 */
public final class Presearch {
  private final Schema schema;
  private final QueryBuilder builder = new QueryBuilder(Analysis.perFieldText());
  private final Map<Query, Requirement> compiled = new ConcurrentHashMap<>();

  public Presearch(Schema schema) {
    this.schema = schema;
  }

  /** The ids whose query could match something in {@code index}, in the given order. */
  public <K> Set<K> candidates(Map<K, Query> queries, Index index) {
    if (!(index instanceof LuceneStore store)) {
      return new LinkedHashSet<>(queries.keySet()); // nothing to look into: every query is a candidate
    }
    return store.withReader(reader -> {
      TermPresence presence = new TermPresence(reader);
      Set<K> out = new LinkedHashSet<>();
      for (Map.Entry<K, Query> e : queries.entrySet()) {
        if (requirement(e.getValue()).possible(presence)) {
          out.add(e.getKey());
        }
      }
      return out;
    });
  }

  /** Forgets compiled queries not among {@code keep} (queries removed since). */
  public void retain(Set<Query> keep) {
    Set<Query> keys = new java.util.HashSet<>();
    keep.forEach(q -> keys.add(key(q)));
    compiled.keySet().retainAll(keys);
  }

  Requirement requirement(Query q) {
    return compiled.computeIfAbsent(key(q), this::compile);
  }

  private static Query key(Query q) {
    return q.offset() == 0 && q.limit() == 1 && !q.highlight() ? q : q.offset(0).limit(1).highlight(false);
  }

  private Requirement compile(Query q) {
    List<Requirement> sides = new ArrayList<>();
    if (q.target() != Query.Target.ENTITIES) {
      sides.add(guarded(() -> Requirement.of(new DocumentQueries(schema, builder, null).of(q.match()))));
    }
    if (q.target() != Query.Target.DOCUMENTS) {
      sides.add(guarded(() -> entities(q.match())));
    }
    return sides.size() == 1 ? sides.get(0) : new Requirement.Some(sides);
  }

  private Requirement entities(Clause c) {
    if (c instanceof Clause.All || c instanceof Clause.Not) {
      return Requirement.ANY;
    }
    if (c instanceof Clause.And and) {
      List<Requirement> parts = new ArrayList<>();
      for (Clause part : and.clauses()) {
        if (!(part instanceof Clause.Not)) {
          parts.add(entities(part));
        }
      }
      return new Requirement.All(parts); // only negations: no part, anything
    }
    if (c instanceof Clause.Or or) {
      List<Requirement> parts = new ArrayList<>();
      for (Clause part : or.clauses()) {
        parts.add(entities(part));
      }
      return parts.isEmpty() ? Requirement.NONE : new Requirement.Some(parts);
    }
    if (c instanceof Clause.Name name) {
      return names(name.name(), null);
    }
    if (c instanceof Clause.Property p && SchemaTerms.propertyDefs(schema, p.property()).stream()
        .allMatch(d -> d.type() == org.insight.core.PropertyType.NAME)) {
      return names(p.value(), p.property());
    }
    return Requirement.of(new StatementQueries(schema, builder, null).leaf(c));
  }

  private Requirement names(String name, String property) {
    org.apache.lucene.search.Query q = EntityMatcher.nameCandidates(builder, name, property, null);
    return q == null ? Requirement.NONE : Requirement.of(q);
  }

  /** A query that does not compile here fails in its search too: it stays a candidate, so the failure is seen. */
  private static Requirement guarded(java.util.function.Supplier<Requirement> r) {
    try {
      return r.get();
    } catch (RuntimeException e) {
      return Requirement.ANY;
    }
  }

  /** Reading the terms failed. */
  static StoreException failed(IOException e) {
    return new StoreException("could not read the index's terms: " + e.getMessage(), e);
  }
}
