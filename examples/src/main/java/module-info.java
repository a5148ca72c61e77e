/** The demo and the bundled sample data. */
module org.insight.examples {
  requires transitive org.insight.workspace;
  requires org.insight.report;
  requires org.apache.commons.csv;

  exports org.insight.examples;
}
