package org.insight.report;

/** What a product is. */
public enum ProductKind {
  /** Everything a session may see about one entity. */
  PROFILE,
  /** A link chart. */
  NETWORK,
  /** Points, clusters and hotspots on country outlines. */
  MAP,
  /** Series, alarms and period comparisons. */
  TRENDS,
  /** A case digest: members, material, notes, tasks and history. */
  CASE,
  /** A principal's daily digest of the alerts their standing queries raised. */
  ALERTS
}
