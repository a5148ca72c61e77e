package org.insight.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.BaseCompositeReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.Query;

/**
 * The part of an index snapshot a session reads: only the segments holding a document it may see. Segments hold one
 * label each ({@link LabelMergePolicy}), so a segment of invisible data is left out whole — a query, an expansion or
 * a statistic never seeks a term in it nor reads a postings block of it, and its work follows the visible data
 * (issue 14, finding 10). When every segment holds a visible document the snapshot itself is used, so a session that
 * sees everything reads exactly as before (same caches, same statistics). Views are cached per (snapshot, visibility)
 * and live as long as the snapshot. Not API.
 */
final class VisibleSegments {
  private static final Cache<IndexReader.CacheKey, Map<Query, IndexReader>> VIEWS = Caffeine.newBuilder()
      .weakKeys().maximumSize(64).build();

  private VisibleSegments() {}

  /**
   * The segments of {@code snapshot} that {@code visibility} (a session's filter) lets a document through, as one
   * reader; {@code snapshot} itself when that is all of them. Valid while {@code snapshot} is held.
   */
  static IndexReader of(IndexReader snapshot, Query visibility) throws IOException {
    IndexReader.CacheHelper helper = snapshot.getReaderCacheHelper();
    if (helper == null) {
      return build(snapshot, visibility);
    }
    Map<Query, IndexReader> views = VIEWS.get(helper.getKey(), k -> new ConcurrentHashMap<>());
    IndexReader view = views.get(visibility);
    if (view == null) {
      view = build(snapshot, visibility);
      if (views.size() < 256) { // a snapshot seen by many visibilities keeps the most common ones
        views.putIfAbsent(visibility, view);
      }
    }
    return view;
  }

  private static IndexReader build(IndexReader snapshot, Query visibility) throws IOException {
    List<LeafReader> visible = new ArrayList<>();
    for (LeafReaderContext leaf : snapshot.leaves()) {
      if (VisibilityQuery.visibleDocs(visibility, leaf.reader()) != null) {
        visible.add(leaf.reader());
      }
    }
    return visible.size() == snapshot.leaves().size() ? snapshot : new View(visible.toArray(new LeafReader[0]));
  }

  /**
   * A composite of some segments of a snapshot. It neither holds nor releases them: the snapshot does, and the view
   * is read only while the snapshot is acquired.
   */
  private static final class View extends BaseCompositeReader<LeafReader> {
    private final CacheHelper cache;

    View(LeafReader[] segments) throws IOException {
      super(segments, null);
      this.cache = segments.length == 0 ? null : new OwnKey(segments[0]);
    }

    @Override
    protected void doClose() {
      // the segments belong to the snapshot
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return cache; // a key of its own: caches per reader must not mix a view with its snapshot
    }
  }

  /** A fresh cache key for a view; never closed, so caches keyed by it hold it weakly or bounded. */
  private static final class OwnKey implements IndexReader.CacheHelper {
    private final IndexReader.CacheKey key;

    OwnKey(LeafReader any) throws IOException {
      // CacheKey has no public constructor: take the key of a throwaway reader over one segment (it takes and gives
      // back a reference to the segment, which the snapshot keeps open)
      try (MultiReader throwaway = new MultiReader(new IndexReader[] {any}, false)) {
        this.key = throwaway.getReaderCacheHelper().getKey();
      }
    }

    @Override
    public IndexReader.CacheKey getKey() {
      return key;
    }

    @Override
    public void addClosedListener(IndexReader.ClosedListener listener) {
      // a view is never closed
    }
  }
}
