/**
 * Trends: time series of events and documents per category and period, emerging-trend alarms against a
 * seasonality-aware expectation, period comparisons and new co-occurrences. Built through a workspace session it reads
 * only what the session may see; from a plain CSV it reads the file.
 */
package org.insight.trends;
