package org.insight.policy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.insight.InsightException;

/**
 * Who may write into which dataset: a deployment's configuration (rule 7), not code. Each line names a dataset (or
 * {@code *} for every dataset) and who may write it — principal ids, {@code auth:TOKEN} for anyone holding that
 * authorization, or {@code *} for anyone:
 *
 * <pre>
 * # dataset = who, who, ...
 * hr               = alice, auth:HR_WRITE
 * interpol-notices = ingest-bot
 * judgement        = auth:ANALYST        # analysts' match judgements
 * *                = admin               # every dataset
 * </pre>
 *
 * A dataset named nowhere (and with no {@code *} line) may be written by nobody. {@link #anyone()} — one line
 * {@code * = *} — is what a workspace uses when no configuration was given. Writing also needs the labels written to
 * be ones the writer satisfies; that is the access {@link Policy}'s decision, not this one.
 *
 * <p>Immutable and thread-safe.
 */
public final class Writers {
  /** The key and the value that stand for every dataset and for anyone. */
  public static final String ANY = "*";
  private static final String AUTH = "auth:";
  private static final Writers ANYONE = new Writers(Map.of(ANY, Set.of(ANY)));

  private final Map<String, Set<String>> rules; // dataset (or *) -> principal ids, auth:TOKEN, or *

  private Writers(Map<String, Set<String>> rules) {
    this.rules = rules;
  }

  /** Anyone may write any dataset: the default of a workspace given no configuration. */
  public static Writers anyone() {
    return ANYONE;
  }

  /**
   * Reads a configuration in the format of the class comment (a Java properties file).
   *
   * @throws InsightException naming the line when a dataset has no writers, or a writer is blank
   */
  public static Writers parse(Reader text) {
    Objects.requireNonNull(text, "text");
    Properties p = new Properties();
    try {
      p.load(text);
    } catch (IOException | IllegalArgumentException e) {
      throw new InsightException("the writers configuration could not be read: " + e.getMessage()
          + "; write one line per dataset: dataset = principal, auth:TOKEN, ...");
    }
    Map<String, Set<String>> rules = new TreeMap<>();
    for (String dataset : p.stringPropertyNames()) {
      Set<String> who = new LinkedHashSet<>();
      for (String w : p.getProperty(dataset).split(",", -1)) {
        String s = w.strip();
        if (s.isEmpty() || s.equals(AUTH)) {
          throw new InsightException("the writers of dataset '" + dataset + "' include an empty entry ('"
              + p.getProperty(dataset) + "'); list principal ids or auth:TOKEN separated by commas");
        }
        who.add(s);
      }
      rules.put(dataset.strip(), Set.copyOf(who));
    }
    return new Writers(Map.copyOf(rules));
  }

  /** {@link #parse(Reader)} of a string. */
  public static Writers parse(String text) {
    return parse(new StringReader(Objects.requireNonNull(text, "text")));
  }

  /**
   * Whether {@code principal} may write into {@code dataset}; the reason names the dataset, never the configured
   * writers.
   */
  public Decision decide(Principal principal, String dataset) {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(dataset, "dataset");
    if (allows(rules.get(dataset), principal) || allows(rules.get(ANY), principal)) {
      return Decision.allow("may write dataset " + dataset);
    }
    return Decision.deny("principal " + principal.id() + " is not a writer of dataset '" + dataset
        + "' in the workspace's writers configuration");
  }

  /**
   * Whether {@code principal} is granted {@code dataset} by that dataset's own line — not by a {@code *} line. For
   * grants that must be given explicitly (testing profiles, oversight reports): a workspace configured "anyone writes
   * anything" still grants them to nobody.
   */
  public Decision decideNamed(Principal principal, String dataset) {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(dataset, "dataset");
    if (allows(rules.get(dataset), principal)) {
      return Decision.allow("granted " + dataset);
    }
    return Decision.deny("principal " + principal.id() + " is not granted '" + dataset + "' by a line of its own in"
        + " the workspace's writers configuration");
  }

  private static boolean allows(Set<String> who, Principal principal) {
    if (who == null) {
      return false;
    }
    for (String w : who) {
      if (w.equals(ANY) || w.equals(principal.id())
          || (w.startsWith(AUTH) && principal.authorizations().contains(w.substring(AUTH.length())))) {
        return true;
      }
    }
    return false;
  }

  /** The configuration in the format {@link #parse} reads, one dataset per line in name order. */
  public String text() {
    StringBuilder sb = new StringBuilder("# dataset = who may write it (principal id, auth:TOKEN, or * for anyone)\n");
    new TreeMap<>(rules).forEach((dataset, who) -> {
      List<String> sorted = new ArrayList<>(who);
      sorted.sort(null);
      sb.append(escape(dataset)).append(" = ").append(String.join(", ", sorted)).append('\n');
    });
    return sb.toString();
  }

  private static String escape(String key) {
    StringBuilder sb = new StringBuilder();
    for (char c : key.toCharArray()) {
      if (c == ' ' || c == '=' || c == ':' || c == '#' || c == '!' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Writers w && w.rules.equals(rules);
  }

  @Override
  public int hashCode() {
    return rules.hashCode();
  }

  @Override
  public String toString() {
    return "Writers" + new TreeMap<>(rules);
  }
}
