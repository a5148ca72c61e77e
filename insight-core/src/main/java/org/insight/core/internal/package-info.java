/**
 * Implementation of {@code org.insight.core}: cleaning rules, schema loading, verifying streams. Not API:
 * anything here may change without notice; use the types of {@code org.insight.core}.
 */
package org.insight.core.internal;
