package org.insight.search;

import org.insight.InsightException;

/** A query that cannot be parsed or would explode; says where and what to do. */
public final class QuerySyntaxException extends InsightException {
  private static final long serialVersionUID = 1L;
  private final String query;
  private final int position;

  public QuerySyntaxException(String query, int position, String problem) {
    super(position >= 0 ? "Invalid query at position " + position + ": " + problem : "Invalid query: " + problem);
    this.query = query == null ? "" : query;
    this.position = position;
  }

  /** The query text, as given. */
  public String query() {
    return query;
  }

  /** The 0-based position of the problem, or -1 when it is not positional. */
  public int position() {
    return position;
  }
}
