package org.insight.core.json;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.insight.policy.Label;

/**
 * A bounded memo of {@link Label#parse}: labels are immutable and parsing depends on the text alone, so a parsed label
 * serves every later reader of the same text. Past its bound it starts again (a workspace holds few distinct labels;
 * only odd input reaches it). Errors are not remembered: a bad text fails the same way every time.
 */
final class ParsedLabels {
  private final Map<String, Label> parsed = new ConcurrentHashMap<>();
  private final int bound;

  ParsedLabels(int bound) {
    this.bound = bound;
  }

  Label parse(String text) {
    Label known = text == null ? null : parsed.get(text);
    if (known != null) {
      return known;
    }
    Label label = Label.parse(text);
    if (parsed.size() >= bound) {
      parsed.clear();
    }
    parsed.put(text, label);
    return label;
  }

  int size() {
    return parsed.size();
  }
}
