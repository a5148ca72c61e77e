package org.insight.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntRange;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.IndexOptions;
import org.insight.core.PropertyDef;
import org.insight.core.PropertyType;
import org.insight.core.Schema;
import org.insight.search.Index;
import org.insight.search.Scan;
import org.insight.search.SearchResult;
import org.insight.search.Visibility;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.Statement;
import org.insight.core.StoreException;
import org.insight.core.json.ModelJson;

/**
 * The Lucene implementation of {@link Index}. Every read turns the reader's {@link Visibility} — the set of label
 * terms a session may see — into a filter inside the Lucene query, so what a reader cannot see never reaches a
 * collector, a count or a score. Not API: reach it through {@link Index}.
 *
 * <p>One Lucene document per statement and per document. A write is acknowledged only after
 * {@link IndexWriter#commit()} has synced it, so an acknowledged write survives kill -9 (rule 5).
 */
// Lucene 9.12 deprecates search(Query, Collector) and setRewriteMethod; moving to CollectorManagers and
// rewrite-method constructors is left for a later pass
@SuppressWarnings("deprecation")
public final class LuceneStore implements Index {
  static final String KIND = "_kind";
  static final String ID = "_id";
  static final String ENTITY = "_entity";
  static final String SCHEMA = "_schema";
  static final String PROPERTY = "_prop";
  static final String VALUE = "_value";
  static final String TEXT = "text";
  static final String TITLE = "title";
  static final String NAME = "name";
  static final String NAME_PHONETIC = "name_phonetic";
  static final String STORED_VALUE = "_v";
  static final String IDENT = "_ident";
  static final String ID_SCHEME = "_idscheme";
  static final String DATE_RANGE = "_daterange";
  static final String YEAR = "_year";
  static final String COUNTRY = "_country";
  static final String GEO = "_geo";
  static final String LANG = "_lang";
  static final String GRADING = "_grading";
  static final String SORT_NAME = "_sortname";
  static final String SORT_DATE = "_sortdate";
  static final String LABEL = "_label";
  static final String DATASET = "_dataset";
  static final String EVIDENCE = "_evidence";
  static final String JSON = "_json";
  static final String STATEMENT_KIND = "statement";
  static final String DOCUMENT_KIND = "document";
  static final String MENTION_KIND = "mention";
  static final String MENTION_OF = "_doc";
  /** Exact-value terms longer than this are not indexed for lookup (Lucene caps a term at 32 KB). */
  private static final int MAX_EXACT_VALUE = 1000;

  private final org.apache.lucene.store.Directory directory;
  private final IndexWriter writer; // null when read-only
  private final SearcherManager searchers;
  private final Schema schema;
  /** Serialises writes, so that no segment receives documents of two labels (see {@link #writePartitioned}). */
  private final Object writeLock = new Object();
  private volatile LabelTerms labelTerms = new LabelTerms(-1, Set.of());
  /** The write sequence: what was added since a generation (see {@link Generations}). */
  private final Generations generations;
  /** The Lucene filter of each visibility seen lately: cheap to build, but built on every read otherwise. */
  private final Cache<Visibility, Query> filters = Caffeine.newBuilder().maximumSize(256).build();
  /**
   * The document query of each clause tree seen lately whose query depends on the clause alone
   * ({@link DocumentQueries#reusable}): analysing the words into every language field was rebuilt on every search.
   */
  private final Cache<DocumentQueries.Kept, Query> documentQueries = Caffeine.newBuilder().maximumSize(1_024).build();

  private record LabelTerms(long version, Set<String> labels) {}

  /** The kept document queries, for tests that check whose they are. */
  Map<DocumentQueries.Kept, Query> keptDocumentQueries() {
    return documentQueries.asMap();
  }

  private LuceneStore(org.apache.lucene.store.Directory directory, IndexWriter writer, SearcherManager searchers, Schema schema)
      throws IOException {
    this.schema = schema;
    this.generations = writer == null ? Generations.unknown() : highest(searchers, writer.getLiveCommitData());
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
  }

  /**
   * A new, empty store in memory: not durable (its commits sync nothing), gone when closed. For a scratch index that
   * lives for one evaluation (a batch matched against standing queries), where a directory and its syncs would only
   * cost time.
   */
  public static LuceneStore inMemory(Schema schema) {
    org.apache.lucene.store.ByteBuffersDirectory directory = new org.apache.lucene.store.ByteBuffersDirectory();
    try {
      IndexWriterConfig config = LabelSort.config();
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      IndexWriter writer = new IndexWriter(directory, config);
      writer.commit();
      return new LuceneStore(directory, writer, new SearcherManager(writer, null), schema);
    } catch (IOException e) {
      closeQuietly(directory);
      throw new StoreException("could not open an index in memory: " + e.getMessage(), e);
    }
  }

