/**
 * The model as JSON ({@link org.insight.core.json.ModelJson}): the one form in which the index stores and the CLI
 * prints statements, documents, mentions and provenance, with a format version.
 */
package org.insight.core.json;
