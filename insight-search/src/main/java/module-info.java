/** The durable Lucene store and search; the label filter runs inside every query. */
module org.insight.search {
  requires transitive org.insight.core;
  requires org.insight.names;
  requires com.github.benmanes.caffeine;
  requires com.fasterxml.jackson.databind;
  requires com.ibm.icu;
  requires org.apache.commons.codec;
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.analysis.icu;
  requires org.apache.lucene.analysis.phonetic;
  requires org.apache.lucene.highlighter;

  exports org.insight.search;
  // the analysers and the engine, measured directly against raw Lucene by the benchmarks
  exports org.insight.search.internal to org.insight.bench;
}
