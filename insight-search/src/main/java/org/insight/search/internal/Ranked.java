package org.insight.search.internal;

import org.insight.search.Hit;

/**
 * A ranked item before it becomes a hit.
 *
 * @param kind entity or document
 * @param id its id
 * @param score its score scaled to the best of its kind
 * @param key its sort key (name or date), or null
 * @param doc its Lucene doc id (documents), or -1
 */
record Ranked(Hit.Kind kind, String id, double score, String key, int doc) {}
