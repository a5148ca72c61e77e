package org.insight.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class NamesFoldProperties {

  /** The ASCII fast path of the fold is the full ICU fold, for every printable ASCII string. */
  @Property(tries = 2000)
  void asciiFastPathEqualsTheFullFold(@ForAll @CharRange(from = ' ', to = '~') @StringLength(max = 40) String s) {
    assertEquals(Names.foldAnyScript(s), Names.fold(s), s);
  }
}
