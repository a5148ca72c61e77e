package org.insight.nlp.internal.spot;

import org.insight.nlp.Spot;

/**
 * A spot and the index of its entity in the dictionary.
 *
 * @param spot what was found
 * @param entity the entity's index in its {@link SpotDictionary}
 */
public record SpotHit(Spot spot, int entity) {}
