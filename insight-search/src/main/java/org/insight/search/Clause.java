package org.insight.search;

import java.util.List;
import java.util.Objects;

/**
 * One node of a query's match tree. {@code field} is {@code null} for "any text".
 */
public sealed interface Clause {
  /** Everything. */
  record All() implements Clause {}

  /** Analysed words; each must match (AND) unless the parser was told otherwise. */
  record Text(String field, String words) implements Clause {
    public Text {
      requireText(words, "words");
    }
  }

  /**
   * Natural-language words, at least one of which must match, ranked by BM25 over what the session may see: each
   * document scores in the field of its own language (analysed as that language: stop words, stemming), so a
   * question typed as a sentence ranks like a plain BM25 engine would rank it. Built by {@link Query#anyOf}, or
   * {@code any:"…"} in the analyst syntax.
   */
  record AnyOf(String words) implements Clause {
    public AnyOf {
      requireText(words, "words");
    }
  }

  /** An exact phrase. */
  record Phrase(String field, String words) implements Clause {
    public Phrase {
      requireText(words, "phrase");
    }
  }

  /** A wildcard pattern with {@code *} and {@code ?}; expanded over at most a bounded number of terms. */
  record Wildcard(String field, String pattern) implements Clause {
    public Wildcard {
      requireText(pattern, "pattern");
    }
  }

  /** A word matched within {@code edits} (1 or 2) edits. */
  record Fuzzy(String field, String word, int edits) implements Clause {
    public Fuzzy {
      requireText(word, "word");
      if (edits < 0 || edits > 2) {
        throw new QuerySyntaxException(word, -1, "a fuzzy match allows 0, 1 or 2 edits, not " + edits);
      }
    }
  }

  /** A name, matched across spelling, transliteration and token order. */
  record Name(String name) implements Clause {
    public Name {
      requireText(name, "name");
    }
  }

  /** An identifier, normalised per scheme; {@code scheme} may be null for any identifier property. */
  record Identifier(String scheme, String value) implements Clause {
    public Identifier {
      requireText(value, "identifier");
    }
  }

  /** A property equal to a value, after cleaning by the property's type. */
  record Property(String property, String value) implements Clause {
    public Property {
      requireText(property, "property");
      requireText(value, "value");
    }
  }

  /** An entity type and its sub-types. */
  record Type(String schema) implements Clause {
    public Type {
      requireText(schema, "type");
    }
  }

  /** A date property (or any date when null) overlapping [from, to]; either bound may be null (open). */
  record DateRange(String property, String from, String to) implements Clause {
    public DateRange {
      if (from == null && to == null) {
        throw new QuerySyntaxException("", -1, "a date range needs at least one bound");
      }
      int first = from == null ? Integer.MIN_VALUE : bound(from)[0];
      int last = to == null ? Integer.MAX_VALUE : bound(to)[1];
      if (first > last) {
        throw new QuerySyntaxException("", -1, "the date range [" + from + " TO " + to + "] ends before it starts; "
            + "write the earlier date first, as in [" + to + " TO " + from + "]");
      }
    }

    private static int[] bound(String raw) {
      try {
        return org.insight.search.internal.PartialDates.bound(raw);
      } catch (org.insight.InsightException | java.time.DateTimeException e) {
        throw new QuerySyntaxException(raw, -1, "'" + raw + "' is not a date: " + e.getMessage() + "; write a year "
            + "(1970), a month (1970-03), a day (1970-03-15) or * for an open bound");
      }
    }
  }

  /** Geo points within {@code km} of (lat, lon). */
  record Near(double lat, double lon, double km) implements Clause {
    public Near {
      if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && km > 0 && km <= 20_038)) {
        throw new QuerySyntaxException("", -1, "near needs -90<=lat<=90, -180<=lon<=180 and 0<km<=20038, got "
            + lat + "," + lon + "," + km);
      }
    }
  }

  /** Geo points inside a polygon of (lat, lon) vertices. */
  record Within(List<double[]> polygon) implements Clause {
    public Within {
      polygon = List.copyOf(polygon);
      if (polygon.size() < 3) {
        throw new QuerySyntaxException("", -1, "a polygon needs at least 3 points, got " + polygon.size());
      }
    }
  }

  /** Items of one dataset. */
  record Dataset(String name) implements Clause {
    public Dataset {
      requireText(name, "dataset");
    }
  }

  /** Every clause matches. */
  record And(List<Clause> clauses) implements Clause {
    public And {
      clauses = List.copyOf(clauses);
    }
  }

  /** At least one clause matches. */
  record Or(List<Clause> clauses) implements Clause {
    public Or {
      clauses = List.copyOf(clauses);
    }
  }

  /** The clause does not match. */
  record Not(Clause clause) implements Clause {
    public Not {
      Objects.requireNonNull(clause, "clause");
    }
  }

  private static void requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new QuerySyntaxException(String.valueOf(s), -1, "the " + what + " is empty");
    }
  }
}
