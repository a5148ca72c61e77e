/** The data model: statements, entities, documents, mentions, links, provenance, the schema, the evidence store. */
module org.insight.core {
  requires transitive org.insight.policy;
  requires com.fasterxml.jackson.databind;

  exports org.insight.core;
  // the model's JSON form and small shared helpers, until they have a public home (issue 13)
  exports org.insight.core.internal to org.insight.search, org.insight.ingest, org.insight.cli, org.insight.examples,
      org.insight.bench;
}
