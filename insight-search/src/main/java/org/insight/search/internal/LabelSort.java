package org.insight.search.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * The index is sorted by label: inside every segment the documents of one label are contiguous. A session's filter
 * is then a few runs of document ids, and a term's postings under labels the session cannot see are skipped by the
 * postings' skip lists, a block at a time, instead of being decoded one by one: a query's work follows what the
 * session can see, not what the index holds (issue 14, finding 10).
 *
 * <p>An index written before the sort existed is rebuilt, sorted, from its stored fields the first time it is opened
 * for writing: into {@code index.sorted}, committed; then {@code index} is renamed {@code index.unsorted} and
 * {@code index.sorted} renamed {@code index}, and the old copy removed. A kill at any point leaves either the old
 * index or the complete new one, which the next open finishes installing. The same rebuild runs for an index whose
 * segments hold several labels (sorted, but written before {@link LabelMergePolicy}): the copy flushes after each
 * label, so every segment of it holds one. Not API.
 */
final class LabelSort {
  /** The index sort: by label text (the label's doc values), then in order of writing. */
  static final Sort SORT = new Sort(new SortField(LuceneStore.LABEL, SortField.Type.STRING));

  private LabelSort() {}

  /**
   * Makes {@code dir} hold a label-sorted index (or none), rebuilding an older unsorted one with {@code rebuild}
   * (kind, stored document → the document to index); finishes a rebuild a kill interrupted.
   */
  static void ensureSorted(Path dir, BiFunction<String, org.apache.lucene.document.Document,
      org.apache.lucene.document.Document> rebuild) throws IOException {
    Path sorted = sibling(dir, ".sorted");
    Path unsorted = sibling(dir, ".unsorted");
    if (!Files.exists(dir) && Files.exists(unsorted)) { // killed between the two renames
      Files.move(hasIndex(sorted) ? sorted : unsorted, dir, StandardCopyOption.ATOMIC_MOVE);
    }
    deleteTree(unsorted);
    deleteTree(sorted); // a rebuild killed before its commit
    if (!Files.exists(dir)) {
      return;
    }
    try (FSDirectory old = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(old) || isSortedAndPartitioned(old)) {
        return;
      }
      IndexWriterConfig config = config();
      config.setMergePolicy(NoMergePolicy.INSTANCE); // the store's writer merges the copy label by label
      try (Lock lock = old.obtainLock(IndexWriter.WRITE_LOCK_NAME);
           DirectoryReader reader = DirectoryReader.open(old);
           FSDirectory target = FSDirectory.open(sorted);
           IndexWriter writer = new IndexWriter(target, config)) {
        lock.ensureValid();
        for (LeafReaderContext leaf : reader.leaves()) {
          copy(leaf, writer, rebuild);
        }
        writer.commit();
      }
    }
    Files.move(dir, unsorted, StandardCopyOption.ATOMIC_MOVE);
    Files.move(sorted, dir, StandardCopyOption.ATOMIC_MOVE);
    IOUtils.fsync(dir.toAbsolutePath().getParent(), true); // the renames are durable before the old copy goes
    deleteTree(unsorted);
  }

  /** The writer configuration of a label-sorted index (merges: {@link LabelMergePolicy}, one label per segment). */
  static IndexWriterConfig config() {
    IndexWriterConfig config = new IndexWriterConfig(Analysis.perFieldText());
    config.setIndexSort(SORT);
    config.setMergePolicy(new LabelMergePolicy());
    return config;
  }

  private static boolean hasIndex(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (FSDirectory d = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(d);
    }
  }

  /** Whether every segment is sorted by label and holds one label only (see {@link LabelMergePolicy}). */
  private static boolean isSortedAndPartitioned(Directory dir) throws IOException {
    for (SegmentCommitInfo info : SegmentInfos.readLatestCommit(dir)) {
      if (!SORT.equals(info.info.getIndexSort())) {
        return false;
      }
    }
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      return LabelMergePolicy.partitioned(reader);
    }
  }

  /**
   * Copies one segment's live documents, label by label, with a flush after each label: every segment of the copy
   * holds one label.
   */
  private static void copy(LeafReaderContext leaf, IndexWriter writer, BiFunction<String,
      org.apache.lucene.document.Document, org.apache.lucene.document.Document> rebuild) throws IOException {
    Terms kinds = leaf.reader().terms(LuceneStore.KIND);
    Terms labels = leaf.reader().terms(LuceneStore.LABEL);
    if (kinds == null || labels == null) {
      return;
    }
    int maxDoc = leaf.reader().maxDoc();
    String[] kindOf = new String[maxDoc];
    TermsEnum te = kinds.iterator();
    PostingsEnum postings = null;
    for (BytesRef kind = te.next(); kind != null; kind = te.next()) {
      String k = kind.utf8ToString();
      postings = te.postings(postings, PostingsEnum.NONE);
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        kindOf[doc] = k;
      }
    }
    Bits live = leaf.reader().getLiveDocs();
    var stored = leaf.reader().storedFields();
    TermsEnum le = labels.iterator();
    for (BytesRef label = le.next(); label != null; label = le.next()) {
      postings = le.postings(postings, PostingsEnum.NONE);
      boolean any = false;
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if ((live == null || live.get(doc)) && kindOf[doc] != null) {
          writer.addDocument(rebuild.apply(kindOf[doc], stored.document(doc)));
          any = true;
        }
      }
      if (any) {
        writer.flush(); // the next label starts a new segment
      }
    }
  }

  private static Path sibling(Path dir, String suffix) {
    return dir.resolveSibling(dir.getFileName() + suffix);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
