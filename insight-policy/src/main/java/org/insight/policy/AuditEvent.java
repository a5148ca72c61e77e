package org.insight.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One access to record in the {@link AuditLog}: who, for which purpose, when, what operation, what query,
 * which items were returned or written, and how it ended.
 *
 * <p>Null-safe: a null string becomes {@code ""}, a null list (or a null item) becomes empty, and a null
 * {@code at} becomes the current instant. {@code items} is an immutable copy.
 *
 * @param at when the access happened
 * @param principal who made it (a principal identifier, never a credential)
 * @param purpose the declared purpose of the access
 * @param operation what was done, for example {@code "entity.get"}, {@code "search"}, {@code "add"}
 * @param query the query as free text, empty when there was none
 * @param items the identifiers of the items returned or written
 * @param outcome {@code "ok"}, {@code "denied"} or {@code "error: ..."}
 */
public record AuditEvent(
    Instant at,
    String principal,
    String purpose,
    String operation,
    String query,
    List<String> items,
    String outcome) {

  /**
   * Replaces nulls as described above and copies {@code items}.
   *
   * @param at when
   * @param principal who
   * @param purpose why
   * @param operation what was done
   * @param query the query text
   * @param items the item identifiers
   * @param outcome how it ended
   */
  public AuditEvent {
    at = at == null ? Instant.now() : at;
    principal = orEmpty(principal);
    purpose = orEmpty(purpose);
    operation = orEmpty(operation);
    query = orEmpty(query);
    outcome = orEmpty(outcome);
    if (items == null || items.isEmpty()) {
      items = List.of();
    } else {
      List<String> copy = new ArrayList<>(items.size());
      for (String item : items) {
        copy.add(orEmpty(item));
      }
      items = Collections.unmodifiableList(copy);
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
