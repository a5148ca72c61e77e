package org.insight.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonGeneratorTest {
  record Row(String id, Map<String, List<String>> values) {}

  @Test
  void oneSeedGivesOneDataSet() {
    var a = new PersonGenerator<>(7L, Row::new).generate(300, 0.3);
    var b = new PersonGenerator<>(7L, Row::new).generate(300, 0.3);
    assertEquals(a, b);
    assertEquals(300, a.records().size());
  }

  @Test
  void theTruthPairsRecordsOfOnePerson() {
    var data = new PersonGenerator<>(11L, Row::new).generate(400, 0.3);
    Set<String> pairs = data.truePairs();
    assertTrue(pairs.size() >= 60, "about 120 duplicates make at least 60 pairs: " + pairs.size());
    for (String p : pairs) {
      String[] ab = p.split("\\|");
      assertEquals(data.truth().get(ab[0]), data.truth().get(ab[1]));
      assertEquals(PersonGenerator.key(ab[1], ab[0]), p);
    }
  }

  @Test
  void aCleanRecordCarriesThePerson() {
    PersonGenerator<Row> g = new PersonGenerator<>(3L, Row::new);
    PersonGenerator.Person p = g.person(0);
    Row r = g.clean("x", p);
    assertEquals(List.of(p.given() + " " + p.family()), r.values().get("name"));
    assertEquals(List.of(p.birthDate()), r.values().get("birthDate"));
    assertEquals("x", r.id());
  }

  @Test
  void aTypoChangesALongStringByOneEdit() {
    PersonGenerator<Row> g = new PersonGenerator<>(5L, Row::new);
    for (int i = 0; i < 50; i++) {
      String t = g.typo("Kuznetsov");
      assertTrue(Math.abs(t.length() - 9) <= 1 && !t.equals("Kuznetsov") || t.length() == 9, t);
    }
    assertEquals("ab", g.typo("ab"));
  }
}
