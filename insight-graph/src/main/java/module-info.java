/** Network analysis (reserved; see its issue). */
module org.insight.graph {
  requires transitive org.insight.core;
  // exports org.insight.graph once it has types

}
