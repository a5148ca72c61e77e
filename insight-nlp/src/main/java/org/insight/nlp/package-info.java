/**
 * The nlp capability: language identification ({@link org.insight.nlp.LanguageDetector}), sentences and tokens
 * ({@link org.insight.nlp.TextAnalysis}), statistical named-entity recognition behind the
 * {@link org.insight.nlp.EntityRecognizer} SPI ({@link org.insight.nlp.OpenNlpEntityRecognizer},
 * {@link org.insight.nlp.NerTrainer}, {@link org.insight.nlp.NerEvaluation}), known-entity spotting
 * ({@link org.insight.nlp.EntitySpotter}, names compared through {@code org.insight.names}) and validated selector
 * extraction ({@link org.insight.nlp.SelectorExtractor}: e-mail addresses, phone numbers, IBANs, payment cards, IMEIs, IP
 * addresses, URLs, domains, crypto-currency addresses, MRZs, VINs, dates and coordinates, each checked by its check
 * digit or checksum). Public API lives in this package, implementation in {@code org.insight.nlp.internal}.
 */
package org.insight.nlp;
