package org.insight.workspace;

import org.insight.policy.Label;

/**
 * Why one recipient may not receive one item of a product.
 *
 * @param recipient the recipient's name ({@link Recipient#name()})
 * @param itemId the item of the product
 * @param label the item's label
 * @param reason what the recipient lacks (an authorisation, a purpose, ...), from the policy's decision
 */
public record ReleaseRefusal(String recipient, String itemId, Label label, String reason) {}
