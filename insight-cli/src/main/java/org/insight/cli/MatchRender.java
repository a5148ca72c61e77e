package org.insight.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.insight.core.EntityId;
import org.insight.core.json.ModelJson;
import org.insight.match.Judgement;
import org.insight.workspace.MatchEvent;
import org.insight.workspace.MatchJudgement;

/** How the workspace match commands print judgements and events, as text lines and as JSON. */
final class MatchRender {
  private MatchRender() {}

  static String word(Judgement.Verdict v) {
    return switch (v) {
      case SAME -> "same as";
      case DIFFERENT -> "different from";
      case UNSURE -> "unsure about";
    };
  }

  static String line(MatchEvent e) {
    List<String> parts = new ArrayList<>();
    e.parts().forEach((k, v) -> parts.add(k + "[" + String.join(" ", v.stream().map(EntityId::value).toList()) + "]"));
    return String.format(Locale.ROOT, "%s %s %s %s: %s (%s, %s)", e.id(), e.kind().name().toLowerCase(Locale.ROOT),
        e.cluster(), e.kind() == org.insight.match.ClusterEvent.Kind.MERGE ? "from" : "into",
        String.join(" + ", parts), e.run(), e.principal());
  }

  static ObjectNode json(MatchEvent e) {
    ObjectNode n = Json.object();
    n.put("id", e.id().value());
    n.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
    n.put("cluster", e.cluster());
    ObjectNode parts = n.putObject("parts");
    e.parts().forEach((k, v) -> {
      ArrayNode a = parts.putArray(k);
      v.forEach(id -> a.add(id.value()));
    });
    n.put("run", e.run());
    n.put("principal", e.principal());
    n.put("at", e.at().toString());
    n.put("label", e.label().toString());
    return n;
  }

  static ObjectNode json(MatchJudgement j) {
    ObjectNode n = Json.object();
    n.put("id", j.id().value());
    n.put("left", j.left().value());
    n.put("right", j.right().value());
    n.put("verdict", j.verdict().name().toLowerCase(Locale.ROOT));
    n.put("reason", j.reason());
    n.put("principal", j.principal());
    n.put("at", j.at().toString());
    n.put("label", j.label().toString());
    return n;
  }
}
