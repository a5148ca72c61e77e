package org.insight.core;

import java.util.Locale;
import java.util.regex.Pattern;
import org.insight.Hashing;

/**
 * The stable identifier of an entity. Records get a source-derived id ({@link #fromSource}), so ingesting the
 * same record twice updates one entity instead of creating two.
 */
public record EntityId(String value) implements Comparable<EntityId> {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,127}");

  public EntityId {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new InvalidDataException(
          new InvalidDataException.Problem(
              "entity id",
              "\"" + abbreviate(String.valueOf(value)) + "\" is not a valid entity id: use 1-128 characters"
                  + " of a-z, 0-9, '.', '_', ':' or '-', starting with a letter or digit"));
    }
  }

  /** An id given by the caller, e.g. {@code EntityId.of("ent-42")}; case is folded. */
  public static EntityId of(String value) {
    return new EntityId(value == null ? null : value.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * The id of the entity a source record describes: derived from the dataset and the record's own id, so that it
   * is the same on every re-ingest and different across datasets.
   */
  public static EntityId fromSource(String dataset, String recordId) {
    String digest = Hashing.sha256Hex(dataset + '\u0000' + recordId);
    return new EntityId(slug(dataset, 40) + "." + digest.substring(0, 24));
  }

  /** A lowercase [a-z0-9-] slug of at most {@code max} characters; "x" when nothing is left. */
  private static String slug(String text, int max) {
    String s = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    if (s.length() > max) {
      s = s.substring(0, max).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "x" : s;
  }

  /** Caller input shown in an error message, cut so a message never carries a whole payload. */
  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  @Override
  public int compareTo(EntityId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
