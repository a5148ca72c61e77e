package org.insight.search;

/** Placeholder until the analyst grammar lands: plain words only. */
final class QueryParser {
  private QueryParser() {}

  static Clause parse(String text) {
    if (text == null || text.isBlank()) {
      throw new QuerySyntaxException(String.valueOf(text), 0, "the query is empty; type words, a \"phrase\" or field:value");
    }
    return new Clause.Text(null, text.trim());
  }
}
