/**
 * Implementation of the label machinery: the expression parser, the canonical (minimal DNF) form and the glue to
 * Apache Accumulo Access. Not API: anything here may change without notice.
 */
package org.insight.policy.internal;
