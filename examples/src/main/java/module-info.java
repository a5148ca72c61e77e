/** The demo and the bundled sample data. */
module org.insight.examples {
  requires transitive org.insight.workspace;

  exports org.insight.examples;
}
