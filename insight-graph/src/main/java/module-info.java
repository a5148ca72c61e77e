/** Network analysis: the link graph of entities and its algorithms; a JGraphT view for callers. */
module org.insight.graph {
  requires transitive org.insight.core;
  requires transitive org.jgrapht.core;
  requires org.apache.commons.csv;

  exports org.insight.graph;
}
