package org.insight.graph.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link StringIntMap} answers as a {@code HashMap} does, through its growth and after a copy: keys that share a hash
 * ({@code "Aa"} and {@code "BB"}, and longer strings made of them), prefixes of each other, the empty string, and
 * characters beyond Latin-1 (the arena keeps chars, not bytes).
 */
class StringIntMapProperties {
  @Provide
  Arbitrary<List<String>> keys() {
    Arbitrary<String> colliding = Arbitraries.of("Aa", "BB").list().ofMaxSize(4).map(l -> String.join("", l));
    Arbitrary<String> plain = Arbitraries.strings().withChars("ab\u00e9\u0416\u4e2d").ofMaxLength(5);
    return Arbitraries.oneOf(colliding, plain).list().ofMaxSize(300);
  }

  @Property(tries = 300)
  void answersAsAHashMap(@ForAll("keys") List<String> keys, @ForAll @IntRange(min = 0, max = 40) int capacity) {
    StringIntMap map = new StringIntMap(capacity);
    Map<String, Integer> model = new HashMap<>();
    for (String k : keys) {
      assertEquals(model.getOrDefault(k, -1), map.get(k));
      if (!model.containsKey(k)) {
        model.put(k, model.size());
        map.putNew(k, model.size() - 1);
      }
    }
    assertEquals(model.size(), map.size());
    model.forEach((k, v) -> assertEquals(v, map.get(new String(k.toCharArray())))); // equal, not the same object
    assertEquals(-1, map.get("not-a-key"));
  }

  @Property(tries = 200)
  void aCopyChangesApart(@ForAll("keys") List<String> keys, @ForAll("keys") List<String> more) {
    StringIntMap map = new StringIntMap(0);
    Map<String, Integer> model = new HashMap<>();
    keys.forEach(k -> {
      if (model.putIfAbsent(k, model.size()) == null) {
        map.putNew(k, model.size() - 1);
      }
    });
    Map<String, Integer> before = new HashMap<>(model);
    StringIntMap copy = map.copy();
    more.forEach(k -> {
      if (model.putIfAbsent(k, model.size()) == null) {
        copy.putNew(k, model.size() - 1);
      }
    });
    model.forEach((k, v) -> assertEquals(v, copy.get(k)));
    model.forEach((k, v) -> assertEquals(before.getOrDefault(k, -1), map.get(k)));
  }
}
