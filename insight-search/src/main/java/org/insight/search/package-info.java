/**
 * Search over everything in a workspace, and the store under it. {@link org.insight.search.Index} is the durable
 * store of statements, documents and mentions, read with a {@link org.insight.search.Visibility} that every query
 * filters by inside the index (rule 2 of the design); {@link org.insight.search.Scan} reads many items in one pass.
 * {@link org.insight.search.Query} is the search language. Lucene stays inside {@code org.insight.search.internal}.
 * Applications read through a workspace {@code Session}, which decides the visibility and audits every read (rule 1).
 */
package org.insight.search;
