package org.insight.search.internal;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.insight.core.Statement;

/** Every statement a query matches, in doc order. Not API. */
final class StatementScan extends LeafScan<Statement> {
  private final long size;
  private final StatementReader statements = new StatementReader();

  StatementScan(IndexSearcher searcher, Runnable release, Query query, long size) {
    super(searcher, release, query);
    this.size = size;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  void startLeaf(LeafReaderContext leaf) {}

  @Override
  Statement visit(LeafReaderContext leaf, int doc, String json) {
    return statements.read(json);
  }
}
