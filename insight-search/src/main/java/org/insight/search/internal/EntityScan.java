package org.insight.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;
import org.insight.core.Entity;
import org.insight.core.Schema;
import org.insight.core.Statement;

/**
 * Every wanted entity with all its visible statements, in one sequential pass over the visible statements' stored
 * fields. An entity's statements may lie anywhere in the index (written at different times), so a first pass over
 * doc values only notes, per wanted entity, the last document holding one of its visible statements; the second
 * pass buffers an entity's statements until that document and then hands it out. Memory holds one int per distinct
 * entity and the entities whose statements are still ahead, not the result. Not API.
 */
final class EntityScan extends LeafScan<Entity> {
  private final EntityOrdinals ordinals;
  private final FixedBitSet wanted;
  private final int[] lastDoc;
  private final Schema schema;
  private final Map<Integer, List<Statement>> pending = new HashMap<>();
  private final StatementReader statements = new StatementReader();
  private SortedSetDocValues entities;
  private LongValues global;
  private int current;

  /**
   * @param visibleStatements matches every visible statement (of any type)
   * @param wanted the entities to hand out ({@link VisibleEntities} for the types)
   */
  EntityScan(IndexSearcher searcher, Runnable release, Query visibleStatements, FixedBitSet wanted, Schema schema)
      throws IOException {
    super(searcher, release, visibleStatements);
    this.ordinals = EntityOrdinals.of(searcher.getIndexReader());
    this.wanted = wanted;
    this.schema = schema;
    this.lastDoc = new int[wanted.length()];
    Arrays.fill(lastDoc, -1);
    // leaves and docs come in increasing order: the last write wins
    ordinals.forEachMatch(searcher, visibleStatements, (ordinal, doc) -> {
      if (wanted.get(ordinal)) {
        lastDoc[ordinal] = doc;
      }
    });
  }

  @Override
  public long size() {
    return wanted.cardinality();
  }

  @Override
  void startLeaf(LeafReaderContext leaf) throws IOException {
    entities = DocValues.getSortedSet(leaf.reader(), LuceneStore.ENTITY);
    global = ordinals.globalOrds(leaf.ord);
  }

  @Override
  boolean accept(int doc) throws IOException {
    if (!entities.advanceExact(doc)) {
      return false;
    }
    current = (int) global.get(entities.nextOrd());
    return wanted.get(current);
  }

  @Override
  Entity visit(LeafReaderContext leaf, int doc, String json) {
    int g = current;
    Statement s = statements.read(json);
    boolean last = lastDoc[g] == leaf.docBase + doc;
    List<Statement> statements = last ? pending.remove(g) : pending.computeIfAbsent(g, k -> new ArrayList<>(8));
    if (!last) {
      statements.add(s);
      return null;
    }
    if (statements == null) {
      statements = List.of(s); // the common case: all of an entity's statements written together end here
    } else {
      statements.add(s);
    }
    return Entity.of(s.entityId(), statements, schema);
  }
}
