package org.insight.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.insight.core.StoreException;
import org.insight.search.Scan;

/**
 * A scan over the documents matching a query, leaf by leaf in doc order, reading each one's stored JSON
 * sequentially (stored fields are compressed in blocks, so doc order decompresses each block once). Holds its
 * searcher until closed or exhausted. Subclasses turn documents into items. Not API.
 *
 * @param <T> the items
 */
abstract class LeafScan<T> implements Scan<T> {
  private final IndexSearcher searcher;
  private final Runnable release;
  private final Query query;
  private boolean started;
  private boolean closed;

  LeafScan(IndexSearcher searcher, Runnable release, Query query) {
    this.searcher = searcher;
    this.release = release;
    this.query = query;
  }

  IndexSearcher searcher() {
    return searcher;
  }

  /** Called once per leaf before its documents. */
  abstract void startLeaf(LeafReaderContext leaf) throws IOException;

  /** Whether a matching document is wanted at all; its stored fields are read only if so. */
  boolean accept(int doc) throws IOException {
    return true;
  }

  /** The item an accepted document completes, or null when it completes none yet. */
  abstract T visit(LeafReaderContext leaf, int doc, String json) throws IOException;

  @Override
  public synchronized Iterator<T> iterator() {
    if (closed || started) {
      throw new IllegalStateException(started ? "a scan is a single pass and was already iterated; open a new one"
          : "this scan is closed; open a new one");
    }
    started = true;
    try {
      Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
      return new Items(weight, searcher.getIndexReader().leaves());
    } catch (IOException e) {
      close();
      throw new StoreException("could not start the scan: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      release.run();
    }
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private final class Items implements Iterator<T> {
    private final Weight weight;
    private final List<LeafReaderContext> leaves;
    private final JsonField json = new JsonField();
    private int leafIndex = -1;
    private LeafReaderContext leaf;
    private DocIdSetIterator docs;
    private Bits live;
    private StoredFields stored;
    private T next;

    Items(Weight weight, List<LeafReaderContext> leaves) {
      this.weight = weight;
      this.leaves = leaves;
    }

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (isClosed()) {
        throw new IllegalStateException("this scan was closed while it was being read");
      }
      try {
        next = advance();
      } catch (IOException e) {
        close();
        throw new StoreException("the scan failed: " + e.getMessage(), e);
      }
      if (next == null) {
        close(); // exhausted: give the snapshot back even if the caller forgets to close
      }
      return next != null;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T out = next;
      next = null;
      return out;
    }

    private T advance() throws IOException {
      while (true) {
        if (docs == null && !nextLeaf()) {
          return null;
        }
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          if (live != null && !live.get(doc)) {
            continue; // a replaced or removed version: scorers do not skip deletions, collectors do
          }
          if (!accept(doc)) {
            continue;
          }
          json.value = null;
          stored.document(doc, json);
          T item = visit(leaf, doc, json.value);
          if (item != null) {
            return item;
          }
        }
        docs = null;
      }
    }

    private boolean nextLeaf() throws IOException {
      while (++leafIndex < leaves.size()) {
        leaf = leaves.get(leafIndex);
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        docs = scorer.iterator();
        live = leaf.reader().getLiveDocs();
        stored = leaf.reader().storedFields();
        startLeaf(leaf);
        return true;
      }
      return false;
    }
  }

  /** Reads only the stored JSON of a document. */
  private static final class JsonField extends StoredFieldVisitor {
    String value;

    @Override
    public Status needsField(FieldInfo field) {
      if (value != null) {
        return Status.STOP;
      }
      return field.name.equals(LuceneStore.JSON) ? Status.YES : Status.NO;
    }

    @Override
    public void stringField(FieldInfo field, String v) {
      value = v;
    }
  }
}
