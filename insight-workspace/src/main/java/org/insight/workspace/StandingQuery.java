package org.insight.workspace;

import java.time.Instant;
import java.util.Objects;
import org.insight.policy.Label;
import org.insight.policy.Purpose;

/**
 * A question a principal saved so that every batch that lands is asked it for them ({@link Alerts#save}): a search in
 * the analyst syntax, or a screening subject (a name, matched across spelling, script and order). It is evaluated as
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
    SUBJECT
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

  /** The index query this standing query runs. */
  org.insight.search.Query query() {
    return switch (kind) {
      case SEARCH -> org.insight.search.Query.parse(text);
      case SUBJECT -> org.insight.search.Query.name(text);
    };
  }
}
