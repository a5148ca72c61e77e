/**
 * Names of people and organisations, shared by spotting (insight-nlp), search and matching: transliteration to
 * Latin and normalisation to comparable tokens ({@link org.insight.names.Names}), script detection and Double
 * Metaphone keys, the one name-similarity function ({@link org.insight.names.NameSimilarity}) and given-name
 * nicknames and variants ({@link org.insight.names.Nicknames}). Depends on ICU4J and commons-codec only. Public API
 * lives in this package, implementation in {@code org.insight.names.internal}.
 */
package org.insight.names;
