package org.insight.core.internal;

import java.util.Locale;

/** Readable id prefixes made from free text (a dataset name in an entity id). Not API. */
public final class Slugs {
  private Slugs() {}

  /** A lowercase [a-z0-9-] slug of at most {@code max} characters; "x" when nothing is left. */
  public static String slug(String text, int max) {
    String s = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    if (s.length() > max) {
      s = s.substring(0, max).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "x" : s;
  }
}