  /** Opens (creating if needed) the store in {@code dir}; read-only opens need an existing index. */
  public static LuceneStore open(Path dir, boolean readOnly, Schema schema) {
    FSDirectory directory = null;
    try {
      if (!readOnly) {
        LabelSort.ensureSorted(dir, (kind, stored) -> rebuild(kind, stored, schema));
      }
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      if (readOnly) {
        if (!DirectoryReader.indexExists(directory)) {
          throw new StoreException("there is no index in " + dir + " to open read-only; open the workspace for writing once to create it");
        }
        return new LuceneStore(directory, null, new SearcherManager(directory, null), schema);
      }
      IndexWriterConfig config = LabelSort.config();
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setCommitOnClose(true);
      LabelMergePolicy merges = (LabelMergePolicy) config.getMergePolicy();
      IndexWriter writer = new IndexWriter(directory, config);
      if (!DirectoryReader.indexExists(directory)) {
        writer.commit(); // an empty first commit, so readers can open at once
      }
      SearcherManager searchers = new SearcherManager(writer, null);
      learnLabels(searchers, merges); // the merge policy learns each segment's label from the readers opened
      writer.maybeMerge(); // e.g. the many small segments of an index just rebuilt one label per segment
      searchers.addListener(new org.apache.lucene.search.ReferenceManager.RefreshListener() {
        @Override
        public void beforeRefresh() {}

        @Override
        public void afterRefresh(boolean didRefresh) throws IOException {
          if (didRefresh) {
            learnLabels(searchers, merges);
          }
        }
      });
      return new LuceneStore(directory, writer, searchers, schema);
    } catch (org.apache.lucene.store.LockObtainFailedException e) {
      closeQuietly(directory);
      throw new StoreException("the index in " + dir + " is already open for writing by another process or workspace;"
          + " close it, or open this one read-only", e);
    } catch (IOException e) {
      closeQuietly(directory);
      throw new StoreException("could not open the index in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Generations highest(SearcherManager searchers, Iterable<Map.Entry<String, String>> commitData)
      throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return Generations.after(searcher.getIndexReader(), commitData);
    } finally {
      searchers.release(searcher);
    }
  }

  private static void learnLabels(SearcherManager searchers, LabelMergePolicy merges) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      merges.learn(searcher.getIndexReader());
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public boolean readOnly() {
    return writer == null;
  }

  /** Writes statements and documents (replacing any with the same id) and commits; durable when it returns. */
  @Override
  public void write(Collection<Statement> statements, Collection<Document> documents) {
    if (writer == null) {
      throw new StoreException("this workspace was opened read-only; open it for writing to add data");
    }
    Map<String, List<Pending>> byLabel = new TreeMap<>();
    for (Statement s : statements) {
      add(byLabel, s.label().toString(), new Pending(s.id(), toLucene(s, schema), null));
    }
    for (Document d : documents) {
      add(byLabel, d.label().toString(), new Pending(d.id(), null, d)); // analysed ahead, see writePartitioned
    }
    try {
      writePartitioned(byLabel);
    } catch (IOException e) {
      throw new StoreException("could not write to the index: " + e.getMessage() + "; nothing was acknowledged", e);
    }
  }

  /** One item to write: its id and its Lucene document, or the document to convert (and analyse) ahead. */
  private record Pending(String id, org.apache.lucene.document.Document built, Document source) {}

  private static void add(Map<String, List<Pending>> byLabel, String label, Pending pending) {
    byLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(pending);
  }

  /**
   * Adds the documents label by label, flushing between labels so that every new segment holds one label
   * ({@link LabelMergePolicy} keeps it so), then commits once: the write is still one atomic, synced commit. Writes
   * are serialised, or another thread's documents could share a segment with another label. Documents are
   * converted and their text analysed on other threads just ahead of the writer ({@link AheadAnalysis}), in the
   * order written, so the index is what converting them here would give.
   */
  private void writePartitioned(Map<String, List<Pending>> byLabel) throws IOException {
    synchronized (writeLock) {
      long sequence = generations.begin();
      boolean removed = true;
      try {
        // every earlier write committed, so the live count is exact: a write that replaced an id leaves fewer live
        // documents than it added (merges drop only deleted documents)
        long before = writer.getDocStats().numDocs;
        long added = 0;
        List<Pending> toConvert = new ArrayList<>(); // in the order written
        byLabel.values().forEach(group -> group.stream().filter(p -> p.built() == null).forEach(toConvert::add));
        try (AheadAnalysis.Results<org.apache.lucene.document.Document> converted =
            AheadAnalysis.shared().map(toConvert, p -> toLucene(p.source(), true))) {
          boolean first = true;
          for (List<Pending> group : byLabel.values()) {
            if (!first) {
              writer.flush();
            }
            first = false;
            for (Pending p : group) {
              org.apache.lucene.document.Document doc = p.built() != null ? p.built() : converted.next();
              doc.add(Generations.field(sequence));
              writer.updateDocument(new Term(ID, p.id()), doc);
              added++;
            }
          }
        }
        writer.setLiveCommitData(Generations.commitData(sequence).entrySet());
        writer.commit();
        removed = writer.getDocStats().numDocs != before + added;
        searchers.maybeRefreshBlocking(); // before the sequence is published: whoever sees it sees the write
      } finally {
        generations.end(sequence, removed);
      }
    }
    // the refresh taught the merge policy the new segments' labels: let it merge them now (in the background)
    // rather than at the next write, so a batch's small segments do not wait for one
    writer.maybeMerge();
  }

  /** Removes one statement and writes its replacement in one commit; durable when it returns. */
  @Override
  public void supersede(String id, Statement replacement) {
    if (writer == null) {
      throw new StoreException("this workspace was opened read-only; open it for writing to add data");
    }
    try {
      synchronized (writeLock) {
        long sequence = generations.begin();
        try {
          org.apache.lucene.document.Document doc = toLucene(replacement, schema);
          doc.add(Generations.field(sequence));
          writer.deleteDocuments(new Term(ID, id));
          writer.updateDocument(new Term(ID, replacement.id()), doc);
          writer.setLiveCommitData(Generations.commitData(sequence).entrySet());
          writer.commit();
          searchers.maybeRefreshBlocking();
        } finally {
          generations.end(sequence, true);
        }
      }
    } catch (IOException e) {
      throw new StoreException("could not write to the index: " + e.getMessage() + "; nothing was acknowledged", e);
    }
  }

  /**
   * Deletes by id in one commit, then merges away the deleted documents (every segment holding one, however few:
   * see {@link #open}) and commits again, so the erased values, their terms and their share of the statistics leave
   * the disk; the first commit is the atomic one, the second only reclaims.
   */
  @Override
  public void delete(Collection<String> ids) {
    if (writer == null) {
      throw new StoreException("this workspace was opened read-only; open it for writing to erase data");
    }
    if (ids.isEmpty()) {
      return;
    }
    try {
      List<Term> terms = new ArrayList<>(ids.size());
      ids.forEach(id -> terms.add(new Term(ID, id)));
      synchronized (writeLock) { // nor may its commit take in half of a write
        long sequence = generations.begin();
        try {
          writer.deleteDocuments(terms.toArray(new Term[0]));
          writer.setLiveCommitData(Generations.commitData(sequence).entrySet());
          writer.commit();
          writer.forceMergeDeletes(true);
          // a merge already running when the deletes came is left out by the call above and carries them into its
          // new segment: wait for it, then merge those away too, so no erased value stays on disk
          if (writer.getConfig().getMergeScheduler() instanceof org.apache.lucene.index.ConcurrentMergeScheduler cms) {
            cms.sync();
            writer.forceMergeDeletes(true);
          }
          writer.commit();
          searchers.maybeRefreshBlocking();
        } finally {
          generations.end(sequence, true);
        }
      }
    } catch (IOException e) {
      throw new StoreException("could not erase from the index: " + e.getMessage() + "; nothing was acknowledged", e);
    }
  }

  @Override
  public List<Statement> statementsById(Set<String> ids, Visibility visibility) {
    return statements(and(new TermQuery(new Term(KIND, STATEMENT_KIND)), terms(ID, ids), filter(visibility)), visibility);
  }

  @Override
  public List<Statement> statementsWithValue(Set<String> values, Visibility visibility) {
    return statements(and(new TermQuery(new Term(KIND, STATEMENT_KIND)), terms(VALUE, values), filter(visibility)),
        visibility);
  }

  private List<Statement> statements(Query q, Visibility visibility) {
    List<Statement> out = new ArrayList<>();
    for (String json : storedJson(q, visibility, Integer.MAX_VALUE)) {
      out.add(readStatement(json));
    }
    return out;
  }

  /** Writes mentions (replacing any with the same id) and commits; durable when it returns. */
  @Override
  public void writeMentions(Collection<Mention> mentions) {
    if (writer == null) {
      throw new StoreException("this workspace was opened read-only; open it for writing to add data");
    }
    Map<String, List<Pending>> byLabel = new TreeMap<>();
    for (Mention m : mentions) {
      add(byLabel, m.label().toString(), new Pending(m.id(), toLucene(m), null));
    }
    try {
      writePartitioned(byLabel);
    } catch (IOException e) {
      throw new StoreException("could not write to the index: " + e.getMessage() + "; nothing was acknowledged", e);
    }
  }

  private static org.apache.lucene.document.Document toLucene(Mention m) {
    org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
    d.add(new StringField(KIND, MENTION_KIND, Field.Store.NO));
    sortable(d, ID, m.id());
    d.add(new StringField(MENTION_OF, m.documentId(), Field.Store.NO));
    common(d, m.label().toString(), m.provenance().dataset(), m.provenance().grading().toString(), m.provenance().evidence());
    d.add(new StoredField(JSON, ModelJson.write(ModelJson.mention(m))));
    return d;
  }

  /** A stored document of {@code kind} indexed again as it was first written (an older index being sorted). */
  private static org.apache.lucene.document.Document rebuild(String kind, org.apache.lucene.document.Document stored,
      Schema schema) {
    return switch (kind) {
      case STATEMENT_KIND -> toLucene(readStatement(stored.get(JSON)), schema);
      case DOCUMENT_KIND -> toLucene(readDocument(stored), false);
      case MENTION_KIND -> toLucene(ModelJson.mention(ModelJson.read(stored.get(JSON))));
      default -> throw new StoreException("the index holds an item of unknown kind '" + kind + "'; it was written by "
          + "a newer version of INSIGHT, open it with that version");
    };
  }

  /** The visible mentions in one document, in text order. */
  @Override
  public List<Mention> mentions(String documentId, Visibility visibility) {
    Query q = and(new TermQuery(new Term(MENTION_OF, documentId)), new TermQuery(new Term(KIND, MENTION_KIND)), filter(visibility));
    List<Mention> out = new ArrayList<>();
    for (String json : storedJson(q, visibility, 100_000)) {
      out.add(ModelJson.mention(ModelJson.read(json)));
    }
    out.sort(java.util.Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end).thenComparing(Mention::id));
    return out;
  }

