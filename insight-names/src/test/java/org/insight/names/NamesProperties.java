package org.insight.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class NamesProperties {

  /** The ASCII shortcut of the fold gives exactly what the ICU transforms give. */
  @Property(tries = 3000)
  void asciiShortcutAgreesWithTheFullFold(
      @ForAll @CharRange(from = 0, to = 127) @StringLength(max = 40) String text) {
    assertEquals(Names.foldAnyScript(text), Names.fold(text));
  }

  /** Names made of letters, spaces and name punctuation, the common case, also agree. */
  @Property(tries = 2000)
  void asciiNamesAgree(@ForAll @CharRange(from = 'A', to = 'z') @CharRange(from = ' ', to = '\'')
      @CharRange(from = ',', to = '.') @StringLength(max = 30) String text) {
    assertEquals(Names.foldAnyScript(text), Names.fold(text));
  }
}
