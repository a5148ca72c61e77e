package org.insight.graph;

/**
 * Partial ISO 8601 dates as the earliest and latest instants they stand for, as comparable text: {@code 2021} is
 * {@code 2021-01-01T00:00:00} to {@code 2021-12-31T23:59:59} (a 31st in a shorter month still orders correctly).
 */
final class Dates {
  private static final String LOW = "0000-01-01T00:00:00";
  private static final String HIGH = "9999-12-31T23:59:59";

  private Dates() {}

  static String low(String date) {
    return pad(date, LOW);
  }

  static String high(String date) {
    return pad(date, HIGH);
  }

  /** Whether an edge's date can be placed in time (starts with a year); edges with others count as undated. */
  static boolean valid(String date) {
    String d = date.strip();
    return d.length() >= 4 && d.chars().limit(4).allMatch(Character::isDigit);
  }

  private static String pad(String date, String template) {
    String d = date.strip();
    if (!valid(d)) {
      throw new IllegalArgumentException("not an ISO 8601 date: '" + date + "' (write 2021, 2021-06 or 2021-06-01)");
    }
    return d.length() >= template.length() ? d : d + template.substring(d.length());
  }
}
