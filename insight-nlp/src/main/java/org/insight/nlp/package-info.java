/**
 * The nlp capability: name normalisation and similarity ({@link org.insight.nlp.Names},
 * {@link org.insight.nlp.NameSimilarity}) and validated selector extraction ({@link org.insight.nlp.SelectorExtractor}:
 * e-mail addresses, phone numbers, IBANs, payment cards, IMEIs, IP addresses, URLs, domains, crypto-currency
 * addresses, MRZs, VINs, dates and coordinates, each checked by its check digit or checksum).
 * Public API lives in this package, implementation in {@code org.insight.nlp.internal}.
 */
package org.insight.nlp;
