package org.insight.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The session's label filter: the documents whose label term is one of the visible ones. Per index segment the
 * filter is a bit set, built once per (segment, visible-label set) and cached, so a query pays one bit test per
 * candidate instead of a disjunction over the label postings; its cost does not grow with the number of visible
 * documents. Not API.
 */
final class VisibilityQuery extends Query {
  private static final long MAX_CACHE_BYTES = 512L << 20;
  private static final Cache<Key, Docs> BITS = Caffeine.newBuilder()
      .maximumWeight(MAX_CACHE_BYTES)
      .weigher((Key k, Docs v) -> (int) Math.min(Integer.MAX_VALUE, v.bits().ramBytesUsed()))
      .build();

  private record Key(Object segment, SortedSet<String> labels, String kind) {}

  /** No visible document in a segment (cached as such; {@link #docs} answers null for it). */
  private static final Docs NONE = new Docs(new FixedBitSet(0), false, 0);

  /**
   * The visible documents of one segment: their bits, their number, and whether they are every document there
   * (deleted ones included: a deleted document is never collected, so the filter then narrows nothing).
   *
   * @param bits the visible documents
   * @param all whether every document of the segment is visible
   * @param count how many are
   */
  record Docs(FixedBitSet bits, boolean all, int count) {}

  private final SortedSet<String> labels;
  /** The {@code _kind} the documents must also have, or null for every kind. */
  private final String kind;

  VisibilityQuery(Set<String> labels) {
    this(new TreeSet<>(labels), null);
  }

  private VisibilityQuery(SortedSet<String> labels, String kind) {
    this.labels = labels;
    this.kind = kind;
  }

  /**
   * The visible documents of one kind, as one cached bit set: a query that would filter by kind and by visibility
   * then runs one cheap bit test per candidate instead of a leapfrog over the kind's postings and a bit test.
   */
  VisibilityQuery ofKind(String kind) {
    return new VisibilityQuery(labels, Objects.requireNonNull(kind, "kind"));
  }

  /** The visible label texts. */
  Set<String> labels() {
    return java.util.Collections.unmodifiableSortedSet(labels);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        FixedBitSet bits = bits(context.reader());
        if (bits == null) {
          return null;
        }
        DocIdSetIterator it = new BitSetIterator(bits, bits.approximateCardinality());
        return new ConstantScoreScorer(this, score(), scoreMode, it);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false; // cached here, per visible-label set
      }
    };
  }

  /**
   * The documents of one segment that {@code visibility} (a session's filter: this query or a match-nothing query)
   * lets through, or null when none is visible there.
   */
  static FixedBitSet visibleDocs(Query visibility, LeafReader reader) throws IOException {
    if (visibility instanceof VisibilityQuery v) {
      return v.bits(reader);
    }
    if (visibility instanceof org.apache.lucene.search.MatchNoDocsQuery) {
      return null;
    }
    throw new IllegalArgumentException("not a visibility filter: " + visibility);
  }

  private FixedBitSet bits(LeafReader reader) throws IOException {
    Docs docs = docs(reader);
    return docs == null ? null : docs.bits();
  }

  /** The visible documents of one segment, or null when none is visible there; cached per (segment, labels, kind). */
  Docs docs(LeafReader reader) throws IOException {
    var helper = reader.getCoreCacheHelper();
    if (helper == null) {
      FixedBitSet bits = compute(reader);
      return bits == null ? null : docsOf(reader, bits);
    }
    try {
      Docs docs = BITS.get(new Key(helper.getKey(), labels, kind), k -> {
        try {
          return docsOf(reader, compute(reader));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      return docs == NONE ? null : docs;
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Docs docsOf(LeafReader reader, FixedBitSet bits) {
    if (bits == null) {
      return NONE;
    }
    int count = bits.cardinality();
    return new Docs(bits, count == reader.maxDoc(), count);
  }

  private FixedBitSet compute(LeafReader reader) throws IOException {
    Terms terms = reader.terms(LuceneStore.LABEL);
    if (terms == null) {
      return null;
    }
    FixedBitSet bits = null;
    TermsEnum te = terms.iterator();
    PostingsEnum postings = null;
    for (String label : labels) {
      if (te.seekExact(new BytesRef(label))) {
        if (bits == null) {
          bits = new FixedBitSet(reader.maxDoc());
        }
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
          bits.set(doc);
        }
      }
    }
    return bits == null || kind == null ? bits : onlyKind(reader, bits);
  }

  /** {@code visible} narrowed to the documents of {@link #kind}, or null when none of them is visible. */
  private FixedBitSet onlyKind(LeafReader reader, FixedBitSet visible) throws IOException {
    Terms kinds = reader.terms(LuceneStore.KIND);
    TermsEnum te = kinds == null ? null : kinds.iterator();
    if (te == null || !te.seekExact(new BytesRef(kind))) {
      return null;
    }
    FixedBitSet out = new FixedBitSet(reader.maxDoc());
    PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
    boolean any = false;
    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
      if (visible.get(doc)) {
        out.set(doc);
        any = true;
      }
    }
    return any ? out : null;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "visible" + labels + (kind == null ? "" : " " + LuceneStore.KIND + ":" + kind);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && labels.equals(((VisibilityQuery) other).labels)
        && Objects.equals(kind, ((VisibilityQuery) other).kind);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), labels, kind);
  }
}
