package org.insight.nlp.internal.spot;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.insight.nlp.Selector;
import org.insight.nlp.SelectorExtractor;
import org.insight.nlp.Spot;

/** Finds dictionary identifiers in a text, exactly after cleaning: validated selectors, and words with a digit. */
final class IdentifierMatcher {

  private IdentifierMatcher() {}

  /**
   * Adds the identifiers found in {@code text}: those {@code selectors} (null: none) extract, then single words holding
   * a digit, each compared in its cleaned form.
   */
  static void match(SpotDictionary d, SelectorExtractor selectors, String text, TextTokens t, List<SpotHit> out) {
    Map<String, int[]> identifiers = d.identifiers;
    if (identifiers.isEmpty()) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (Selector s : selectors == null ? List.<Selector>of() : selectors.extract(text)) {
      String key = identifierKey(s);
      int[] entities = key == null ? null : identifiers.get(key);
      if (entities != null) {
        for (int e : entities) {
          if (seen.add(s.start() + ":" + s.end() + ":" + e)) {
            out.add(new SpotHit(new Spot(s.start(), s.end(), s.text(), d.entityIds[e], key, Spot.Kind.IDENTIFIER,
                1.0), e));
          }
        }
      }
    }
    for (int w = 0; w < t.words; w++) {
      int start = t.wordStarts[w];
      int end = t.wordEnds[w];
      if (end - start < 5) {
        continue;
      }
      boolean digit = false;
      for (int k = start; k < end && !digit; k++) {
        digit = text.charAt(k) >= '0' && text.charAt(k) <= '9';
      }
      if (!digit) {
        continue;
      }
      String key = text.substring(start, end).toUpperCase(Locale.ROOT);
      int[] entities = identifiers.get(key);
      if (entities != null) {
        for (int e : entities) {
          if (seen.add(start + ":" + end + ":" + e)) {
            out.add(new SpotHit(new Spot(start, end, text.substring(start, end), d.entityIds[e], key,
                Spot.Kind.IDENTIFIER, 0.95), e));
          }
        }
      }
    }
  }

  private static String identifierKey(Selector s) {
    switch (s.kind()) {
      case PHONE:
      case EMAIL:
        return s.value();
      case DATE:
      case COORDINATES:
      case URL:
      case DOMAIN:
      case IPV4:
      case IPV6:
        return null;
      default:
        return s.value().toUpperCase(Locale.ROOT);
    }
  }
}
