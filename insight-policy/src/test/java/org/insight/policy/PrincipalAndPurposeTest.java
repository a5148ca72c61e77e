package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.insight.InsightException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrincipalAndPurposeTest {

  @Test
  void purposeNormalises() {
    assertEquals(Purpose.BORDER_CONTROL, Purpose.of("Border Control"));
    assertEquals(Purpose.BORDER_CONTROL, Purpose.of(" border_control "));
    assertEquals(Purpose.CRIMINAL_INVESTIGATION, new Purpose("CRIMINAL-INVESTIGATION"));
    assertEquals("counter-terrorism", Purpose.COUNTER_TERRORISM.toString());
    assertEquals("any", Purpose.ANY.name());
    assertEquals("missing-persons", Purpose.MISSING_PERSONS.name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "-", "a--b", "-a", "a-", "é", "a,b", "a;b", "a=b"})
  void purposeInvalid(String name) {
    assertThrows(InsightException.class, () -> Purpose.of(name));
  }

  @Test
  void purposeNullAndTooLong() {
    assertThrows(InsightException.class, () -> Purpose.of(null));
    assertThrows(InsightException.class, () -> Purpose.of("a".repeat(65)));
  }

  @Test
  void principalCopiesToSortedImmutableSet() {
    List<String> auths = new ArrayList<>(List.of("FR", "INTERPOL", "DE"));
    Principal p = Principal.of("analyst", auths);
    auths.add("XX");
    assertEquals(List.of("DE", "FR", "INTERPOL"), List.copyOf(p.authorizations()));
    assertThrows(UnsupportedOperationException.class, () -> p.authorizations().add("YY"));
    assertEquals(p, Principal.of("analyst", "INTERPOL", "FR", "DE", "FR"));
    assertEquals(Set.of(), Principal.of("nobody").authorizations());
  }

  @Test
  void principalValidates() {
    assertThrows(InsightException.class, () -> Principal.of(" ", "A"));
    assertThrows(InsightException.class, () -> Principal.of(null, "A"));
    assertThrows(InsightException.class, () -> Principal.of("p", "A", " "));
    assertThrows(InsightException.class, () -> Principal.of("p", "A", null));
    assertThrows(InsightException.class, () -> Principal.of("p", Arrays.asList("A", null)));
    assertThrows(InsightException.class, () -> Principal.of("p", "\uD800"));
    assertThrows(InsightException.class, () -> new Principal("p", null));
  }
}
