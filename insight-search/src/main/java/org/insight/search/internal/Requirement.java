package org.insight.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * What an index must hold for a query to be able to match anything in it: a tree of conjunctions and disjunctions
 * whose leaves are terms (one of them present), term patterns (some term of the field accepted), "anything" (a leaf
 * with no terms: a range, all documents, a field's existence) and "nothing". Built by visiting the query, so it is
 * a necessary condition by construction — a match needs every required clause to match, a required clause needs one
 * of its terms present — and never excludes a query that could match; negated clauses ask nothing. Not API.
 */
interface Requirement {
  /** Whether the index (its term dictionary) could satisfy this. */
  boolean possible(TermPresence index) throws IOException;

  /** Always possible (a leaf without terms). */
  Requirement ANY = new Constant(true);
  /** Never possible (a query that matches nothing). */
  Requirement NONE = new Constant(false);

  /** Always or never possible. */
  record Constant(boolean value) implements Requirement {
    @Override
    public boolean possible(TermPresence index) {
      return value;
    }
  }

  /** One of these terms present. */
  record Terms(List<Term> terms) implements Requirement {
    @Override
    public boolean possible(TermPresence index) throws IOException {
      for (Term t : terms) {
        if (index.has(t)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Some term of {@code field} accepted by {@code automaton}. */
  record Pattern(String field, ByteRunAutomaton automaton) implements Requirement {
    @Override
    public boolean possible(TermPresence index) throws IOException {
      return index.anyMatching(field, automaton);
    }
  }

  /** Every part possible. */
  record All(List<Requirement> parts) implements Requirement {
    @Override
    public boolean possible(TermPresence index) throws IOException {
      for (Requirement r : parts) {
        if (!r.possible(index)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Some part possible (none at all: anything, as a clause with no parts asks nothing). */
  record Some(List<Requirement> parts) implements Requirement {
    @Override
    public boolean possible(TermPresence index) throws IOException {
      if (parts.isEmpty()) {
        return true;
      }
      for (Requirement r : parts) {
        if (r.possible(index)) {
          return true;
        }
      }
      return false;
    }
  }

  /** What {@code query} requires (its negated clauses and optional SHOULD clauses ask nothing). */
  static Requirement of(Query query) {
    Builder root = new Builder(true);
    query.visit(root);
    return root.build();
  }

  /** Builds the tree while Lucene's own visit walks the query. */
  final class Builder extends QueryVisitor {
    private final boolean conjunction;
    private final List<Object> parts = new ArrayList<>(); // Requirement or Builder

    Builder(boolean conjunction) {
      this.conjunction = conjunction;
    }

    @Override
    public void consumeTerms(Query query, Term... terms) {
      // a phrase needs all its terms, a synonym group one of them: "one of them" is necessary for both
      parts.add(new Terms(List.of(terms)));
    }

    @Override
    public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
      parts.add(new Pattern(field, automaton.get()));
    }

    @Override
    public void visitLeaf(Query query) {
      parts.add(query instanceof MatchNoDocsQuery ? NONE : ANY);
    }

    @Override
    public QueryVisitor getSubVisitor(Occur occur, Query parent) {
      if (occur == Occur.MUST_NOT) {
        return QueryVisitor.EMPTY_VISITOR;
      }
      if (occur == Occur.SHOULD && parent instanceof BooleanQuery bq && optionalShoulds(bq)) {
        return QueryVisitor.EMPTY_VISITOR; // beside required clauses, SHOULD clauses only score
      }
      Builder sub = new Builder(occur != Occur.SHOULD);
      parts.add(sub);
      return sub;
    }

    private static boolean optionalShoulds(BooleanQuery bq) {
      if (bq.getMinimumNumberShouldMatch() > 0) {
        return false;
      }
      for (BooleanClause c : bq.clauses()) {
        if (c.getOccur() == Occur.MUST || c.getOccur() == Occur.FILTER) {
          return true;
        }
      }
      return false;
    }

    Requirement build() {
      List<Requirement> built = new ArrayList<>();
      for (Object p : parts) {
        built.add(p instanceof Builder b ? b.build() : (Requirement) p);
      }
      if (built.size() == 1) {
        return built.get(0);
      }
      return conjunction ? new All(List.copyOf(built)) : new Some(List.copyOf(built));
    }
  }
}
