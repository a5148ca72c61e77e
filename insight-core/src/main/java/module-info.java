/** The data model: statements, entities, documents, mentions, links, provenance, the schema, the evidence store. */
module org.insight.core {
  requires transitive org.insight.policy;
  // the model's JSON form (org.insight.core.json) reads and writes Jackson trees
  requires transitive com.fasterxml.jackson.databind;

  exports org.insight.core;
  exports org.insight.core.json;
  exports org.insight.core.ftm;
}
