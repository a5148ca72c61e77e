package org.insight.policy;

import java.util.Locale;
import java.util.Objects;
import org.insight.InsightException;

/**
 * The evaluation of a piece of intelligence as European police services grade it (the 4x4 system, with the
 * "D" level of the 5x5 family): how reliable the source is, and how the information itself is assessed.
 * Written as two characters, e.g. {@code B2}.
 *
 * <p>Derived data carries the weakest grading of its inputs ({@link #weakest}).
 *
 * @param reliability the source's reliability
 * @param assessment the assessment of the information
 */
public record SourceGrading(Reliability reliability, Assessment assessment) {

  /** The grading of data nobody has graded: {@code X4}. */
  public static final SourceGrading UNGRADED = new SourceGrading(Reliability.X, Assessment.CANNOT_BE_JUDGED);

  /** Source reliability, from strongest ({@code A}) to weakest ({@code X}). */
  public enum Reliability {
    /** Completely reliable: no doubt about the source's authenticity, trustworthiness and competence. */
    A("completely reliable"),
    /** Usually reliable: the source has proved reliable in most instances. */
    B("usually reliable"),
    /** Fairly reliable: the source has proved reliable in some instances. */
    C("fairly reliable"),
    /** Not reliable: the source has proved unreliable in most instances. */
    D("not reliable"),
    /** Reliability cannot be judged. */
    X("cannot be judged");

    private final String description;

    Reliability(String description) {
      this.description = description;
    }

    /** A short English description, e.g. "usually reliable". */
    public String description() {
      return description;
    }
  }

  /** Assessment of the information, from strongest (1) to weakest (4). */
  public enum Assessment {
    /** 1: known to be true without reservation. */
    TRUE_WITHOUT_RESERVATION(1, "known to be true without reservation"),
    /** 2: known personally to the source but not to the official passing it on. */
    KNOWN_TO_SOURCE(2, "known personally to the source but not to the official passing it on"),
    /** 3: not known personally to the source but corroborated by information already recorded. */
    CORROBORATED(3, "not known personally to the source but corroborated"),
    /** 4: cannot be judged. */
    CANNOT_BE_JUDGED(4, "cannot be judged");

    private final int code;
    private final String description;

    Assessment(int code, String description) {
      this.code = code;
      this.description = description;
    }

    /** The digit, 1 to 4. */
    public int code() {
      return code;
    }

    /** A short English description. */
    public String description() {
      return description;
    }

    /**
     * The assessment with this digit.
     *
     * @throws InsightException unless {@code code} is 1 to 4
     */
    public static Assessment ofCode(int code) {
      for (Assessment a : values()) {
        if (a.code == code) {
          return a;
        }
      }
      throw new InsightException("Invalid information assessment " + code + ": expected 1, 2, 3 or 4");
    }
  }

  /**
   * Checks both parts are present.
   *
   * @throws InsightException if either is null
   */
  public SourceGrading {
    if (reliability == null || assessment == null) {
      throw new InsightException("A source grading needs both a reliability (A, B, C, D or X) and an assessment"
          + " (1-4); use SourceGrading.UNGRADED when the data is not graded");
    }
  }

  /**
   * Reads a grading such as {@code B2} (case-insensitive, surrounding spaces ignored).
   *
   * @throws InsightException if the text is not a letter A, B, C, D or X followed by a digit 1 to 4
   */
  public static SourceGrading parse(String text) {
    String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    if (t.length() == 2) {
      char r = t.charAt(0);
      char a = t.charAt(1);
      if ("ABCDX".indexOf(r) >= 0 && a >= '1' && a <= '4') {
        return new SourceGrading(Reliability.valueOf(String.valueOf(r)), Assessment.ofCode(a - '0'));
      }
    }
    throw new InsightException("Invalid source grading " + (text == null ? "null" : "\"" + text + "\"")
        + ": expected a reliability letter A, B, C, D or X followed by an assessment digit 1 to 4, e.g. \"B2\";"
        + " use \"X4\" when the data is not graded");
  }

  /**
   * The weaker of the two gradings, axis by axis: the later reliability letter ({@code X} weakest) and the
   * higher assessment digit. {@code B1.weakest(A3)} is {@code B3}.
   */
  public SourceGrading weakest(SourceGrading other) {
    Objects.requireNonNull(other, "other");
    Reliability r = reliability.compareTo(other.reliability) >= 0 ? reliability : other.reliability;
    Assessment a = assessment.compareTo(other.assessment) >= 0 ? assessment : other.assessment;
    return new SourceGrading(r, a);
  }

  /** The two-character form, e.g. {@code B2}. */
  @Override
  public String toString() {
    return reliability.name() + assessment.code();
  }
}
