package org.insight.nlp.internal.spot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.insight.nlp.SelectorExtractor;
import org.insight.nlp.Spot;

/**
 * Spots a dictionary's entities in a text: names (and, for Arabic or Hebrew words, consonant skeletons where no name
 * matched), then identifiers. Immutable and thread-safe.
 */
public final class DictionarySpotter {
  private final SpotDictionary dictionary;
  private final SelectorExtractor selectors;

  /** A spotter over {@code dictionary}, finding identifiers written with separators by {@code selectors} (or none). */
  public DictionarySpotter(SpotDictionary dictionary, SelectorExtractor selectors) {
    this.dictionary = dictionary;
    this.selectors = selectors;
  }

  /** The spots in {@code text}, sorted by start, then longest first, then entity id. */
  public List<SpotHit> hits(String text) {
    TextTokens t = TextTokens.of(text, dictionary.vocabulary);
    List<SpotHit> out = new ArrayList<>();
    NameMatcher.match(dictionary, text, t, t.ids, dictionary.names, out);
    if (t.hasSkeletons) {
      List<SpotHit> sk = new ArrayList<>();
      NameMatcher.match(dictionary, text, t, t.skeletonIds, dictionary.skeletons, sk);
      List<SpotHit> exact = List.copyOf(out);
      for (SpotHit h : sk) {
        Spot s = h.spot();
        if (exact.stream().noneMatch(o -> o.spot().start() < s.end() && s.start() < o.spot().end())) {
          out.add(h);
        }
      }
    }
    IdentifierMatcher.match(dictionary, selectors, text, t, out);
    out.sort(Comparator.comparingInt((SpotHit h) -> h.spot().start())
        .thenComparing(Comparator.comparingInt((SpotHit h) -> h.spot().end()).reversed())
        .thenComparing(h -> h.spot().entityId()));
    return out;
  }
}
