package org.insight.nlp;

import org.insight.InsightException;

/** A translation failed: the engine answered with an error. Subtypes say when it is unreachable or lacks the pair. */
public class TranslationException extends InsightException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message saying what failed and what to do. */
  public TranslationException(String message) {
    super(message);
  }

  /** An exception with a message and its cause. */
  public TranslationException(String message, Throwable cause) {
    super(message, cause);
  }
}
