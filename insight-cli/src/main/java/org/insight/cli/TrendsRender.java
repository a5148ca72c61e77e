package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.insight.trends.TrendReport;

/** The parts every {@code insight trends --json} output shares, and numbers JSON can hold. */
final class TrendsRender {
  private TrendsRender() {}

  /** {@code granularity}, {@code label} (null when unlabelled), {@code notes}, and the given items. */
  static ObjectNode json(TrendReport r, ArrayNode items) {
    ObjectNode n = Json.object();
    n.put("granularity", r.granularity().name().toLowerCase(Locale.ROOT));
    if (r.label().isPresent()) {
      n.put("label", r.label().get().toString());
    } else {
      n.putNull("label");
    }
    ArrayNode notes = n.putArray("notes");
    r.notes().forEach(notes::add);
    n.set("items", items);
    return n;
  }

  /** A double, or null when it is infinite or undefined (JSON has no such numbers). */
  static void put(ObjectNode n, String field, double value) {
    if (Double.isFinite(value)) {
      n.put(field, value);
    } else {
      n.putNull(field);
    }
  }

  /** The label line and the notes, after a text output. */
  static void footer(PrintWriter out, TrendReport r) {
    out.println("label: " + r.label().map(Object::toString).orElse("(none: unlabelled input)"));
    r.notes().forEach(note -> out.println("note: " + note));
  }
}
