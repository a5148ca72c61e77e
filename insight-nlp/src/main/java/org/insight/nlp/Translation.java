package org.insight.nlp;

import java.util.List;
import java.util.Objects;

/**
 * A translated text and how it was produced. The source text is not part of it: a translation is derived data kept
 * next to its original, never in its place.
 *
 * @param text the translated text
 * @param from the source language (ISO 639-3)
 * @param to the target language (ISO 639-3)
 * @param engine the engine and its version, {@code apertium@3.8.3}
 * @param path the languages the text went through, source first and target last: {@code [fra, eng]} when direct,
 *     {@code [fra, spa, eng]} through a Spanish pivot
 * @param unknownWords words the engine did not know and left untranslated (each once, in order of appearance)
 */
public record Translation(String text, String from, String to, String engine, List<String> path,
    List<String> unknownWords) {

  /** Checks the fields and copies the lists. */
  public Translation {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(engine, "engine");
    path = List.copyOf(path);
    unknownWords = List.copyOf(unknownWords);
    if (path.size() < 2 || !path.get(0).equals(from) || !path.get(path.size() - 1).equals(to)) {
      throw new IllegalArgumentException("a translation path runs from " + from + " to " + to + ", got " + path);
    }
  }

  /** Whether the text went through a pivot language. */
  public boolean pivoted() {
    return path.size() > 2;
  }

  /**
   * The provenance method of data derived from this translation: {@code translate:apertium@3.8.3:fra>spa>eng}
   * (engine and version, then every language the text went through).
   */
  public String method() {
    return "translate:" + engine + ":" + String.join(">", path);
  }

  /** Languages, engine and sizes, never the text: a log line must not bypass the document's label. */
  @Override
  public String toString() {
    return "Translation[from=" + from + ", to=" + to + ", engine=" + engine + ", path=" + path + ", text="
        + text.length() + " chars, unknownWords=" + unknownWords.size() + "]";
  }
}
