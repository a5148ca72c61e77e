/** Geospatial analysis (reserved; see its issue). */
module org.insight.geo {
  requires transitive org.insight.core;
  // exports org.insight.geo once it has types

}
