package org.insight.ingest.internal;

import java.util.ArrayList;
import java.util.List;
import org.insight.ingest.RecordMapping;
import org.insight.ingest.RecordMapping.EntitySpec;

/** The {@code when} rules of a typed mapping: which entities a row makes, and the row no rule matches. Not API. */
final class Conditions {
  private Conditions() {}

  /** Whether {@code spec} is made from this row. */
  static boolean applies(EntitySpec spec, RecordView row) {
    if (spec.when().always()) {
      return true;
    }
    try {
      for (String v : row.values(spec.when().field())) {
        if (spec.when().values().contains(v.strip())) {
          return true;
        }
      }
    } catch (RecordView.FieldException e) {
      // an object where the rule expects a value: the rule does not match
    }
    return false;
  }

  /**
   * Why the row is refused when the mapping has rules on its entities and none matches it (what the row holds, the
   * rules); null when a rule matches or the mapping has none.
   */
  static String unmatched(RecordMapping mapping, RecordView row) {
    List<String> rules = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    for (EntitySpec spec : mapping.entities().values()) {
      if (spec.when().always()) {
        continue;
      }
      if (applies(spec, row)) {
        return null;
      }
      rules.add(spec.name() + " (" + spec.type() + ") when " + spec.when());
      if (!fields.contains(spec.when().field())) {
        fields.add(spec.when().field());
      }
    }
    if (rules.isEmpty()) {
      return null;
    }
    List<String> held = new ArrayList<>();
    for (String f : fields) {
      try {
        held.add(f + " is " + row.values(f).stream().map(v -> "'" + v.strip() + "'").toList());
      } catch (RecordView.FieldException e) {
        held.add(f + " is not a value");
      }
    }
    return "the row matches no rule of the mapping (" + String.join(", ", held) + "; rules: " + String.join("; ", rules)
        + "); it is not forced into a type: add a rule for it, or leave such rows out";
  }
}
