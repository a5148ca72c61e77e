/** Trends: time series of events by category, emerging-trend alarms, period comparisons, new co-occurrences. */
module org.insight.trends {
  requires transitive org.insight.policy;
  requires transitive org.insight.core;
  requires org.apache.commons.csv;

  exports org.insight.trends;
}
