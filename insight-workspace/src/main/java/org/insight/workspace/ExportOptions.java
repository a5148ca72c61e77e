package org.insight.workspace;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.insight.search.Query;

/**
 * What {@link Session#export} hands out and in which shape: the visible entities of some types (all when none is
 * named), optionally only those a search query finds.
 *
 * @param types type names (each with its sub-types); empty means every type
 * @param query a search query the entities must match (its paging is ignored), or empty for all
 * @param shape the file's shape; {@link Shape#FTM} unless given
 */
public record ExportOptions(List<String> types, Optional<Query> query, Shape shape) {
  /** The shapes of an export file (docs/ftm.md). */
  public enum Shape {
    /** FollowTheMoney JSON lines; the label conjunction goes in a sidecar header. */
    FTM,
    /** FollowTheMoney statement CSV, one row per value with its own label; sidecar header. */
    FTM_STATEMENTS,
    /** This SDK's JSON lines: a header line, then one line per entity with its statements (labels, provenance). */
    JSONL,
    /** This SDK's statement CSV (labels, provenance); sidecar header. */
    CSV;

    /** The shape's name on the command line and in headers: {@code ftm}, {@code ftm-statements}, … */
    public String text() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The shape named {@code text}.
     *
     * @throws IllegalArgumentException when no shape has that name
     */
    public static Shape parse(String text) {
      for (Shape s : values()) {
        if (s.text().equals(text)) {
          return s;
        }
      }
      throw new IllegalArgumentException("no export shape '" + text + "'; use ftm, ftm-statements, jsonl or csv");
    }
  }

  public ExportOptions {
    types = List.copyOf(types);
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(shape, "shape");
  }

  /** The selection with the FtM shape. */
  public ExportOptions(List<String> types, Optional<Query> query) {
    this(types, query, Shape.FTM);
  }

  /** Every visible entity, as FtM JSON lines. */
  public static ExportOptions all() {
    return new ExportOptions(List.of(), Optional.empty(), Shape.FTM);
  }

  /** The same selection, only of these types (and their sub-types). */
  public ExportOptions types(String... names) {
    return new ExportOptions(List.of(names), query, shape);
  }

  /** The same selection, only entities {@code q} finds. */
  public ExportOptions query(Query q) {
    return new ExportOptions(types, Optional.of(q), shape);
  }

  /** The same selection in another shape. */
  public ExportOptions shape(Shape s) {
    return new ExportOptions(types, query, s);
  }
}
