/** The unpublished test kit: seeded randomness, generators, a temporary workspace, SPI contract suites. */
module org.insight.test {
  requires transitive org.insight.core;
  requires transitive org.insight.nlp;
  requires transitive org.junit.jupiter.api;
  requires org.slf4j;

  exports org.insight.test;
  // JUnit instantiates the extension and the abstract contract suites' subclasses by reflection
  opens org.insight.test to org.junit.platform.commons;
}
