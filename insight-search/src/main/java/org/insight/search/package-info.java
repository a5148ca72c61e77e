/**
 * Search over everything in a workspace. The durable Lucene store of statements and documents lives in
 * {@code org.insight.search.internal}: it is reached only through a workspace {@code Session}, which puts the
 * session's label filter inside every query (rule 1 and 2 of the design).
 */
package org.insight.search;
