/** Workspace and Session: the one read path over every capability. */
module org.insight.workspace {
  requires transitive org.insight.core;
  requires transitive org.insight.ingest;
  requires transitive org.insight.nlp;
  requires transitive org.insight.match;
  requires transitive org.insight.search;
  requires transitive org.insight.geo;
  requires transitive org.insight.graph;
  requires transitive org.insight.trends;
  requires com.github.benmanes.caffeine;
  requires org.slf4j;

  exports org.insight.workspace;
}
