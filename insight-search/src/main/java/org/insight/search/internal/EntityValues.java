package org.insight.search.internal;

import java.io.IOException;
import java.util.function.BiConsumer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Calls back (entity id, value) for every value of a doc-values field (sorted or sorted-set) of each matching
 * statement: how entity ids, facet values and sort keys are gathered over visible statements. Not API.
 */
final class EntityValues implements Collector {
  private final String field;
  private final BiConsumer<String, String> sink;

  EntityValues(String field, BiConsumer<String, String> sink) {
    this.field = field;
    this.sink = sink;
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    SortedSetDocValues entities = DocValues.getSortedSet(context.reader(), LuceneStore.ENTITY);
    SortedSetDocValues values = DocValues.getSortedSet(context.reader(), field);
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) {}

      @Override
      public void collect(int doc) throws IOException {
        if (entities.advanceExact(doc) && values.advanceExact(doc)) {
          String entity = entities.lookupOrd(entities.nextOrd()).utf8ToString();
          for (int i = 0; i < values.docValueCount(); i++) {
            sink.accept(entity, values.lookupOrd(values.nextOrd()).utf8ToString());
          }
        }
      }
    };
  }
}
