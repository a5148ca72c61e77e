package org.insight.policy;

import static org.insight.BuilderGuard.requireUnset;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.insight.InsightException;

/**
 * What travels with every value: its access expression and its handling rules.
 *
 * <ul>
 *   <li>{@link #expression()} — who may see it;
 *   <li>{@link #purposes()} — what it may be used for: {@code {any}} means unrestricted, the empty set means no
 *       purpose at all is allowed (this arises when data with disjoint restrictions is combined);
 *   <li>{@link #reviewBy()} — when its retention must be reviewed;
 *   <li>{@link #deleteAfter()} — the last day it may be used;
 *   <li>{@link #originators()} — the source agencies;
 *   <li>{@link #caveats()} — dissemination caveats such as {@code NOFORN}, {@code REL-EU}, {@code ORCON}.
 * </ul>
 *
 * <p><b>Text form.</b> {@link #toString()} gives a canonical text, used as the index term, so two labels are
 * equal exactly when their texts are equal; {@link #parse(String)} reads it back. It is the canonical expression
 * followed by {@code ;key=value} parts, each only when not the default, in this order: {@code purposes=a,b}
 * (sorted; {@code purposes=} means none allowed), {@code review-by=YYYY-MM-DD}, {@code delete-after=YYYY-MM-DD},
 * {@code originators=X,Y} (sorted), {@code caveats=X,Y} (sorted). For example
 * {@code (DE&INTERPOL)|(FR&INTERPOL);purposes=border-control,criminal-investigation;delete-after=2030-01-01;originators=FR-NCB}.
 * Originator and caveat values are restricted to {@code [A-Za-z0-9_.:/-]+} so that the text stays unambiguous.
 *
 * <p>Immutable and thread-safe.
 */
