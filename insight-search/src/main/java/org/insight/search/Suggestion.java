package org.insight.search;

/**
 * A name that completes what an analyst is typing, with how many visible entities carry it.
 *
 * @param text the name as stored
 * @param entities how many entities the session may see have this name
 */
public record Suggestion(String text, long entities) {}
