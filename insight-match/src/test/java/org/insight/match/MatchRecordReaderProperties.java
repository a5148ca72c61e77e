package org.insight.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.DateParser;

/** Values, not rows: whatever is wrong with one value, the record keeps every other one. */
class MatchRecordReaderProperties {

  private static final MatchRecord.Reader READER = MatchRecord.reader().build();

  /** A good record, one of its properties, and a corrupted value for it. */
  record Case(Map<String, List<String>> good, String property, String bad) {}

  @Property(tries = 500)
  void aCorruptedValueNeverRemovesTheOtherValues(@ForAll("cases") Case c) {
    MatchRecord clean = READER.read("r", "d", c.good()).record().orElseThrow();
    Map<String, List<String>> dirty = new LinkedHashMap<>(c.good());
    dirty.put(c.property(), List.of(c.bad()));
    MatchRecord.Read read = READER.read("r", "d", dirty);
    MatchRecord kept = read.record().orElseThrow(() -> new AssertionError("record dropped: " + read.problems()));
    for (Map.Entry<String, List<String>> e : clean.values().entrySet()) {
      if (!e.getKey().equals(c.property()) && !e.getKey().equals("name") && !e.getKey().equals("address")) {
        assertEquals(e.getValue(), kept.get(e.getKey()), e.getKey() + " kept");
      }
    }
    assertEquals(1, read.problems().size(), read.problems()::toString);
    assertEquals(c.bad(), read.problems().get(0).value());
    assertEquals(c.property(), read.problems().get(0).property());
    assertTrue(kept.get(c.property()).isEmpty(), "the bad value is left out");
    if (c.property().equals("birthDate") && DateParser.defaults().unchecked(c.bad()).isPresent()) {
      assertEquals(List.of(DateParser.defaults().unchecked(c.bad()).get()), kept.get("birthDate" + MatchRecord.UNCHECKED),
          "a corrupted date is kept as written for comparison");
    }
  }

  @Property(tries = 200)
  void partsComposeTheWholeWhicheverWayTheRecordIsBuilt(@ForAll("cases") Case c) {
    MatchRecord read = READER.read("r", "d", c.good()).record().orElseThrow();
    MatchRecord built = MatchRecord.of("r", "d", c.good());
    assertEquals(built.values(), read.values());
    String first = c.good().get("firstName").get(0);
    String last = c.good().get("lastName").get(0);
    assertTrue(read.get("name").contains(first + " " + last), read.get("name")::toString);
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(10);
    Arbitrary<String> date = Arbitraries.integers().between(1900, 2020).flatMap(y -> Arbitraries.integers()
        .between(1, 12).flatMap(m -> Arbitraries.integers().between(1, 28)
            .map(d -> String.format(java.util.Locale.ROOT, "%04d%02d%02d", y, m, d))));
    Arbitrary<String> badDate = Arbitraries.oneOf(
        Arbitraries.integers().between(1900, 2020).flatMap(y -> Arbitraries.integers().between(13, 31)
            .map(m -> y + "-" + m + "-04")),
        Arbitraries.of("1975-02-30", "31.02.1975", "03/14/1975", "not known", "19751403", "75/03/14"));
    Arbitrary<String> badValue = Arbitraries.of("birthDate", "email", "nationality", "phone").flatMap(p -> switch (p) {
      case "birthDate" -> badDate.map(v -> p + "\u0000" + v);
      case "email" -> Arbitraries.of("no-at-sign", "a@@b", "x@nodot").map(v -> p + "\u0000" + v);
      case "nationality" -> Arbitraries.of("Atlantis", "Narnia", "zz9").map(v -> p + "\u0000" + v);
      default -> Arbitraries.of("call me", "+0 12", "12ab").map(v -> p + "\u0000" + v);
    });
    return Combinators.combine(word, word, date, word, Arbitraries.integers().between(1, 999), badValue)
        .as((first, last, dob, street, number, bad) -> {
          Map<String, List<String>> v = new LinkedHashMap<>();
          v.put("firstName", List.of(first));
          v.put("lastName", List.of(last));
          v.put("birthDate", List.of(dob));
          v.put("email", List.of(first + "." + last + "@example.org"));
          v.put("nationality", List.of("France"));
          v.put("phone", List.of("+33 1 23 45 67 89"));
          v.put("street", List.of(number + " " + street + " road"));
          v.put("city", List.of("Lyon"));
          v.put("idNumber", List.of("ID" + number));
          String[] pv = bad.split("\u0000");
          return new Case(v, pv[0], pv[1]);
        });
  }
}
