/**
 * Record linkage and de-duplication: blocking, per-property comparisons with discrete levels, Fellegi–Sunter
 * weights learned without labels by expectation–maximisation, explanations, constrained clustering and analyst
 * judgements. Entry point: {@link org.insight.match.Linker}. Implementation lives in
 * {@code org.insight.match.internal} (not API).
 */
package org.insight.match;
