package org.insight.nlp;

/** The translation engine could not be reached, or did not answer in time. */
public final class TranslatorUnavailableException extends TranslationException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message saying which engine and what to do, and its cause. */
  public TranslatorUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
