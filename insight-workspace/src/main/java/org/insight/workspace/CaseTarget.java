package org.insight.workspace;

import java.util.Objects;
import java.util.Optional;
import org.insight.core.EntityId;

/**
 * What a case item refers to: an entity, one statement of an entity, a document, a span of a document's text, a
 * link or a screening flag. A case item with a target is shown to a member only while the member can see the
 * target, and carries (at least) the target's label.
 *
 * @param kind what is referred to
 * @param id the entity, link or flag id, or the document id
 * @param statementId the statement, for {@link Kind#STATEMENT}; empty otherwise
 * @param start the span's first character, for {@link Kind#SPAN}; 0 otherwise
 * @param end the span's end (exclusive), for {@link Kind#SPAN}; 0 otherwise
 */
public record CaseTarget(Kind kind, String id, Optional<String> statementId, int start, int end) {

  /** The kinds of targets. */
  public enum Kind {
    ENTITY, STATEMENT, DOCUMENT, SPAN, LINK, FLAG;

    /** The name as written in {@link #parse} and the CLI ({@code entity}, {@code span}, ...). */
    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Validates. */
  public CaseTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(statementId, "statementId");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a case target needs a non-blank id");
    }
    if ((kind == Kind.STATEMENT) != statementId.isPresent()) {
      throw new IllegalArgumentException("a statement target (and only one) names a statement id");
    }
    if (kind == Kind.SPAN ? start < 0 || end <= start : start != 0 || end != 0) {
      throw new IllegalArgumentException("a span target needs 0 <= start < end (other targets have none); got "
          + start + ".." + end);
    }
  }

  public static CaseTarget entity(EntityId id) {
    return new CaseTarget(Kind.ENTITY, id.value(), Optional.empty(), 0, 0);
  }

  public static CaseTarget statement(EntityId entity, String statementId) {
    return new CaseTarget(Kind.STATEMENT, entity.value(), Optional.of(statementId), 0, 0);
  }

  public static CaseTarget document(String documentId) {
    return new CaseTarget(Kind.DOCUMENT, documentId, Optional.empty(), 0, 0);
  }

  /** Characters {@code start} (inclusive) to {@code end} (exclusive) of a document's text. */
  public static CaseTarget span(String documentId, int start, int end) {
    return new CaseTarget(Kind.SPAN, documentId, Optional.empty(), start, end);
  }

  public static CaseTarget link(EntityId id) {
    return new CaseTarget(Kind.LINK, id.value(), Optional.empty(), 0, 0);
  }

  public static CaseTarget flag(EntityId id) {
    return new CaseTarget(Kind.FLAG, id.value(), Optional.empty(), 0, 0);
  }

  /**
   * Reads the form {@link #toString()} writes: {@code entity:ID}, {@code statement:ENTITY/STATEMENT},
   * {@code document:ID}, {@code span:DOCUMENT:START-END}, {@code link:ID}, {@code flag:ID}.
   *
   * @throws IllegalArgumentException naming the forms when {@code text} is none of them
   */
  public static CaseTarget parse(String text) {
    Objects.requireNonNull(text, "text");
    String forms = "; write entity:ID, statement:ENTITY/STATEMENT, document:ID, span:DOCUMENT:START-END, link:ID"
        + " or flag:ID";
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(org.insight.Messages.quote(text) + " is not a case target" + forms);
    }
    String kind = text.substring(0, colon);
    String rest = text.substring(colon + 1);
    try {
      switch (kind) {
        case "entity":
          return entity(EntityId.of(rest));
        case "link":
          return link(EntityId.of(rest));
        case "flag":
          return flag(EntityId.of(rest));
        case "document":
          return document(rest);
        case "statement": {
          int slash = rest.lastIndexOf('/');
          if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("a statement target is statement:ENTITY/STATEMENT");
          }
          return statement(EntityId.of(rest.substring(0, slash)), rest.substring(slash + 1));
        }
        case "span": {
          int last = rest.lastIndexOf(':');
          int dash = rest.lastIndexOf('-');
          if (last <= 0 || dash < last) {
            throw new IllegalArgumentException("a span target is span:DOCUMENT:START-END");
          }
          return span(rest.substring(0, last), Integer.parseInt(rest.substring(last + 1, dash)),
              Integer.parseInt(rest.substring(dash + 1)));
        }
        default:
          throw new IllegalArgumentException("unknown target kind " + org.insight.Messages.quote(kind));
      }
    } catch (NumberFormatException | org.insight.InsightException e) {
      throw new IllegalArgumentException(org.insight.Messages.quote(text) + " is not a case target: "
          + e.getMessage() + forms, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " (got " + org.insight.Messages.quote(text) + ")" + forms, e);
    }
  }

  /** The form {@link #parse} reads. */
  @Override
  public String toString() {
    return switch (kind) {
      case STATEMENT -> "statement:" + id + "/" + statementId.orElseThrow();
      case SPAN -> "span:" + id + ":" + start + "-" + end;
      default -> kind.text() + ":" + id;
    };
  }
}
