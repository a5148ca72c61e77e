package org.insight.policy;

import java.util.Locale;
import java.util.regex.Pattern;
import org.insight.InsightException;

/**
 * Why data is being read: every session declares one, and a {@link Label} may restrict the purposes its data
 * may be used for.
 *
 * <p>The name is lowercase kebab-case ({@code criminal-investigation}); the constructor normalises case, spaces
 * and underscores, so {@code Purpose.of("Border Control")} equals {@link #BORDER_CONTROL}.
 *
 * <p>{@link #ANY} means "no purpose restriction" and is only meaningful inside a label's purpose set; a session
 * that declares {@code ANY} as its purpose is refused by {@link Policy}.
 *
 * @param name the kebab-case name, 1 to 64 characters of {@code [a-z0-9]} separated by single hyphens
 */
public record Purpose(String name) {
  private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final int MAX_LENGTH = 64;

  /** Investigation of a specific crime or suspected crime. */
  public static final Purpose CRIMINAL_INVESTIGATION = new Purpose("criminal-investigation");
  /** Prevention and investigation of terrorism. */
  public static final Purpose COUNTER_TERRORISM = new Purpose("counter-terrorism");
  /** Search for missing persons. */
  public static final Purpose MISSING_PERSONS = new Purpose("missing-persons");
  /** Border and immigration control. */
  public static final Purpose BORDER_CONTROL = new Purpose("border-control");
  /** In a label: no purpose restriction. Not a valid purpose for a session. */
  public static final Purpose ANY = new Purpose("any");

  /**
   * Normalises and validates the name.
   *
   * @throws InsightException if the name is null or not a valid purpose name after normalisation
   */
  public Purpose {
    if (name == null) {
      throw new InsightException("A purpose name is required; use one of the Purpose constants or a kebab-case"
          + " name such as \"criminal-investigation\"");
    }
    String normal = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    if (normal.isEmpty() || normal.length() > MAX_LENGTH || !KEBAB.matcher(normal).matches()) {
      throw new InsightException("Invalid purpose \"" + name + "\": a purpose name is 1 to " + MAX_LENGTH
          + " letters or digits in kebab-case (words separated by single hyphens), e.g. \"criminal-investigation\"");
    }
    name = normal;
  }

  /** The purpose with this name (normalised as by the constructor). */
  public static Purpose of(String name) {
    return new Purpose(name);
  }

  /** The name. */
  @Override
  public String toString() {
    return name;
  }
}
