package org.insight.search.internal;

import java.io.IOException;
import java.util.ArrayList;
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
 * block is spent on a segment of invisible data). Erasure merges away every segment holding a deleted document (a
 * forced-deletes merge allows 0%).
 *
 * <p>Within each label, small segments (below {@link #FLOOR_BYTES}) are merged eagerly: as soon as a label's newer
 * small segments add up to a quarter of its largest small one, all of them become one, and a label never keeps more
 * than {@link #MAX_SMALL} small segments. A reader who sees every label pays a per-segment cost for each term (a
 * dictionary seek, a scorer), so an index of many labels written in many commits must not keep many small segments
 * per label; the quarter keeps the rewriting of a label's small segment proportional to what was added to it (many
 * tiny writes are merged among themselves first). Above the floor the choice is Lucene's {@link TieredMergePolicy},
 * per label, its ten segments per tier shared among the labels.
 *
 * <p>A merge policy sees segment descriptors, not their contents, so the label of each flushed segment is learnt from
 * the readers the store opens after every commit ({@link #learn}); a merged segment's label is that of its inputs,
 * recorded when the merge names it, so merges can cascade without waiting for a reader. A segment whose label is not
 * known yet is left alone by ordinary merges until it is; a forced-deletes merge takes it alone, which can never mix
 * labels. Not API.
 */
final class LabelMergePolicy extends FilterMergePolicy {
  /** The mark of a segment holding several labels: never merged with others (the rebuild on open leaves none). */
  private static final String MIXED = "\u0000mixed";

  /** Lucene's default segments per tier, for the whole index. */
  private static final double SEGMENTS_PER_TIER = 10.0;

  /** Segments below this size are merged eagerly within their label (Lucene 10's floor segment size). */
  static final long FLOOR_BYTES = 16L << 20;

  /** The most small segments a label keeps (one grown by merges plus the newest few). */
  static final int MAX_SMALL = 3;

  /** A label's newer small segments are merged into its largest once they reach this fraction of it. */
  private static final int RATIO = 4;

  /** Segment name → its single label (or {@link #MIXED}). */
  private final Map<String, String> labels = new ConcurrentHashMap<>();

  /** Segments named by a merge of this policy and not seen in a reader yet: their labels are kept by {@link #learn}. */
  private final Set<String> merged = ConcurrentHashMap.newKeySet();

  private final TieredMergePolicy tiered;

  /** The size below which a segment is small (see {@link #FLOOR_BYTES}). */
  private final long floor;

  LabelMergePolicy() {
    this(FLOOR_BYTES);
  }

  /** A policy whose small segments are those below {@code floor} bytes (tests use a small one). */
  LabelMergePolicy(long floor) {
    this(tiered(floor), floor);
  }

  private LabelMergePolicy(TieredMergePolicy tiered, long floor) {
    super(tiered);
    this.tiered = tiered;
    this.floor = floor;
  }

  private static TieredMergePolicy tiered(long floor) {
    TieredMergePolicy merges = new TieredMergePolicy();
    // erasure (delete) merges away every segment holding a deleted document, not only those above 10% deleted
    merges.setForceMergeDeletesPctAllowed(0.0);
    // below the floor this policy merges by itself (eagerly, within the label); the tiers start where that ends
    merges.setFloorSegmentMB(floor / (1024.0 * 1024.0));
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
        merged.remove(name);
        if (!labels.containsKey(name)) {
          labels.put(name, labelOf(segment));
        }
      }
    }
    // a segment a merge has just written is not in this reader yet, but its label is known: keep it
    labels.keySet().removeIf(name -> !live.contains(name) && !merged.contains(name));
  }

  /** The label recorded for a segment, or null when it is not known (yet). For tests. */
  String labelOf(String segmentName) {
    return labels.get(segmentName);
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
    for (Map.Entry<String, SegmentInfos> group : groups.entrySet()) {
      SegmentInfos large = new SegmentInfos(infos.getIndexCreatedVersionMajor());
      List<SegmentCommitInfo> small = new ArrayList<>();
      for (SegmentCommitInfo info : group.getValue()) {
        if (context.getMergingSegments().contains(info) || size(info, context) >= floor) {
          large.add(info); // a merging segment is the tiered policy's to skip, as it skips its own
        } else {
          small.add(info);
        }
      }
      List<SegmentCommitInfo> eager = eagerMerge(small, context);
      if (eager != null) {
        out.add(new LabelledMerge(group.getKey(), eager));
      }
      add(out, group.getKey(), in.findMerges(trigger, large, context));
    }
    return out.merges.isEmpty() ? null : out;
  }

  /**
   * Which of a label's small segments (none merging) to merge now, or null: all of them once the newer ones add up to
   * a quarter of the largest; the newer ones alone (leaving the largest) once there are more than {@link #MAX_SMALL}.
   */
  private List<SegmentCommitInfo> eagerMerge(List<SegmentCommitInfo> small, MergeContext context) throws IOException {
    if (small.size() < 2) {
      return null;
    }
    SegmentCommitInfo largest = null;
    long largestSize = -1;
    long total = 0;
    for (SegmentCommitInfo info : small) {
      long size = size(info, context);
      total += size;
      if (size > largestSize) {
        largest = info;
        largestSize = size;
      }
    }
    if ((total - largestSize) * RATIO >= largestSize) {
      return small;
    }
    if (small.size() > MAX_SMALL) {
      List<SegmentCommitInfo> newer = new ArrayList<>(small);
      newer.remove(largest);
      return newer;
    }
    return null;
  }

  @Override
  public MergeSpecification findForcedMerges(SegmentInfos infos, int maxSegmentCount,
      Map<SegmentCommitInfo, Boolean> segmentsToMerge, MergeContext context) throws IOException {
    MergeSpecification out = new MergeSpecification();
    for (Map.Entry<String, SegmentInfos> group : byLabel(infos).entrySet()) {
      add(out, group.getKey(), in.findForcedMerges(group.getValue(), maxSegmentCount, segmentsToMerge, context));
    }
    return out.merges.isEmpty() ? null : out;
  }

  @Override
  public MergeSpecification findForcedDeletesMerges(SegmentInfos infos, MergeContext context) throws IOException {
    MergeSpecification out = new MergeSpecification();
    for (Map.Entry<String, SegmentInfos> group : byLabel(infos).entrySet()) {
      add(out, group.getKey(), in.findForcedDeletesMerges(group.getValue(), context));
    }
    // a segment of unknown or mixed label is rewritten alone: its deleted documents leave the disk, nothing mixes
    for (SegmentCommitInfo info : infos) {
      String label = labels.get(info.info.name);
      if ((label == null || MIXED.equals(label)) && !context.getMergingSegments().contains(info)
          && context.numDeletesToMerge(info) > 0) {
        out.add(new LabelledMerge(label, List.of(info))); // its label: unknown (null) or MIXED
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

  /** Adds the merges of {@code part} (all within {@code label}) to {@code out}, each recording its label. */
  private void add(MergeSpecification out, String label, MergeSpecification part) {
    if (part != null) {
      part.merges.forEach(merge -> out.add(new LabelledMerge(label, merge.segments)));
    }
  }

  /**
   * A merge of segments of one label (null: not known), which records that label for the segment it writes as soon as
   * the writer names it, so the next merges can take that segment in without waiting for a reader to be opened.
   */
  private final class LabelledMerge extends OneMerge {
    private final String label;

    LabelledMerge(String label, List<SegmentCommitInfo> segments) {
      super(segments);
      this.label = label;
    }

    @Override
    public void setMergeInfo(SegmentCommitInfo info) {
      super.setMergeInfo(info);
      if (label != null) {
        merged.add(info.info.name);
        labels.put(info.info.name, label);
      }
    }

    @Override
    public void mergeFinished(boolean success, boolean segmentDropped) throws IOException {
      super.mergeFinished(success, segmentDropped);
      SegmentCommitInfo info = getMergeInfo();
      if (info != null && (!success || segmentDropped)) { // no such segment will be read: forget it
        merged.remove(info.info.name);
        labels.remove(info.info.name);
      }
    }
  }

  @Override
  public String toString() {
    return "LabelMergePolicy(" + in + ")";
  }
}