public final class Label {
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:/-]+");
  private static final Comparator<Purpose> BY_NAME = Comparator.comparing(Purpose::name);
  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final List<String> KEYS =
      List.of("purposes", "review-by", "delete-after", "originators", "caveats");

  private final LabelExpression expression;
  private final SortedSet<Purpose> purposes;
  private final LocalDate reviewBy;
  private final LocalDate deleteAfter;
  private final SortedSet<String> originators;
  private final SortedSet<String> caveats;
  private final String text;

  private Label(LabelExpression expression, SortedSet<Purpose> purposes, LocalDate reviewBy,
      LocalDate deleteAfter, SortedSet<String> originators, SortedSet<String> caveats) {
    this.expression = expression;
    this.purposes = Collections.unmodifiableSortedSet(purposes);
    this.reviewBy = reviewBy;
    this.deleteAfter = deleteAfter;
    this.originators = Collections.unmodifiableSortedSet(originators);
    this.caveats = Collections.unmodifiableSortedSet(caveats);
    this.text = render();
  }

  /**
   * A label with this expression, any purpose, no retention dates, no originators and no caveats.
   *
   * @throws LabelSyntaxException if the expression is invalid or empty
   */
  public static Label of(String expression) {
    return builder(expression).build();
  }

  /**
   * A builder for a label with this expression.
   *
   * @throws LabelSyntaxException if the expression is invalid or empty
   */
  public static Builder builder(String expression) {
    return new Builder(LabelExpression.parse(expression));
  }

  /** A builder for a label with this expression. */
  public static Builder builder(LabelExpression expression) {
    return new Builder(Objects.requireNonNull(expression, "expression"));
  }

  /**
   * Reads the text form produced by {@link #toString()}. The expression part may be any valid expression (it is
   * canonicalised); the {@code ;key=value} parts may come in any order but each at most once.
   *
   * @throws LabelSyntaxException with the position of the problem in {@code text}
   */
  public static Label parse(String text) {
    if (text == null || text.isBlank()) {
      LabelExpression.parse(text); // throws the empty-label explanation
    }
    int end = expressionEnd(text);
    LabelExpression expr;
    try {
      expr = LabelExpression.parse(text.substring(0, end));
    } catch (LabelSyntaxException e) {
      throw new LabelSyntaxException(text, e.position(), e.problem());
    }
    Builder b = new Builder(expr);
    boolean[] seen = new boolean[KEYS.size()];
    int pos = end;
    while (pos < text.length()) {
      int start = pos + 1; // skip ';'
      int next = text.indexOf(';', start);
      if (next < 0) {
        next = text.length();
      }
      String part = text.substring(start, next);
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new LabelSyntaxException(text, start, "expected key=value after ';' but found \"" + part
            + "\"; keys are " + String.join(", ", KEYS));
      }
      String key = part.substring(0, eq);
      int k = KEYS.indexOf(key);
      if (k < 0) {
        throw new LabelSyntaxException(text, start, "unknown key \"" + key + "\"; expected one of "
            + String.join(", ", KEYS));
      }
      if (seen[k]) {
        throw new LabelSyntaxException(text, start, "\"" + key + "\" appears twice; give it once");
      }
      seen[k] = true;
      int valueAt = start + eq + 1;
      String value = part.substring(eq + 1);
      try {
        switch (key) {
          case "purposes" -> b.purposes(value.isEmpty() ? List.of()
              : list(text, valueAt, value).stream().map(Purpose::of).toList());
          case "review-by" -> b.reviewBy(date(text, valueAt, value));
          case "delete-after" -> b.deleteAfter(date(text, valueAt, value));
          case "originators" -> list(text, valueAt, value).forEach(b::originator);
          default -> list(text, valueAt, value).forEach(b::caveat);
        }
      } catch (LabelSyntaxException e) {
        throw e;
      } catch (InsightException e) {
        throw new LabelSyntaxException(text, valueAt, e.getMessage());
      }
      pos = next;
    }
    try {
      return b.build();
    } catch (LabelSyntaxException e) {
      throw e;
    } catch (InsightException e) {
      throw new LabelSyntaxException(text, -1, e.getMessage());
    }
  }

  /** Who may see the data. */
  public LabelExpression expression() {
    return expression;
  }

  /** The allowed purposes, sorted: {@code {any}} for unrestricted, empty for none allowed. */
  public Set<Purpose> purposes() {
    return purposes;
  }

  /** The date by which retention must be reviewed, if any. */
  public Optional<LocalDate> reviewBy() {
    return Optional.ofNullable(reviewBy);
  }

  /** The last day on which the data may be used, if any; from the next day (UTC) it is refused. */
  public Optional<LocalDate> deleteAfter() {
    return Optional.ofNullable(deleteAfter);
  }

  /** The originating agencies, sorted. */
  public Set<String> originators() {
    return originators;
  }

  /** The dissemination caveats, sorted. */
  public Set<String> caveats() {
    return caveats;
  }

  /** Whether data with this label may be used for {@code purpose}. */
  boolean allows(Purpose purpose) {
    return purposes.contains(Purpose.ANY) || purposes.contains(purpose);
  }

  /**
   * The label of data derived from data labelled {@code this} and {@code other}: both expressions must be
   * satisfied; the allowed purposes are the intersection ({@code any} is the identity, so disjoint restrictions
   * give the empty set); the earliest review and deletion dates (a review date later than the resulting deletion
   * date is moved to the deletion date); the union of originators and of caveats.
   *
   * @throws LabelSyntaxException if the combined expression would be too complex
   */
  public Label and(Label other) {
    Objects.requireNonNull(other, "other");
    TreeSet<Purpose> sortedP = new TreeSet<>(BY_NAME);
    if (purposes.contains(Purpose.ANY)) {
      sortedP.addAll(other.purposes);
    } else if (other.purposes.contains(Purpose.ANY)) {
      sortedP.addAll(purposes);
    } else {
      sortedP.addAll(purposes);
      sortedP.retainAll(other.purposes);
    }
    LocalDate delete = earliest(deleteAfter, other.deleteAfter);
    LocalDate review = earliest(reviewBy, other.reviewBy);
    if (review != null && delete != null && review.isAfter(delete)) {
      review = delete;
    }
    TreeSet<String> o = new TreeSet<>(originators);
    o.addAll(other.originators);
    TreeSet<String> c = new TreeSet<>(caveats);
    c.addAll(other.caveats);
    return new Label(expression.and(other.expression), sortedP, review, delete, o, c);
  }

  /**
   * The conjunction {@link #and}, or — when that is too complex to build — {@link #stricterAnd}: never fails for
   * complexity and is never looser than either input. Use it where a derived label must not fail after the write
   * that triggers it; {@link #and} tells whether the exact conjunction exists.
   *
   * @param other the other label
   * @return a label every principal satisfying it satisfies both inputs
   */
  public Label andOrStricter(Label other) {
    try {
      return and(other);
    } catch (LabelSyntaxException e) {
      return stricterAnd(other);
    }
  }

  /**
   * A coarser but at least as strict stand-in for {@code this.and(other)}, always buildable: the side with more
   * alternative terms is replaced by the conjunction of all its tokens (every authorization it names), then
   * conjoined with the other side. Whoever holds all tokens of a monotone expression satisfies it, so whoever
   * satisfies the result satisfies both inputs; the result has no more alternatives than the simpler side. When
   * even that is too complex (it cannot be, the simpler side being a valid label), both sides are collapsed. The
   * handling rules combine as in {@link #and}.
   *
   * @param other the other label
   * @return the stricter conjunction
   */
  public Label stricterAnd(Label other) {
    Objects.requireNonNull(other, "other");
    boolean collapseThis = expression.terms() >= other.expression.terms();
    Label coarse = collapseThis ? withExpression(allTokens(expression)) : other.withExpression(allTokens(other.expression));
    Label kept = collapseThis ? other : this;
    try {
      return coarse.and(kept);
    } catch (LabelSyntaxException e) {
      return coarse.and(kept.withExpression(allTokens(kept.expression)));
    }
  }

  private static LabelExpression allTokens(LabelExpression e) {
    LabelExpression all = null;
    for (String t : e.tokens()) {
      LabelExpression token = LabelExpression.token(t);
      all = all == null ? token : all.and(token);
    }
    return all;
  }

  private Label withExpression(LabelExpression e) {
    return new Label(e, new TreeSet<>(purposes), reviewBy, deleteAfter, new TreeSet<>(originators),
        new TreeSet<>(caveats));
  }

  /**
   * The label of data derived from all of {@code labels}: their {@link #and} conjunction. Equal labels count once
   * (the conjunction is idempotent), so folding a million records' few distinct labels costs a few {@code and}s.
   *
   * @throws IllegalArgumentException if {@code labels} is empty (data derived from nothing has no label)
   * @throws NullPointerException if {@code labels} or one of them is null
   * @throws LabelSyntaxException if the combined expression would be too complex
   */
  public static Label allOf(Collection<Label> labels) {
    Objects.requireNonNull(labels, "labels");
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("the conjunction of no labels is undefined; give at least one label");
    }
    Label result = null;
    for (Label l : new LinkedHashSet<>(labels)) {
      Objects.requireNonNull(l, "a label in labels");
      result = result == null ? l : result.and(l);
    }
    return result;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Label l && l.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The canonical text form (see the class comment). */
  @Override
  public String toString() {
    return text;
  }

  private String render() {
    StringBuilder sb = new StringBuilder(expression.canonical());
    if (!purposes.equals(Set.of(Purpose.ANY))) {
      sb.append(";purposes=");
      sb.append(String.join(",", purposes.stream().map(Purpose::name).toList()));
    }
    if (reviewBy != null) {
      sb.append(";review-by=").append(ISO_DATE.format(reviewBy));
    }
    if (deleteAfter != null) {
      sb.append(";delete-after=").append(ISO_DATE.format(deleteAfter));
    }
    if (!originators.isEmpty()) {
      sb.append(";originators=").append(String.join(",", originators));
    }
    if (!caveats.isEmpty()) {
      sb.append(";caveats=").append(String.join(",", caveats));
    }
    return sb.toString();
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isBefore(b) ? a : b;
  }

  /** The index of the first ';' outside a quoted token, or the length. Never fails. */
  private static int expressionEnd(String text) {
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ';') {
        return i;
      }
    }
    return text.length();
  }

  private static List<String> list(String text, int at, String value) {
    if (value.isEmpty()) {
      throw new LabelSyntaxException(text, at, "expected a comma-separated list of values but found nothing;"
          + " remove the empty part");
    }
    List<String> items = Arrays.asList(value.split(",", -1));
    int offset = at;
    for (String item : items) {
      if (item.isEmpty()) {
        throw new LabelSyntaxException(text, offset, "empty value in a comma-separated list; remove the extra ','");
      }
      offset += item.length() + 1;
    }
    return items;
  }

  private static LocalDate date(String text, int at, String value) {
    try {
      return LocalDate.parse(value, ISO_DATE);
    } catch (DateTimeParseException e) {
      throw new LabelSyntaxException(text, at, "expected a date as YYYY-MM-DD but found \"" + value + "\"");
    }
  }

  private static String checkValue(String kind, String value) {
    if (value == null || !VALUE.matcher(value).matches()) {
      throw new InsightException("Invalid " + kind + " " + (value == null ? "null" : "\"" + value + "\"")
          + ": use 1 or more of the characters A-Z a-z 0-9 _ . : / - (e.g. FR-NCB or REL-EU)");
    }
    return value;
  }

  /**
   * Builds a {@link Label}. Each of purposes, review date and deletion date may be set once; originators and
   * caveats accumulate. Not thread-safe.
   */
  public static final class Builder {
    private final LabelExpression expression;
    private TreeSet<Purpose> purposes;
    private LocalDate reviewBy;
    private LocalDate deleteAfter;
    private final TreeSet<String> originators = new TreeSet<>();
    private final TreeSet<String> caveats = new TreeSet<>();

    private Builder(LabelExpression expression) {
      this.expression = expression;
    }

    /**
     * The allowed purposes; without this call, any purpose. No arguments means no purpose is allowed. A set
     * containing {@link Purpose#ANY} means unrestricted whatever else it contains.
     *
     * @throws IllegalStateException if purposes were already set
     * @throws NullPointerException if one is null
     */
    public Builder purposes(Purpose... purposes) {
      Objects.requireNonNull(purposes, "purposes");
      return purposes(Arrays.asList(purposes));
    }

    /**
     * The allowed purposes (see {@link #purposes(Purpose...)}).
     *
     * @throws IllegalStateException if purposes were already set
     * @throws NullPointerException if one is null
     */
    public Builder purposes(Collection<Purpose> purposes) {
      Objects.requireNonNull(purposes, "purposes");
      requireUnset(this.purposes, "Label purposes");
      TreeSet<Purpose> p = new TreeSet<>(BY_NAME);
      for (Purpose purpose : purposes) {
        p.add(Objects.requireNonNull(purpose, "a label purpose is null; use the Purpose constants or Purpose.of(name)"));
      }
      if (p.contains(Purpose.ANY)) {
        p.retainAll(Set.of(Purpose.ANY));
      }
      this.purposes = p;
      return this;
    }

    /**
     * The date by which retention must be reviewed.
     *
     * @throws IllegalStateException if it was already set
     * @throws NullPointerException if it is null
     */
    public Builder reviewBy(LocalDate date) {
      requireUnset(reviewBy, "Label review date");
      reviewBy = Objects.requireNonNull(date, "reviewBy");
      return this;
    }

    /**
     * The last day on which the data may be used.
     *
     * @throws IllegalStateException if it was already set
     * @throws NullPointerException if it is null
     */
    public Builder deleteAfter(LocalDate date) {
      requireUnset(deleteAfter, "Label deletion date");
      deleteAfter = Objects.requireNonNull(date, "deleteAfter");
      return this;
    }

    /**
     * Adds an originating agency, e.g. {@code FR-NCB}.
     *
     * @throws InsightException unless the value is 1 or more of {@code [A-Za-z0-9_.:/-]}
     */
    public Builder originator(String originator) {
      originators.add(checkValue("originator", originator));
      return this;
    }

    /**
     * Adds a dissemination caveat, e.g. {@code NOFORN}.
     *
     * @throws InsightException unless the value is 1 or more of {@code [A-Za-z0-9_.:/-]}
     */
    public Builder caveat(String caveat) {
      caveats.add(checkValue("caveat", caveat));
      return this;
    }

    /**
     * The label.
     *
     * @throws InsightException if the review date is after the deletion date
     */
    public Label build() {
      if (reviewBy != null && deleteAfter != null && reviewBy.isAfter(deleteAfter)) {
        throw new InsightException("Label review date " + reviewBy + " is after its deletion date " + deleteAfter
            + "; a review must happen before the data is deleted, so move the review date earlier");
      }
      TreeSet<Purpose> p = new TreeSet<>(BY_NAME);
      if (purposes == null) {
        p.add(Purpose.ANY);
      } else {
        p.addAll(purposes);
      }
      return new Label(expression, p, reviewBy, deleteAfter, new TreeSet<>(originators), new TreeSet<>(caveats));
    }
  }
}
