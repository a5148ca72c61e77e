package org.insight.search.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * A scoring query restricted to a session's visible documents (a {@link VisibilityQuery}): the same matches and
 * scores as {@code +query #visibility}, but on a segment whose every document the filter lets through (segments hold
 * one label each, so for a reader who may see a label that is every segment of it, when the kind narrows nothing) the
 * query runs alone, with Lucene's own scorers and bulk scorers for it, and no per-candidate filter check; on any
 * other segment each candidate is checked against the filter's bit set before the query's own (possibly costly)
 * match check, while the query's score bounds still let Lucene skip blocks that cannot compete. A segment with no
 * visible document is not read at all. Not API.
 */
final class VisibleMatchQuery extends Query {
  private final Query query;
  private final VisibilityQuery visibility;

  VisibleMatchQuery(Query query, VisibilityQuery visibility) {
    this.query = Objects.requireNonNull(query, "query");
    this.visibility = Objects.requireNonNull(visibility, "visibility");
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = query.rewrite(searcher);
    return rewritten == query ? this : new VisibleMatchQuery(rewritten, visibility);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    return new VisibleWeight(this, query.createWeight(searcher, scoreMode, boost), visibility);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor.getSubVisitor(Occur.MUST, this));
    visibility.visit(visitor.getSubVisitor(Occur.FILTER, this));
  }

  @Override
  public String toString(String field) {
    return "+(" + query.toString(field) + ") #" + visibility.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && query.equals(((VisibleMatchQuery) other).query)
        && visibility.equals(((VisibleMatchQuery) other).visibility);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), query, visibility);
  }

  private static final class VisibleWeight extends FilterWeight {
    private final VisibilityQuery visibility;

    VisibleWeight(Query owner, Weight inner, VisibilityQuery visibility) {
      super(owner, inner);
      this.visibility = visibility;
    }

    @Override
    public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
      VisibilityQuery.Docs visible = visibility.docs(context.reader());
      if (visible == null) {
        return null;
      }
      ScorerSupplier inner = in.scorerSupplier(context);
      if (inner == null || visible.all()) {
        return inner;
      }
      Weight weight = this;
      return new ScorerSupplier() {
        @Override
        public Scorer get(long leadCost) throws IOException {
          return new VisibleScorer(weight, inner.get(leadCost), visible.bits());
        }

        @Override
        public long cost() {
          return Math.min(inner.cost(), visible.count());
        }

        @Override
        public void setTopLevelScoringClause() throws IOException {
          inner.setTopLevelScoringClause();
        }
      };
    }

    @Override
    public Scorer scorer(LeafReaderContext context) throws IOException {
      ScorerSupplier supplier = scorerSupplier(context);
      return supplier == null ? null : supplier.get(Long.MAX_VALUE);
    }

    @Override
    public BulkScorer bulkScorer(LeafReaderContext context) throws IOException {
      VisibilityQuery.Docs visible = visibility.docs(context.reader());
      if (visible == null) {
        return null;
      }
      // covered whole: the query's own bulk scorer (block-max conjunctions, ...), exactly as on a plain searcher
      return visible.all() ? in.bulkScorer(context) : super.bulkScorer(context);
    }

    @Override
    public int count(LeafReaderContext context) throws IOException {
      VisibilityQuery.Docs visible = visibility.docs(context.reader());
      if (visible == null) {
        return 0;
      }
      return visible.all() ? in.count(context) : -1;
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
      VisibilityQuery.Docs visible = visibility.docs(context.reader());
      if (visible == null || !visible.bits().get(doc)) {
        return Explanation.noMatch("not visible to this reader");
      }
      return in.explain(context, doc);
    }

    @Override
    public Matches matches(LeafReaderContext context, int doc) throws IOException {
      VisibilityQuery.Docs visible = visibility.docs(context.reader());
      return visible == null || !visible.bits().get(doc) ? null : in.matches(context, doc);
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return false; // the filter is cached per visible-label set by VisibilityQuery
    }
  }

  /** The query's scorer over the visible documents only; scores and score bounds are the query's own. */
  private static final class VisibleScorer extends Scorer {
    private final Scorer in;
    private final TwoPhaseIterator twoPhase;

    VisibleScorer(Weight weight, Scorer in, FixedBitSet visible) {
      super(weight);
      this.in = in;
      TwoPhaseIterator inner = in.twoPhaseIterator();
      DocIdSetIterator approximation = inner == null ? in.iterator() : inner.approximation();
      this.twoPhase = new TwoPhaseIterator(approximation) {
        @Override
        public boolean matches() throws IOException {
          // the bit first: an invisible candidate never reaches the query's own (possibly costly) check
          return visible.get(approximation.docID()) && (inner == null || inner.matches());
        }

        @Override
        public float matchCost() {
          return 1 + (inner == null ? 0 : inner.matchCost());
        }
      };
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return TwoPhaseIterator.asDocIdSetIterator(twoPhase);
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return twoPhase;
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }

    @Override
    public float smoothingScore(int docId) throws IOException {
      return in.smoothingScore(docId);
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo); // a bound over all matches bounds the visible ones
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(minScore);
    }

    @Override
    public Collection<ChildScorable> getChildren() {
      return List.of(new ChildScorable(in, "MUST"));
    }
  }
}
