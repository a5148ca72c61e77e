package org.insight.workspace;

import java.time.Instant;
import java.util.Objects;
import org.insight.policy.Label;
import org.insight.policy.Purpose;

/**
 * A question a principal saved so that every batch that lands is asked it for them ({@link Alerts#save}): a search in
 * the analyst syntax, a screening subject (a name, matched across spelling, script and order), a new link to an
 * entity, or a trend alarm on a category. It is evaluated as
 * its owner, for the purpose it was saved under, over only what the owner may see at the time; each new match is an
 * {@link Alert}.
 *
 * @param id derived from the owner, kind, text and label: saving the same question again is idempotent
 * @param owner the principal id that saved it; only that principal lists it and its alerts
 * @param purpose the session purpose it was saved under, the purpose it is evaluated for
 * @param kind a search or a screening subject
 * @param text the query (search syntax) or the subject's name
 * @param reason what it serves (e.g. "operation heron: new mentions of the suspect"), for the audit and the owner
 * @param label the label the question itself carries (a query can be sensitive); its owner must satisfy it
 * @param created when it was saved
 */
public record StandingQuery(String id, String owner, Purpose purpose, Kind kind, String text, String reason, Label label,
    Instant created) {

  /** What a standing query asks. */
  public enum Kind {
    /** A query in the analyst syntax ({@link org.insight.search.Query#parse}). */
    SEARCH,
    /** A screening subject: a person's name, matched as a name across spelling, script and order. */
    SUBJECT,
    /**
     * A graph pattern: any new link to an entity, of some edge kinds ({@link Alerts#saveLink}); text: the entity id
     * and the kinds, e.g. {@code ent-42 LINK,SHARED_IDENTIFIER,CO_MENTION}.
     */
    LINK,
    /**
     * A trend alarm: a CUSUM alarm on a category of a trend source ({@link Alerts#saveTrend}); text: the source and
     * the category, e.g. {@code type=Event by=category category=burglary}.
     */
    TREND;

    /** Whether it is a search of the batch (a search or a subject), not a pattern over the owner's whole view. */
    boolean searches() {
      return this == SEARCH || this == SUBJECT;
    }
  }

  /** What a {@link Kind#LINK} query asks: new edges touching {@code entity} of one of {@code kinds}. */
  record LinkPattern(org.insight.core.EntityId entity, java.util.Set<org.insight.graph.EdgeKind> kinds) {
    String text() {
      return entity.value() + " " + String.join(",", new java.util.TreeSet<>(kinds.stream().map(Enum::name)
          .toList()));
    }

    static LinkPattern parse(String text) {
      int space = text.lastIndexOf(' ');
      java.util.Set<org.insight.graph.EdgeKind> kinds = java.util.EnumSet.noneOf(org.insight.graph.EdgeKind.class);
      for (String k : text.substring(space + 1).split(",")) {
        kinds.add(org.insight.graph.EdgeKind.valueOf(k));
      }
      return new LinkPattern(org.insight.core.EntityId.of(text.substring(0, space)), kinds);
    }
  }

  /** What a {@link Kind#TREND} query asks: an alarm on {@code category} of {@code source}. */
  record TrendPattern(TrendSource source, String category) {
    String text() {
      return source + " category=" + category;
    }

    static TrendPattern parse(String text) {
      int at = text.indexOf(" category=");
      String category = text.substring(at + " category=".length());
      java.util.Map<String, String> keys = new java.util.HashMap<>();
      for (String part : text.substring(0, at).split(" ")) {
        int eq = part.indexOf('=');
        keys.put(part.substring(0, eq), part.substring(eq + 1));
      }
      TrendSource source = TrendSource.of(keys.get("type"), keys.get("by"));
      if (keys.containsKey("time")) {
        source = source.time(keys.get("time"));
      }
      return new TrendPattern(source, category);
    }
  }

  LinkPattern linkPattern() {
    return LinkPattern.parse(text);
  }

  TrendPattern trendPattern() {
    return TrendPattern.parse(text);
  }

  public StandingQuery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(created, "created");
  }

  /** The id a question of this owner, kind, text and label gets. */
  static String idFor(String owner, Kind kind, String text, Label label) {
    return "sq-" + org.insight.Hashing.sha256Hex((owner + '\u0000' + kind + '\u0000' + text + '\u0000' + label)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 20);
  }

  /** The index query a search or subject runs. */
  org.insight.search.Query query() {
    return switch (kind) {
      case SEARCH -> org.insight.search.Query.parse(text);
      case SUBJECT -> org.insight.search.Query.name(text);
      case LINK, TREND -> throw new IllegalStateException("a " + kind + " standing query is a pattern, not a search");
    };
  }
}
