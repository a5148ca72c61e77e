/** Network analysis: the link graph of entities and its algorithms; a JGraphT view for callers. */
module org.insight.graph {
  requires transitive org.insight.core;
  requires transitive org.jgrapht.core;

  exports org.insight.graph;
}
