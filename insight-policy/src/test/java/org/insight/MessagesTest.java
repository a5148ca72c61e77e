package org.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void quoteEscapesControlCharactersAndTruncatesLongValues() {
    assertEquals("'a\\u000Ab'", Messages.quote("a\nb"));
    assertEquals("null", Messages.quote(null));
    String q = Messages.quote("x".repeat(100));
    assertEquals("'" + "x".repeat(80) + "…' (100 characters)", q);
  }

  @Test
  void availableSuggestsTheClosestNameOnlyWhenItIsLikelyATypo() {
    assertEquals("did you mean 'Person'? available: Address, Person, Phone",
        Messages.available("persn", List.of("Phone", "Person", "Address")));
    assertEquals("available: Address, Person, Phone", Messages.available("vehicle", List.of("Phone", "Person", "Address")));
    assertEquals("available: a, b", Messages.available(null, List.of("b", "a")));
  }
}
