package org.insight.graph;

import org.insight.core.EntityId;

/** A node's score under some measure. */
public record Score(EntityId id, double value) {}
