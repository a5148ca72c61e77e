package org.insight.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * An index searcher whose scoring statistics come only from what the session may see (rule 2: not even a score
 * may depend on invisible data), and which are Lucene's own when the session sees everything, so BM25 scores equal
 * a plain searcher's. Not API.
 *
 * <p>Per segment: when every label in the segment is visible and nothing in it is deleted, the segment's own
 * statistics are used (what a plain {@link IndexSearcher} sums; when that holds for every segment, this searcher
 * answers exactly as a plain one, without any counting). Otherwise they are counted over the visible live
 * documents: a term's document and total frequency by walking its postings against the visibility bit set, and a
 * field's document count, summed document frequency and summed length (BM25's average field length) from a table
 * per label, built once per segment and field by walking the field's postings and cached. A visible-only index
 * holds exactly these documents, so its Lucene statistics are the same numbers.
 */
final class VisibleStatisticsSearcher extends IndexSearcher {
  /** Per segment (reader key, changes with deletions) and field: label → {docCount, sumDocFreq, sumTotalTermFreq}. */
  private record FieldKey(Object segment, String field) {}

  /** Per top-level reader, visibility and term: {docFreq, totalTermFreq} over visible live documents. */
  private record TermKey(Object reader, Query visibility, Term term) {}

  private static final Cache<FieldKey, Map<String, long[]>> FIELDS = Caffeine.newBuilder().maximumSize(20_000).build();
  private static final Cache<TermKey, long[]> TERMS = Caffeine.newBuilder().maximumSize(100_000).build();

  private final Query visibility;
  /** Whether the session sees every segment whole, when known (then every statistic is Lucene's own). */
  private Boolean everything;

  VisibleStatisticsSearcher(IndexReader reader, Query visibility) {
    super(reader);
    this.visibility = visibility;
  }

  private boolean seesEverything() throws IOException {
    if (everything == null) {
      boolean all = true;
      for (LeafReaderContext leaf : getIndexReader().leaves()) {
        all &= segment(leaf.reader()).whole();
      }
      everything = all;
    }
    return everything;
  }

