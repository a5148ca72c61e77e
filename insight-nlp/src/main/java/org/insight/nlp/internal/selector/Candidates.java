package org.insight.nlp.internal.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.insight.nlp.Selector;
import org.insight.nlp.SelectorKind;

/** The candidates the recognisers found in one text, in the order found; not thread-safe (one per scan). */
final class Candidates {

  /** A candidate selector with its rank in overlap resolution (higher wins; see {@link Rank}). */
  record Candidate(Selector selector, int rank) {
    int length() {
      return selector.end() - selector.start();
    }
  }

  private final List<Candidate> list = new ArrayList<>();

  void add(int rank, SelectorKind kind, String text, int start, int end, String value, double confidence,
      Map<String, String> details) {
    list.add(new Candidate(new Selector(kind, start, end, text.substring(start, end), value, confidence, details),
        rank));
  }

  List<Candidate> list() {
    return list;
  }
}
