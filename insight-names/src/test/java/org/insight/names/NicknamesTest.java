package org.insight.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NicknamesTest {

  @ParameterizedTest
  @CsvSource({
      "bill, william", "billy, william", "william, william", "bob, robert", "sasha, alexander", "aleksandr, alexander",
      "muhammad, mohammed", "mhmd, mohammed", "dima, dmitri", "katya, ekaterina"})
  void mapsEachFormToItsGroupsFirst(String form, String canonical) {
    assertEquals(canonical, Nicknames.canonical(form));
    assertTrue(Nicknames.known(form));
  }

  @Test
  void unknownTokensAreTheirOwnCanonicalForm() {
    assertEquals("petrov", Nicknames.canonical("petrov"));
    assertFalse(Nicknames.known("petrov"));
  }

  @Test
  void equivalentsAcrossLanguagesAreDeliberatelyDifferent() {
    assertFalse(Nicknames.canonical("ivan").equals(Nicknames.canonical("john")));
    assertFalse(Nicknames.canonical("pyotr").equals(Nicknames.canonical("peter")));
  }

  @Test
  void aFormInTwoGroupsBelongsToTheFirst() {
    // alex is also a short form of alexei; the alexander group comes first
    assertEquals("alexander", Nicknames.canonical("alex"));
  }

  @Test
  void canonicalNameNormalisesAndReplacesEveryKnownForm() {
    assertEquals("william smith", Nicknames.canonicalName("Bill SMITH"));
    assertEquals("alexander petrov", Nicknames.canonicalName("Саша Петров"));
    assertEquals("mohammed al khoury", Nicknames.canonicalName("Muhammad al-Khoury"));
  }

  @Test
  void aNameWithNoKnownVariantComesBackUnchanged() {
    String name = "Jean-Pierre FERNÁNDEZ";
    assertSame(name, Nicknames.canonicalName(name));
  }

  @Test
  void nullIsRefusedByName() {
    assertEquals("token", assertThrows(NullPointerException.class, () -> Nicknames.canonical(null)).getMessage());
    assertEquals("token", assertThrows(NullPointerException.class, () -> Nicknames.known(null)).getMessage());
    assertEquals("name", assertThrows(NullPointerException.class, () -> Nicknames.canonicalName(null)).getMessage());
  }
}
