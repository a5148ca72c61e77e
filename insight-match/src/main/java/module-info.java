/** Record linkage, de-duplication and watch-list screening. */
module org.insight.match {
  requires transitive org.insight.core;
  requires org.insight.names;
  requires com.github.benmanes.caffeine;
  requires org.slf4j;

  exports org.insight.match;
  // the compact record table and worker pool, measured directly by the benchmarks
  exports org.insight.match.internal to org.insight.bench;
}
