package org.insight.search.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * {@link VisibleMatchQuery} answers exactly as the conjunction it replaces, {@code +query #visibility}: the same
 * documents, scores and order, with and without Lucene's pruning of documents that cannot compete, and the same
 * count — on segments the filter covers whole (where the query runs alone), on segments mixing labels and kinds,
 * with deletions, and for queries with a two-phase match (phrases).
 */
class VisibleMatchQueryProperties {
  private static final List<String> LABELS = List.of("A", "B", "A&B", "C");
  private static final List<String> KINDS = List.of("document", "statement");
  private static final List<String> WORDS = List.of("blue", "van", "petrov", "amina", "nightjar", "red");

  @Property(tries = 60)
  void answersAsTheFilteredConjunction(@ForAll @IntRange(min = 0, max = 100_000) int seed) throws IOException {
    Random random = new Random(seed);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
      config.setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE); // keep the segments as written
      try (IndexWriter w = new IndexWriter(dir, config)) {
        int docs = 20 + random.nextInt(300);
        // some segments of one label and kind (covered whole by a filter that sees it), others mixed
        boolean uniform = random.nextBoolean();
        String label = LABELS.get(random.nextInt(LABELS.size()));
        for (int i = 0; i < docs; i++) {
          if (random.nextInt(40) == 0) {
            w.commit();
            uniform = random.nextBoolean();
            label = LABELS.get(random.nextInt(LABELS.size()));
          }
          Document d = new Document();
          d.add(new StringField("id", "d" + i, Field.Store.NO));
          d.add(new StringField(LuceneStore.KIND, uniform ? "document" : KINDS.get(random.nextInt(2)), Field.Store.NO));
          d.add(new StringField(LuceneStore.LABEL, uniform ? label : LABELS.get(random.nextInt(LABELS.size())),
              Field.Store.NO));
          d.add(new TextField("text", words(random, 1 + random.nextInt(12)), Field.Store.NO));
          d.add(new TextField("title", words(random, 1 + random.nextInt(3)), Field.Store.NO));
          w.addDocument(d);
        }
        for (int i = 0; i < docs / 10; i++) {
          if (random.nextInt(3) == 0) {
            w.deleteDocuments(new Term("id", "d" + random.nextInt(docs)));
          }
        }
        w.commit();
      }
      Set<String> visible = new TreeSet<>();
      for (String l : LABELS) {
        if (random.nextBoolean()) {
          visible.add(l);
        }
      }
      if (visible.isEmpty()) {
        visible.add(LABELS.get(0));
      }
      VisibilityQuery filter = new VisibilityQuery(visible).ofKind("document");
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        for (Query q : queries(random)) {
          Query expected = new BooleanQuery.Builder().add(q, Occur.MUST).add(filter, Occur.FILTER).build();
          Query actual = new VisibleMatchQuery(q, filter);
          for (int threshold : new int[] {1, Integer.MAX_VALUE}) {
            int n = 1 + random.nextInt(15);
            TopDocs want = searcher.search(expected, new TopScoreDocCollectorManager(n, null, threshold, false));
            TopDocs got = searcher.search(actual, new TopScoreDocCollectorManager(n, null, threshold, false));
            assertArrayEquals(docs(want), docs(got), q + " threshold " + threshold);
            assertArrayEquals(scores(want), scores(got), q + " threshold " + threshold);
            if (threshold == Integer.MAX_VALUE) {
              assertEquals(want.totalHits, got.totalHits, q.toString());
            }
          }
          assertEquals(searcher.count(expected), searcher.count(actual), q.toString());
        }
      }
    }
  }

  private static List<Query> queries(Random random) {
    String a = WORDS.get(random.nextInt(WORDS.size()));
    String b = WORDS.get(random.nextInt(WORDS.size()));
    List<Query> out = new ArrayList<>();
    out.add(new TermQuery(new Term("text", a)));
    DisjunctionMaxQuery dismax = new DisjunctionMaxQuery(
        List.of(new TermQuery(new Term("text", a)), new TermQuery(new Term("title", a))), 0.1f);
    out.add(dismax);
    out.add(new BooleanQuery.Builder().add(dismax, Occur.MUST).add(new DisjunctionMaxQuery(
        List.of(new TermQuery(new Term("text", b)), new TermQuery(new Term("title", b))), 0.1f), Occur.MUST).build());
    out.add(new BooleanQuery.Builder().add(new TermQuery(new Term("text", a)), Occur.SHOULD)
        .add(new TermQuery(new Term("text", b)), Occur.SHOULD).build());
    out.add(new PhraseQuery("text", a, b));
    return out;
  }

  private static String words(Random random, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
    }
    return out.toString();
  }

  private static int[] docs(TopDocs top) {
    int[] out = new int[top.scoreDocs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = top.scoreDocs[i].doc;
    }
    return out;
  }

  private static float[] scores(TopDocs top) {
    float[] out = new float[top.scoreDocs.length];
    int i = 0;
    for (ScoreDoc sd : top.scoreDocs) {
      out[i++] = sd.score;
    }
    return out;
  }
}
