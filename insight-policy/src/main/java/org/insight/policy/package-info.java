/**
 * Access labels and access decisions.
 *
 * <p>{@link org.insight.policy.LabelExpression} is who may see a value, {@link org.insight.policy.Label} adds its
 * handling rules (purposes, retention, originators, caveats), {@link org.insight.policy.Principal} and
 * {@link org.insight.policy.Purpose} describe the reader, and {@link org.insight.policy.Policy} turns them into a
 * {@link org.insight.policy.Decision}. {@link org.insight.policy.SourceGrading} records how far a source and its
 * information can be trusted.
 */
package org.insight.policy;