  /** Re-opens the reader if another process committed (read-only stores see new data this way). */
  @Override
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new StoreException("could not refresh the index reader: " + e.getMessage(), e);
    }
  }

  /**
   * The distinct label terms in the index. Their number is small, so a session evaluates each once and filters
   * by the visible ones; cached per reader version.
   */
  @Override
  public Set<String> labels() {
    IndexSearcher searcher = acquire();
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      long version = reader.getVersion();
      LabelTerms cached = labelTerms;
      if (cached.version() == version) {
        return cached.labels();
      }
      Set<String> labels = new HashSet<>();
      Terms terms = MultiTerms.getTerms(reader, LABEL);
      if (terms != null) {
        TermsEnum it = terms.iterator();
        for (BytesRef t = it.next(); t != null; t = it.next()) {
          labels.add(t.utf8ToString());
        }
      }
      Set<String> result = Set.copyOf(labels);
      labelTerms = new LabelTerms(version, result);
      return result;
    } catch (IOException e) {
      throw new StoreException("could not read the index's labels: " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /** The filter put inside every query of a reader: only documents under its visible label terms. */
  private Query filter(Visibility visibility) {
    return filters.get(visibility, v -> v.labels().isEmpty()
        ? new MatchNoDocsQuery("no label is visible to this reader") : new VisibilityQuery(v.labels()));
  }

  /** A statement from its stored JSON. */
  static Statement readStatement(String json) {
    return ModelJson.statement(ModelJson.read(json));
  }

  /** The statements of one entity that pass {@code visibility}. */
  @Override
  public List<Statement> statements(EntityId id, Visibility visibility) {
    Query q = and(new TermQuery(new Term(ENTITY, id.value())), new TermQuery(new Term(KIND, STATEMENT_KIND)), filter(visibility));
    List<Statement> out = new ArrayList<>();
    for (String json : storedJson(q, visibility, Integer.MAX_VALUE)) {
      out.add(readStatement(json));
    }
    return out;
  }

  @Override
  public long countEntities(Set<String> types, Visibility visibility) {
    IndexSearcher searcher = acquire();
    try {
      return visibleEntities(searcher, types, visibility).cardinality();
    } catch (IOException e) {
      throw new StoreException("could not count entities: " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  @Override
  public List<EntityId> entityIds(Set<String> types, long offset, int limit, Visibility visibility) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("entityIds needs offset >= 0 and limit >= 0, got offset=" + offset
          + " limit=" + limit);
    }
    IndexSearcher searcher = acquire();
    try {
      FixedBitSet visible = visibleEntities(searcher, types, visibility);
      EntityOrdinals ordinals = EntityOrdinals.of(searcher.getIndexReader());
      List<EntityId> out = new ArrayList<>();
      // global ordinals are in id order, so a page is a walk over the set bits
      int g = nextSetBit(visible, 0);
      for (long skipped = 0; g >= 0 && skipped < offset; skipped++) {
        g = nextSetBit(visible, g + 1);
      }
      for (; g >= 0 && out.size() < limit; g = nextSetBit(visible, g + 1)) {
        out.add(new EntityId(ordinals.id(searcher.getIndexReader(), g)));
      }
      return out;
    } catch (IOException e) {
      throw new StoreException("could not list entities: " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  private static int nextSetBit(FixedBitSet bits, int from) {
    if (from >= bits.length()) {
      return -1;
    }
    int next = bits.nextSetBit(from);
    return next == DocIdSetIterator.NO_MORE_DOCS ? -1 : next;
  }

  private FixedBitSet visibleEntities(IndexSearcher searcher, Set<String> types, Visibility visibility)
      throws IOException {
    Query q = and(new TermQuery(new Term(KIND, STATEMENT_KIND)), terms(SCHEMA, types), filter(visibility));
    return VisibleEntities.of(searcher, q, visibility, types);
  }

  @Override
  public Scan<Entity> scanEntities(Set<String> types, Visibility visibility) {
    IndexSearcher searcher = acquire();
    try {
      FixedBitSet wanted = visibleEntities(searcher, types, visibility);
      Query visibleStatements = and(new TermQuery(new Term(KIND, STATEMENT_KIND)), filter(visibility));
      return new EntityScan(searcher, () -> release(searcher), visibleStatements, wanted, schema);
    } catch (IOException | RuntimeException e) {
      release(searcher);
      throw e instanceof IOException ? new StoreException("could not start the scan: " + e.getMessage(), e)
          : (RuntimeException) e;
    }
  }

  @Override
  public Scan<Statement> scanStatements(Set<String> properties, Visibility visibility) {
    return statementScan(and(new TermQuery(new Term(KIND, STATEMENT_KIND)), terms(PROPERTY, properties),
        filter(visibility)), visibility);
  }

  @Override
  public Scan<Statement> scanStatementsOf(Set<String> types, Visibility visibility) {
    return statementScan(and(new TermQuery(new Term(KIND, STATEMENT_KIND)), terms(SCHEMA, types), filter(visibility)),
        visibility);
  }

  @Override
  public Scan<Statement> statementsAdded(long after, long upTo, Set<String> types, Visibility visibility) {
    return statementScan(and(new TermQuery(new Term(KIND, STATEMENT_KIND)), terms(SCHEMA, types),
        Generations.between(after, upTo), filter(visibility)), visibility);
  }

  private Scan<Statement> statementScan(Query q, Visibility visibility) {
    IndexSearcher searcher = acquire();
    try {
      IndexSearcher visible = visible(searcher, visibility); // valid while the scan holds the snapshot
      return new StatementScan(visible, () -> release(searcher), q, visible.count(q));
    } catch (IOException | RuntimeException e) {
      release(searcher);
      throw e instanceof IOException ? new StoreException("could not start the scan: " + e.getMessage(), e)
          : (RuntimeException) e;
    }
  }

  @Override
  public List<Mention> mentionsAdded(long after, long upTo, Visibility visibility) {
    Query q = and(new TermQuery(new Term(KIND, MENTION_KIND)), Generations.between(after, upTo), filter(visibility));
    List<Mention> out = new ArrayList<>();
    for (String json : storedJson(q, visibility, Integer.MAX_VALUE)) {
      out.add(ModelJson.mention(ModelJson.read(json)));
    }
    return out;
  }

  @Override
  public org.insight.search.Generation generation() {
    return generations.current();
  }

  /**
   * The statements from the given datasets, of the given types, that pass {@code visibility} (a watch list as a
   * session may see it), in index order.
   */
  @Override
  public List<Statement> statementsOf(Set<String> datasets, Set<String> types, Visibility visibility) {
    Query q = and(new TermQuery(new Term(KIND, STATEMENT_KIND)), terms(DATASET, datasets), terms(SCHEMA, types),
        filter(visibility));
    List<Statement> out = new ArrayList<>();
    for (String json : storedJson(q, visibility, Integer.MAX_VALUE)) {
      out.add(readStatement(json));
    }
    return out;
  }

  /**
   * The statements of entities of the given types, from any dataset, that pass {@code visibility}, in index order
   * (the persons a new watch-list entry is screened against).
   */
  @Override
  public List<Statement> statementsOfTypes(Set<String> types, Visibility visibility) {
    Query q = and(new TermQuery(new Term(KIND, STATEMENT_KIND)), terms(SCHEMA, types), filter(visibility));
    List<Statement> out = new ArrayList<>();
    for (String json : storedJson(q, visibility, Integer.MAX_VALUE)) {
      out.add(readStatement(json));
    }
    return out;
  }

  /** Every mention, in any document, that passes {@code visibility}, in index order. */
  @Override
  public List<Mention> allMentions(Visibility visibility) {
    Query q = and(new TermQuery(new Term(KIND, MENTION_KIND)), filter(visibility));
    List<Mention> out = new ArrayList<>();
    for (String json : storedJson(q, visibility, Integer.MAX_VALUE)) {
      out.add(ModelJson.mention(ModelJson.read(json)));
    }
    return out;
  }

  /** The version of the current reader: it changes with every commit, this process's or another's. */
  @Override
  public long version() {
    IndexSearcher searcher = acquire();
    try {
      return ((DirectoryReader) searcher.getIndexReader()).getVersion();
    } finally {
      release(searcher);
    }
  }

  /** A document by id, if it passes {@code visibility}. */
  @Override
  public Optional<Document> document(String id, Visibility visibility) {
    Query q = and(new TermQuery(new Term(ID, id)), new TermQuery(new Term(KIND, DOCUMENT_KIND)), filter(visibility));
    IndexSearcher acquired = acquire();
    try {
      IndexSearcher searcher = visible(acquired, visibility);
      TopDocs top = searcher.search(q, 1);
      return top.scoreDocs.length == 0 ? Optional.empty()
          : Optional.of(readDocument(searcher.storedFields().document(top.scoreDocs[0].doc)));
    } catch (IOException e) {
      throw new StoreException("could not read a document: " + e.getMessage(), e);
    } finally {
      release(acquired);
    }
  }

  /** Visible documents in id order, from {@code offset}, at most {@code limit}. */
  @Override
  public List<Document> documents(int offset, int limit, Visibility visibility) {
    Query q = and(new TermQuery(new Term(KIND, DOCUMENT_KIND)), filter(visibility));
    IndexSearcher acquired = acquire();
    try {
      IndexSearcher searcher = visible(acquired, visibility);
      int n = (int) Math.min(Integer.MAX_VALUE, (long) offset + limit);
      if (n == 0) {
        return List.of();
      }
      TopDocs top = searcher.search(q, n, new Sort(new SortField(ID, SortField.Type.STRING)));
      List<Document> out = new ArrayList<>();
      for (int i = offset; i < top.scoreDocs.length; i++) {
        out.add(readDocument(searcher.storedFields().document(top.scoreDocs[i].doc)));
      }
      return out;
    } catch (IOException e) {
      throw new StoreException("could not list documents: " + e.getMessage(), e);
    } finally {
      release(acquired);
    }
  }

  /** Runs a search with {@code visibility} inside every query it makes; one index snapshot for all its passes. */
  @Override
  public SearchResult search(org.insight.search.Query query, Visibility visibility) {
    IndexSearcher searcher = acquire();
    try {
      return new SearchEngine(visible(searcher, visibility), filter(visibility), schema, documentQueries)
          .run(query);
    } catch (IOException e) {
      throw new StoreException("the search failed: " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /** Names completing {@code prefix} among the visible statements. */
  @Override
  public List<org.insight.search.Suggestion> suggest(String prefix, int limit, Visibility visibility) {
    IndexSearcher searcher = acquire();
    try {
      return new SearchEngine(visible(searcher, visibility), filter(visibility), schema, documentQueries)
          .suggest(prefix, limit);
    } catch (IOException e) {
      throw new StoreException("suggestions failed: " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /** Visible documents. */
  @Override
  public long countDocuments(Visibility visibility) {
    return count(and(new TermQuery(new Term(KIND, DOCUMENT_KIND)), filter(visibility)), visibility);
  }

  /** Whether some visible statement or document traces to {@code hash}. */
  @Override
  public boolean evidenceVisible(ContentHash hash, Visibility visibility) {
    return count(and(new TermQuery(new Term(EVIDENCE, hash.hex())), filter(visibility)), visibility) > 0;
  }

  private long count(Query q, Visibility visibility) {
    IndexSearcher searcher = acquire();
    try {
      return visible(searcher, visibility).count(q);
    } catch (IOException e) {
      throw new StoreException("could not count: " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /** The stored JSON of every match, in index order; for small result sets such as one entity's statements. */
  private List<String> storedJson(Query q, Visibility visibility, int max) {
    IndexSearcher acquired = acquire();
    try {
      IndexSearcher searcher = visible(acquired, visibility);
      List<Integer> docs = new ArrayList<>();
      searcher.search(q, new AllDocs(docs, max));
      List<String> out = new ArrayList<>(docs.size());
      var stored = searcher.storedFields();
      for (int doc : docs) {
        out.add(stored.document(doc).get(JSON));
      }
      return out;
    } catch (IOException e) {
      throw new StoreException("could not read from the index: " + e.getMessage(), e);
    } finally {
      release(acquired);
    }
  }

  private static Query and(Query... filters) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query f : filters) {
      b.add(f, BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private static Query terms(String field, Set<String> values) {
    if (values.isEmpty()) {
      return new MatchNoDocsQuery();
    }
    List<BytesRef> refs = new ArrayList<>();
    values.forEach(v -> refs.add(new BytesRef(v)));
    return new TermInSetQuery(field, refs);
  }

  private static org.apache.lucene.document.Document toLucene(Statement s, Schema schema) {
    org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
    d.add(new StringField(KIND, STATEMENT_KIND, Field.Store.NO));
    sortable(d, ID, s.id());
    d.add(new StringField(ENTITY, s.entityId().value(), Field.Store.NO));
    d.add(new SortedSetDocValuesField(ENTITY, new BytesRef(s.entityId().value())));
    keyword(d, SCHEMA, s.schema());
    d.add(new StringField(PROPERTY, s.property(), Field.Store.NO));
    if (s.value().length() <= MAX_EXACT_VALUE) {
      d.add(new StringField(VALUE, s.value(), Field.Store.NO));
    }
    d.add(new Field(TEXT, s.value(), INDEXED_TEXT));
    d.add(new StoredField(STORED_VALUE, s.value()));
    schema.find(s.schema()).filter(t -> t.has(s.property())).map(t -> t.property(s.property()))
        .ifPresent(def -> typed(d, def, s.value()));
    common(d, s.label().toString(), s.provenance().dataset(), s.provenance().grading().toString(), s.provenance().evidence());
    d.add(new StoredField(JSON, ModelJson.write(ModelJson.statement(s))));
    return d;
  }

  /** The fields a value gets from its property's type: how names, identifiers, dates, countries and points match. */
  private static void typed(org.apache.lucene.document.Document d, PropertyDef def, String value) {
    switch (def.type()) {
      case NAME -> {
        d.add(new TextField(NAME, value, Field.Store.NO));
        d.add(new TextField(NAME_PHONETIC, value, Field.Store.NO));
        d.add(new SortedDocValuesField(SORT_NAME, new BytesRef(sortKey(value))));
      }
      case IDENTIFIER, PHONE, EMAIL -> {
        d.add(new StringField(IDENT, identKey(def.type(), value), Field.Store.NO));
        d.add(new StringField(ID_SCHEME, def.scheme().isEmpty() ? def.type().id() : def.scheme(), Field.Store.NO));
      }
      case DATE -> {
        int[] r = PartialDates.range(value);
        d.add(new IntRange(DATE_RANGE, new int[] {r[0]}, new int[] {r[1]}));
        d.add(new SortedSetDocValuesField(YEAR, new BytesRef(value.substring(0, 4))));
        d.add(new SortedDocValuesField(SORT_DATE, new BytesRef(value)));
      }
      case COUNTRY -> keyword(d, COUNTRY, value);
      case GEO_POINT -> {
        String[] ll = value.split(",");
        d.add(new LatLonPoint(GEO, Double.parseDouble(ll[0]), Double.parseDouble(ll[1])));
      }
      default -> { }
    }
  }

  /** E-mail addresses match whatever the case of their local part (as every real mail system does). */
  static String identKey(PropertyType type, String value) {
    return type == PropertyType.EMAIL ? value.toLowerCase(java.util.Locale.ROOT) : value;
  }

  /** Names sort by their folded, transliterated form, so Ж sorts with Z and é with e. */
  static String sortKey(String name) {
    String key = org.insight.names.Names.normalise(name);
    return key.length() > 200 ? key.substring(0, 200) : key;
  }

  /**
   * A document's Lucene document; with {@code analyseNow}, its text fields carry their tokens, analysed on the
   * calling thread (an analysis thread ahead of the writer) rather than by the writer as it inverts them.
   */
  static org.apache.lucene.document.Document toLucene(Document doc, boolean analyseNow) {
    boolean now = analyseNow && doc.text().length() <= MAX_AHEAD_CHARS;
    org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
    d.add(new StringField(KIND, DOCUMENT_KIND, Field.Store.NO));
    sortable(d, ID, doc.id());
    // the text is stored once, in its own field with offsets for highlighting; the JSON leaves it out
    d.add(now ? new AnalysedField(TEXT, doc.text(), STORED_TEXT) : new Field(TEXT, doc.text(), STORED_TEXT));
    String languageField = Analysis.textField(doc.language());
    if (!languageField.equals(TEXT)) {
      d.add(now ? new AnalysedField(languageField, doc.text(), TextField.TYPE_NOT_STORED)
          : new TextField(languageField, doc.text(), Field.Store.NO));
    }
    d.add(new TextField(TITLE, doc.title(), Field.Store.NO));
    names(d, doc.title(), doc.text());
    d.add(new SortedDocValuesField(SORT_NAME, new BytesRef(sortKey(doc.title().isEmpty() ? doc.id() : doc.title()))));
    if (!doc.language().isEmpty()) {
      keyword(d, LANG, doc.language());
    }
    List<ContentHash> evidence = new ArrayList<>(doc.provenance().evidence());
    evidence.add(doc.contentHash());
    common(d, doc.label().toString(), doc.provenance().dataset(), doc.provenance().grading().toString(), evidence);
    d.add(new StoredField(JSON, ModelJson.write(ModelJson.document(withoutText(doc)))));
    return d;
  }

  /** Texts longer than this are analysed by the writer as it inverts them, so tokens held ahead never take much memory. */
  private static final int MAX_AHEAD_CHARS = 1 << 20;

  /**
   * A text field whose tokens were recorded when it was built ({@link RecordedTokens}, by the index's own analyzer
   * for its name), so the writer replays them instead of analysing; its stored value is the text, as a plain field's.
   */
  private static final class AnalysedField extends Field {
    private final RecordedTokens tokens;

    AnalysedField(String name, String text, FieldType type) {
      super(name, text, type);
      this.tokens = RecordedTokens.of(Analysis.indexAnalyzer(name, text), name, text);
    }

    @Override
    public org.apache.lucene.analysis.TokenStream tokenStream(org.apache.lucene.analysis.Analyzer analyzer,
        org.apache.lucene.analysis.TokenStream reuse) {
      return tokens.replay();
    }
  }

  /** Texts longer than this are analysed once per name field, so the recorded tokens never take much memory. */
  private static final int NAME_TOKENS_MAX_CHARS = 1 << 22;

  /**
   * A document's title and text as names and phonetic names: the whole title, and of the text its name-bearing words
   * only ({@link NameBearingFilter}); each analysed once for both fields (the two analyzers share all but their last
   * step), which halves what names cost at ingest; the index holds the same tokens either way.
   */
  private static void names(org.apache.lucene.document.Document d, String title, String text) {
    if (!title.isEmpty()) {
      RecordedTokens tokens = Analysis.nameTokens(title);
      d.add(new TextField(NAME, tokens.replay()));
      d.add(new TextField(NAME_PHONETIC, tokens.phonetic()));
    }
    if (text.length() > NAME_TOKENS_MAX_CHARS) {
      d.add(new TextNames(NAME, text, false));
      d.add(new TextNames(NAME_PHONETIC, text, true));
      return;
    }
    RecordedTokens tokens = Analysis.textNameTokens(text);
    d.add(new TextField(NAME, tokens.replay()));
    d.add(new TextField(NAME_PHONETIC, tokens.phonetic()));
  }

  /** A long text's names, analysed by the writer as it inverts them (what {@link Analysis#textNameTokens} records). */
  private static final class TextNames extends Field {
    private final boolean phonetic;

    TextNames(String name, String text, boolean phonetic) {
      super(name, text, TextField.TYPE_NOT_STORED);
      this.phonetic = phonetic;
    }

    @Override
    public org.apache.lucene.analysis.TokenStream tokenStream(org.apache.lucene.analysis.Analyzer analyzer,
        org.apache.lucene.analysis.TokenStream reuse) {
      return Analysis.textNames(phonetic).tokenStream(name(), stringValue());
    }
  }

  /** One field, one set of index options: documents store their text, statements only index it. */
  private static final FieldType STORED_TEXT = withOffsets(TextField.TYPE_STORED);
  private static final FieldType INDEXED_TEXT = withOffsets(TextField.TYPE_NOT_STORED);

  private static FieldType withOffsets(FieldType base) {
    FieldType t = new FieldType(base);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  private static Document withoutText(Document d) {
    return new Document(d.id(), d.contentHash(), d.title(), "", d.language(), d.metadata(), d.parentId(),
        d.extraction(), d.label(), d.provenance());
  }

  /** Reads a stored document back, putting its text back in. */
  static Document readDocument(org.apache.lucene.document.Document stored) {
    Document d = ModelJson.document(ModelJson.read(stored.get(JSON)));
    return new Document(d.id(), d.contentHash(), d.title(), stored.get(TEXT), d.language(), d.metadata(), d.parentId(),
        d.extraction(), d.label(), d.provenance());
  }

  private static void sortable(org.apache.lucene.document.Document d, String field, String value) {
    d.add(new StringField(field, value, Field.Store.NO));
    d.add(new SortedDocValuesField(field, new BytesRef(value)));
  }

  /** A keyword that can be filtered on and counted as a facet. */
  private static void keyword(org.apache.lucene.document.Document d, String field, String value) {
    d.add(new StringField(field, value, Field.Store.NO));
    d.add(new SortedSetDocValuesField(field, new BytesRef(value)));
  }

  private static void common(org.apache.lucene.document.Document d, String label, String dataset, String grading,
      List<ContentHash> evidence) {
    d.add(new StringField(LABEL, label, Field.Store.NO));
    d.add(new SortedDocValuesField(LABEL, new BytesRef(label))); // the index sort (LabelSort)
    keyword(d, DATASET, dataset);
    keyword(d, GRADING, grading);
    for (String hex : new TreeSet<>(evidence.stream().map(ContentHash::hex).toList())) {
      d.add(new StringField(EVIDENCE, hex, Field.Store.NO));
    }
  }

  /** What {@code reading} makes of the current snapshot's reader (the presearch reads the term dictionary). */
  <T> T withReader(ReaderFunction<T> reading) {
    IndexSearcher searcher = acquire();
    try {
      return reading.apply(searcher.getIndexReader());
    } catch (IOException e) {
      throw Presearch.failed(e);
    } finally {
      release(searcher);
    }
  }

  /** A read of an index reader. */
  interface ReaderFunction<T> {
    T apply(org.apache.lucene.index.IndexReader reader) throws IOException;
  }

  /**
   * A searcher over the segments of {@code acquired}'s snapshot that hold a document {@code visibility} lets through
   * ({@link VisibleSegments}); valid while {@code acquired} is held. Segments hold one label each, so the rest is
   * invisible data, and leaving it out spares every term seek and postings block there (issue 14, finding 10).
   */
  private IndexSearcher visible(IndexSearcher acquired, Visibility visibility) throws IOException {
    org.apache.lucene.index.IndexReader view = VisibleSegments.of(acquired.getIndexReader(), filter(visibility));
    return view == acquired.getIndexReader() ? acquired : new IndexSearcher(view);
  }

  private IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new StoreException("could not open an index reader: " + e.getMessage(), e);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      if (writer != null) {
        writer.close();
      }
      directory.close();
    } catch (IOException e) {
      throw new StoreException("could not close the index cleanly: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // already failing; the first error is the one to report
      }
    }
  }

  /** Collects the global ids of up to {@code max} matching documents, without scoring or a priority queue. */
  /** The first {@code max} matches of {@code q}, in index order, unscored, in one pass. */
  static List<Integer> allDocs(IndexSearcher searcher, Query q, int max) throws IOException {
    List<Integer> docs = new ArrayList<>();
    searcher.search(q, new AllDocs(docs, max));
    return docs;
  }

  private static final class AllDocs implements Collector {
    private final List<Integer> out;
    private final int max;

    AllDocs(List<Integer> out, int max) {
      this.out = out;
      this.max = max;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      int base = context.docBase;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          if (out.size() < max) {
            out.add(base + doc);
          }
        }
      };
    }
  }
}
