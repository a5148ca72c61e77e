package org.insight.match.internal;

import org.apache.commons.codec.language.DoubleMetaphone;

/** Double Metaphone codes of one normalised token, as {@link org.insight.nlp.Names} computes them. Not API. */
final class PhoneticCodes {
  private static final DoubleMetaphone METAPHONE = new DoubleMetaphone(); // no mutable state is used: thread-safe

  private PhoneticCodes() {}

  static String primary(String token) {
    String k = METAPHONE.doubleMetaphone(token);
    return k == null ? "" : k;
  }

  static String alternate(String token) {
    String k = METAPHONE.doubleMetaphone(token, true);
    return k == null ? "" : k;
  }
}
