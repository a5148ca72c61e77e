/**
 * The match capability. Reserved by the founding layout (see docs/architecture.md); its own issue fills it.
 * Public API lives in this package, implementation in {@code org.insight.match.internal}.
 */
package org.insight.match;
