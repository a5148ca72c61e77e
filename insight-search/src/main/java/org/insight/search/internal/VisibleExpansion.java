package org.insight.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.insight.search.QuerySyntaxException;

/**
 * A multi-term query (wildcard, prefix, fuzzy, regular expression, term range) expanded over the terms that occur in
 * documents the session may see, never over the whole index (rule 2). Lucene's own rewrites enumerate and rank every
 * term of the index: an invisible word could then take the place of a visible one among a fuzzy query's nearest
 * terms, or push a wildcard over the clause limit and turn an answer into an error. Here each candidate term is kept
 * only if its postings meet the segment's visibility bit set (a leapfrog over the two, so a term's invisible
 * documents are skipped, not scanned one by one); segments with no visible document are not enumerated at all.
 * Selection and the cap then see visible terms only, so the rewritten query, its answers and its errors are those
 * of a workspace holding only the visible data. Not API.
 */
final class VisibleExpansion extends Query {
  /** What to do when more visible terms than the cap match. */
  enum OverCap {
    /** Refuse the query with a {@link QuerySyntaxException} (search: nothing silently left out). */
    REFUSE,
    /** Keep the best (highest boost, then first in term order): fuzzy's nearest terms, suggestions. */
    KEEP_BEST
  }

  private final MultiTermQuery query;
  private final Query visibility;
  private final int cap;
  private final OverCap overCap;
  private final boolean scoring;

  /**
   * @param query the pattern (its own rewrite method is never used)
   * @param visibility the session's filter
   * @param cap at most this many visible terms
   * @param overCap refuse or keep the best when more match
   * @param scoring whether matches score per term (a disjunction of boosted term queries) or constant (a term set)
   */
  VisibleExpansion(MultiTermQuery query, Query visibility, int cap, OverCap overCap, boolean scoring) {
    this.query = Objects.requireNonNull(query, "query");
    this.visibility = Objects.requireNonNull(visibility, "visibility");
    this.cap = cap;
    this.overCap = overCap;
    this.scoring = scoring;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Map<BytesRef, Float> visible = new HashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FixedBitSet bits = VisibilityQuery.visibleDocs(visibility, leaf.reader());
      Terms terms = bits == null ? null : leaf.reader().terms(query.getField());
      if (terms == null) {
        continue;
      }
      TermsEnum te = query.getTermsEnum(terms);
      BoostAttribute boost = te.attributes().hasAttribute(BoostAttribute.class)
          ? te.attributes().getAttribute(BoostAttribute.class) : null;
      // the index is sorted by label, so the visible documents are a few runs; past the last one nothing is visible
      int lastVisible = bits.prevSetBit(bits.length() - 1);
      PostingsEnum postings = null;
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        if (visible.containsKey(t)) {
          continue;
        }
        postings = te.postings(postings, PostingsEnum.NONE);
        if (meets(postings, bits, lastVisible)) {
          visible.put(BytesRef.deepCopyOf(t), boost == null ? 1f : boost.getBoost());
        }
      }
    }
    List<Map.Entry<BytesRef, Float>> ranked = new ArrayList<>(visible.entrySet());
    ranked.sort(Comparator.comparing((Map.Entry<BytesRef, Float> e) -> -e.getValue())
        .thenComparing(Map.Entry::getKey));
    if (ranked.size() > cap) {
      if (overCap == OverCap.REFUSE) {
        throw new QuerySyntaxException("", -1, "'" + query.toString(query.getField()) + "' matches more than " + cap
            + " different words in the data you can see; make it more specific (more letters before the * or ?)");
      }
      ranked = ranked.subList(0, cap);
    }
    if (ranked.isEmpty()) {
      return new MatchNoDocsQuery("no visible term matches " + query);
    }
    if (!scoring) {
      return new ConstantScoreQuery(
          new TermInSetQuery(query.getField(), ranked.stream().map(Map.Entry::getKey).toList()));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Map.Entry<BytesRef, Float> e : ranked) {
      Query tq = new TermQuery(new Term(query.getField(), e.getKey()));
      b.add(e.getValue() == 1f ? tq : new BoostQuery(tq, e.getValue()), Occur.SHOULD);
    }
    return b.build();
  }

  /** Whether {@code postings} holds a document set in {@code bits}: a leapfrog, skipping invisible runs. */
  private static boolean meets(PostingsEnum postings, FixedBitSet bits, int lastVisible) throws IOException {
    int doc = postings.nextDoc();
    while (doc != DocIdSetIterator.NO_MORE_DOCS && doc <= lastVisible) {
      if (bits.get(doc)) {
        return true;
      }
      int next = bits.nextSetBit(doc + 1);
      if (next == DocIdSetIterator.NO_MORE_DOCS) {
        return false;
      }
      doc = postings.advance(next);
    }
    return false;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor); // the highlighter reads the pattern, and only ever applies it to a visible document
  }

  @Override
  public String toString(String field) {
    return "visible(" + query.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && query.equals(((VisibleExpansion) other).query)
        && visibility.equals(((VisibleExpansion) other).visibility) && cap == ((VisibleExpansion) other).cap
        && overCap == ((VisibleExpansion) other).overCap && scoring == ((VisibleExpansion) other).scoring;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), query, visibility, cap, overCap, scoring);
  }
}