  @Override
  public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
    if (seesEverything()) {
      return super.termStatistics(term, docFreq, totalTermFreq);
    }
    IndexReader.CacheHelper helper = getIndexReader().getReaderCacheHelper();
    long[] visible = helper == null ? visibleTerm(term)
        : TERMS.get(new TermKey(helper.getKey(), visibility, term), k -> uncheck(() -> visibleTerm(term)));
    // a term only invisible documents hold can score no visible document; 1 keeps Lucene's scorers non-null
    long df = Math.max(1, visible[0]);
    return new TermStatistics(term.bytes(), df, Math.max(df, visible[1]));
  }

  @Override
  public CollectionStatistics collectionStatistics(String field) throws IOException {
    if (seesEverything()) {
      CollectionStatistics own = super.collectionStatistics(field);
      if (own != null) {
        return own;
      }
    }
    long docCount = 0;
    long sumDocFreq = 0;
    long sumTotalTermFreq = 0;
    for (LeafReaderContext leaf : getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      Segment segment = segment(leaf.reader());
      if (segment.whole()) {
        docCount += terms.getDocCount();
        sumDocFreq += terms.getSumDocFreq();
        sumTotalTermFreq += terms.getSumTotalTermFreq();
      } else if (segment.visible() != null) {
        for (Map.Entry<String, long[]> e : perLabel(leaf.reader(), field).entrySet()) {
          if (segment.labels().contains(e.getKey())) {
            docCount += e.getValue()[0];
            sumDocFreq += e.getValue()[1];
            sumTotalTermFreq += e.getValue()[2];
          }
        }
      }
    }
    if (docCount == 0) {
      // no visible document has the field, so none can score on it; 1s keep Lucene's scorers non-null
      return new CollectionStatistics(field, Math.max(1, getIndexReader().maxDoc()), 1, 1, 1);
    }
    return new CollectionStatistics(field, getIndexReader().maxDoc(), docCount, sumTotalTermFreq, sumDocFreq);
  }

  /**
   * How the session sees one segment: {@code whole} when every label there is visible and nothing is deleted;
   * otherwise its visible documents (null: none) and the visible labels.
   */
  private record Segment(boolean whole, FixedBitSet visible, java.util.Set<String> labels) {}

  private Segment segment(LeafReader reader) throws IOException {
    java.util.Set<String> labels = visibility instanceof VisibilityQuery v ? v.labels() : java.util.Set.of();
    boolean all = reader.numDeletedDocs() == 0 && !labels.isEmpty();
    Terms labelTerms = reader.terms(LuceneStore.LABEL);
    if (all && labelTerms != null) {
      TermsEnum te = labelTerms.iterator();
      for (BytesRef t = te.next(); t != null && all; t = te.next()) {
        all = labels.contains(t.utf8ToString());
      }
    }
    if (all && labelTerms != null && labelTerms.getDocCount() == reader.maxDoc()) {
      return new Segment(true, null, labels);
    }
    return new Segment(false, VisibilityQuery.visibleDocs(visibility, reader), labels);
  }

  /** {docFreq, totalTermFreq} of a term over the visible live documents of the whole reader. */
  private long[] visibleTerm(Term term) throws IOException {
    long df = 0;
    long ttf = 0;
    for (LeafReaderContext leaf : getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(term.field());
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term.bytes())) {
        continue;
      }
      Segment segment = segment(leaf.reader());
      if (segment.whole()) {
        df += te.docFreq();
        ttf += Math.max(te.totalTermFreq(), te.docFreq());
        continue;
      }
      FixedBitSet visible = segment.visible();
      if (visible == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      PostingsEnum postings = te.postings(null, PostingsEnum.FREQS);
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (visible.get(doc) && (live == null || live.get(doc))) {
          df++;
          ttf += postings.freq();
        }
      }
    }
    return new long[] {df, ttf};
  }

  /** The field's statistics per label over the segment's live documents, cached per segment reader and field. */
  private static Map<String, long[]> perLabel(LeafReader reader, String field) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return countPerLabel(reader, field);
    }
    return FIELDS.get(new FieldKey(helper.getKey(), field), k -> uncheck(() -> countPerLabel(reader, field)));
  }

  private static Map<String, long[]> countPerLabel(LeafReader reader, String field) throws IOException {
    SortedDocValues labels = reader.getSortedDocValues(LuceneStore.LABEL);
    Terms terms = reader.terms(field);
    if (labels == null || terms == null) {
      return Map.of();
    }
    int[] ordOf = new int[reader.maxDoc()];
    java.util.Arrays.fill(ordOf, -1);
    for (int doc = labels.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = labels.nextDoc()) {
      ordOf[doc] = labels.ordValue();
    }
    long[][] sums = new long[labels.getValueCount()][3];
    Bits live = reader.getLiveDocs();
    FixedBitSet seen = new FixedBitSet(reader.maxDoc());
    TermsEnum te = terms.iterator();
    PostingsEnum postings = null;
    boolean freqs = terms.hasFreqs();
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      postings = te.postings(postings, freqs ? PostingsEnum.FREQS : PostingsEnum.NONE);
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        int ord = ordOf[doc];
        if (ord < 0 || (live != null && !live.get(doc))) {
          continue;
        }
        long[] s = sums[ord];
        if (!seen.getAndSet(doc)) {
          s[0]++;
        }
        s[1]++;
        s[2] += freqs ? postings.freq() : 1; // without frequencies Lucene counts the document frequency
      }
    }
    Map<String, long[]> out = new HashMap<>();
    for (int ord = 0; ord < sums.length; ord++) {
      if (sums[ord][0] > 0) {
        out.put(labels.lookupOrd(ord).utf8ToString(), sums[ord]);
      }
    }
    return out;
  }

  @FunctionalInterface
  private interface Io<T> {
    T get() throws IOException;
  }

  private static <T> T uncheck(Io<T> io) {
    try {
      return io.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
