package org.insight.search.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.util.BytesRef;

/**
 * Merges only segments of one label, so every segment holds the documents of a single label and a session's reads
 * can leave out, whole, the segments it may not see (issue 14, finding 10: no term-dictionary seek and no postings
 * block is spent on a segment of invisible data). Within each label the choice is Lucene's {@link TieredMergePolicy};
 * erasure merges away every segment holding a deleted document (a forced-deletes merge allows 0%).
 *
 * <p>A merge policy sees segment descriptors, not their contents, so the label of each segment is learnt from the
 * readers the store opens after every commit ({@link #learn}). A segment whose label is not known yet (flushed or
 * merged since the last reader) is left alone by ordinary merges until it is; a forced-deletes merge takes it alone,
 * which can never mix labels. Not API.
 */
final class LabelMergePolicy extends FilterMergePolicy {
  /** The mark of a segment holding several labels: never merged with others (the rebuild on open leaves none). */
  private static final String MIXED = "\u0000mixed";

  /** Segment name → its single label (or {@link #MIXED}). */
  private final Map<String, String> labels = new ConcurrentHashMap<>();

  /** Lucene's default segments per tier, for the whole index. */
  private static final double SEGMENTS_PER_TIER = 10.0;

  private final TieredMergePolicy tiered;

  LabelMergePolicy() {
    this(tiered());
  }

  private LabelMergePolicy(TieredMergePolicy tiered) {
    super(tiered);
    this.tiered = tiered;
  }

  private static TieredMergePolicy tiered() {
    TieredMergePolicy merges = new TieredMergePolicy();
    // erasure (delete) merges away every segment holding a deleted document, not only those above 10% deleted
    merges.setForceMergeDeletesPctAllowed(0.0);
    return merges;
  }

  /** Records the label of every segment of {@code reader} (a reader of this policy's writer) and forgets the rest. */
  void learn(IndexReader reader) throws IOException {
    Set<String> live = new java.util.HashSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader unwrapped = FilterLeafReader.unwrap(leaf.reader());
      if (unwrapped instanceof SegmentReader segment) {
        String name = segment.getSegmentName();
        live.add(name);
        if (!labels.containsKey(name)) {
          labels.put(name, labelOf(segment));
        }
      }
    }
    labels.keySet().retainAll(live);
  }

  /** The one label of a segment, {@link #MIXED} when it holds several, or "" when it holds none (no documents). */
  static String labelOf(LeafReader segment) throws IOException {
    Terms terms = segment.terms(LuceneStore.LABEL);
    if (terms == null) {
      return "";
    }
    TermsEnum te = terms.iterator();
    BytesRef first = te.next();
    if (first == null) {
      return "";
    }
    String label = first.utf8ToString();
    return te.next() == null ? label : MIXED;
  }

  /** Whether every segment of {@code reader} holds at most one label. */
  static boolean partitioned(IndexReader reader) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      if (MIXED.equals(labelOf(leaf.reader()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
      throws IOException {
    Map<String, SegmentInfos> groups = byLabel(infos);
    // Lucene's 10 segments per tier, shared among the labels (2 at least each): with one tier budget per label an
    // index of 8 labels kept 8 times the segments of a mixed one, and a reader who sees them all paid for each.
    // The writer calls this under its own lock, so setting the shared policy's budget here is not racy.
    tiered.setSegmentsPerTier(Math.max(2.0, SEGMENTS_PER_TIER / Math.max(1, groups.size())));
    MergeSpecification out = new MergeSpecification();
    for (SegmentInfos group : groups.values()) {
      add(out, in.findMerges(trigger, group, context));
    }
    return out.merges.isEmpty() ? null : out;
  }

  @Override
  public MergeSpecification findForcedMerges(SegmentInfos infos, int maxSegmentCount,
      Map<SegmentCommitInfo, Boolean> segmentsToMerge, MergeContext context) throws IOException {
    MergeSpecification out = new MergeSpecification();
    for (SegmentInfos group : byLabel(infos).values()) {
      add(out, in.findForcedMerges(group, maxSegmentCount, segmentsToMerge, context));
    }
    return out.merges.isEmpty() ? null : out;
  }

  @Override
  public MergeSpecification findForcedDeletesMerges(SegmentInfos infos, MergeContext context) throws IOException {
    MergeSpecification out = new MergeSpecification();
    for (SegmentInfos group : byLabel(infos).values()) {
      add(out, in.findForcedDeletesMerges(group, context));
    }
    // a segment of unknown or mixed label is rewritten alone: its deleted documents leave the disk, nothing mixes
    for (SegmentCommitInfo info : infos) {
      String label = labels.get(info.info.name);
      if ((label == null || MIXED.equals(label)) && !context.getMergingSegments().contains(info)
          && context.numDeletesToMerge(info) > 0) {
        out.add(new OneMerge(List.of(info)));
      }
    }
    return out.merges.isEmpty() ? null : out;
  }

  @Override
  public MergeSpecification findFullFlushMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context) {
    return null; // no merge on commit: the commit's new segments are not labelled yet
  }

  @Override
  public MergeSpecification findMerges(org.apache.lucene.index.CodecReader... readers) {
    throw new UnsupportedOperationException("the store never adds whole indexes: addIndexes would mix labels");
  }

  /** The segments of each known single label, each group as its own segment list (in index order). */
  private Map<String, SegmentInfos> byLabel(SegmentInfos infos) {
    Map<String, SegmentInfos> groups = new LinkedHashMap<>();
    for (SegmentCommitInfo info : infos) {
      String label = labels.get(info.info.name);
      if (label != null && !MIXED.equals(label)) {
        groups.computeIfAbsent(label, l -> new SegmentInfos(infos.getIndexCreatedVersionMajor())).add(info);
      }
    }
    return groups;
  }

  private static void add(MergeSpecification out, MergeSpecification part) {
    if (part != null) {
      part.merges.forEach(out::add);
    }
  }

  @Override
  public String toString() {
    return "LabelMergePolicy(" + in + ")";
  }
}
