/**
 * Analytical products: a subject profile, a network chart, a map and a trends dashboard made from what one session may
 * see, as a data model ({@link org.insight.report.Product}) and as one self-contained, offline HTML file (with CSV,
 * GraphML, GeoJSON and PDF beside it). Every product carries the conjunction of the labels of everything in it and the
 * id of the audit entry of its generation.
 */
module org.insight.report {
  requires transitive org.insight.workspace;
  requires transitive org.insight.graph;
  requires transitive org.insight.geo;
  requires transitive org.insight.trends;
  requires transitive org.insight.core;
  requires transitive org.insight.policy;
  requires org.insight.search;

  exports org.insight.report;
}
