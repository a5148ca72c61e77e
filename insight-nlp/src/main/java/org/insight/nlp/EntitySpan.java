package org.insight.nlp;

import java.util.Objects;

/**
 * A named entity found in a text.
 *
 * @param start start offset (UTF-16 chars) in the analysed text, inclusive
 * @param end end offset, exclusive
 * @param text the text at {@code [start, end)}
 * @param type the schema type it names: {@code Person}, {@code Organization}, {@code Location}, or the training
 *     tag capitalised for other tags (see {@link #schemaType(String)})
 * @param confidence the recogniser's confidence in [0, 1]
 */
public record EntitySpan(int start, int end, String text, String type, double confidence) {

  /** Checks the span and confidence. */
  public EntitySpan {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(type, "type");
    if (start < 0 || end - start != text.length()) {
      throw new IllegalArgumentException("an entity span needs 0 <= start and end - start == text.length(), got ["
          + start + ", " + end + ") for " + text.length() + " chars");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
  }

  /**
   * The schema type of an annotation tag: {@code person} / {@code per} is {@code Person}; {@code organization},
   * {@code organisation}, {@code org} are {@code Organization}; {@code location}, {@code loc}, {@code place},
   * {@code gpe} are {@code Location}; any other tag is capitalised ({@code vehicle} is {@code Vehicle}).
   */
  public static String schemaType(String tag) {
    String t = tag.trim().toLowerCase(java.util.Locale.ROOT);
    switch (t) {
      case "person":
      case "per":
        return "Person";
      case "organization":
      case "organisation":
      case "org":
        return "Organization";
      case "location":
      case "loc":
      case "place":
      case "gpe":
        return "Location";
      default:
        return t.isEmpty() ? "Thing" : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
  }

  /** Span, type and confidence, never the text: a log line must not bypass the document's label. */
  @Override
  public String toString() {
    return "EntitySpan[span=[" + start + "," + end + "), type=" + type + ", confidence=" + confidence + "]";
  }
}
