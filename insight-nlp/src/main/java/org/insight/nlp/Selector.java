package org.insight.nlp;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One validated selector found in a text.
 *
 * @param kind what it is
 * @param start start offset (UTF-16 chars) in the input, inclusive
 * @param end end offset, exclusive
 * @param text the input's text at {@code [start, end)}
 * @param value the normalised value (see each {@link SelectorKind})
 * @param confidence the extractor's confidence in [0, 1]
 * @param details kind-specific fields (card brand and masked form, MRZ fields, checksum state, …), sorted by name
 */
public record Selector(
    SelectorKind kind, int start, int end, String text, String value, double confidence, Map<String, String> details) {

  /** Checks the span and confidence, and copies the details. */
  public Selector {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(value, "value");
    if (start < 0 || end < start || end - start != text.length()) {
      throw new IllegalArgumentException(
          "a selector span needs 0 <= start <= end and end - start == text.length(), got [" + start + ", " + end
              + ") for " + text.length() + " chars");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
    details = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNullElse(details, Map.of())));
  }

  /** Kind, span and confidence, never the text or value: a log line must not bypass the document's label. */
  @Override
  public String toString() {
    return "Selector[kind=" + kind + ", span=[" + start + "," + end + "), confidence=" + confidence + "]";
  }
}
