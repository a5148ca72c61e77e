package org.insight.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Dates as people write them: the forms of {@code dates-as-written.csv}, each read or reported with its reason. */
class DateParserTest {

  @ParameterizedTest(name = "{0} ({1}, pivot {2}) -> {3}")
  @CsvFileSource(resources = "dates-as-written.csv", delimiter = '|', nullValues = "")
  void readsOrReports(String raw, String order, Integer pivot, String expected) {
    DateParser.Builder b = DateParser.builder();
    if (order != null) {
      b.order(DateParser.Order.forId(order));
    }
    if (pivot != null) {
      b.pivot(pivot);
    }
    DateParser parser = b.build();
    if (expected.startsWith("!")) {
      InvalidDataException e = assertThrows(InvalidDataException.class, () -> parser.clean(raw));
      assertTrue(e.getMessage().contains(expected.substring(1)), e::getMessage);
      assertTrue(e.getMessage().contains(raw.strip()), () -> "the message quotes the value: " + e.getMessage());
    } else {
      assertEquals(expected, parser.clean(raw));
      assertEquals(expected, parser.clean(expected), "idempotent");
    }
  }

  @Test
  void corruptedDatesKeepTheirPartsForComparison() {
    DateParser p = DateParser.defaults();
    assertEquals(Optional.of("1940-27-04"), p.unchecked("1940-27-04"));
    assertEquals(Optional.of("1940-27-04"), p.unchecked("19402704"));
    assertEquals(Optional.of("1975-02-31"), p.unchecked("31.02.1975"));
    // under day-first a month-first date has no month 14: kept as written, the matcher sees a day/month swap
    assertEquals(Optional.of("1975-14-03"), p.unchecked("03/14/1975"));
    assertEquals(Optional.empty(), p.unchecked("1975-03-14"), "a valid date is cleaned, not kept unchecked");
    assertEquals(Optional.empty(), p.unchecked("not a date"));
    assertEquals(Optional.empty(), p.unchecked("0999-27-04"), "no valid year: nothing to compare");
  }

  @Test
  void optionsAreSetOnceAndChecked() {
    DateParser.Builder b = DateParser.builder().order(DateParser.Order.MDY);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.order(DateParser.Order.DMY));
    assertTrue(e.getMessage().contains("MDY"));
    assertThrows(IllegalArgumentException.class, () -> DateParser.builder().pivot(75));
    IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> DateParser.Order.forId("dym"));
    assertTrue(u.getMessage().contains("dmy, mdy or ymd"));
  }
}
