package org.insight.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.insight.InsightException;
import org.insight.Messages;

/**
 * A deployment's member-country access profiles: principals from configuration, not code. The file declares
 * countries and roles, each with the authorisation tokens it grants (a role also with the purposes its users may
 * declare), and profiles that combine one country and one role:
 *
 * <pre>
 * # INSIGHT access profiles
 * [country FR]
 * authorizations = FR
 *
 * [role analyst]
 * authorizations = INTERPOL, POLICE
 * purposes = criminal-investigation, counter-terrorism
 *
 * [profile fr-analyst]
 * country = FR
 * role = analyst
 * purposes = criminal-investigation    # optional: some of the role's (default: all of them)
 * authorizations = LIVE                # optional: tokens this profile adds
 * </pre>
 *
 * A profile's authorisations are the union of its country's, its role's and its own; its purposes are its own or
 * else its role's. The file is validated as a whole and every problem is reported at once with its file and line
 * ({@link ProfileFileException}): an unknown section or key, a key outside a section, a line that is not
 * {@code key = value}, a section or key given twice, a country that is not ISO 3166 alpha-2, a name or token with
 * characters a label cannot hold, an unknown purpose, a profile without a country or role or naming one not declared
 * (with the closest declared one), a profile purpose its role does not allow, a file with no profile.
 *
 * <p>Immutable and thread-safe.
 */
public final class Profiles {
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  /** The characters of an unquoted label token (Accumulo's access-expression grammar). */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:/-]{1,256}");
  private static final Map<String, Set<String>> KEYS = Map.of(
      "country", Set.of("authorizations"),
      "role", Set.of("authorizations", "purposes"),
      "profile", Set.of("country", "role", "purposes", "authorizations"));

  private final Map<String, Profile> profiles;

  private Profiles(Map<String, Profile> profiles) {
    this.profiles = profiles;
  }

  /**
   * Reads and validates a profile file.
   *
   * @throws ProfileFileException listing every problem with {@code file:line}
   * @throws InsightException when the file cannot be read
   */
  public static Profiles read(Path file) {
    Objects.requireNonNull(file, "file");
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new InsightException("cannot read the profile file " + file + ": " + e.getMessage()
          + "; check the path and its permissions");
    }
  }

  /** {@link #read} of a text; {@code source} names it in messages. */
  public static Profiles parse(String text, String source) {
    try {
      return parse(new StringReader(Objects.requireNonNull(text, "text")), source);
    } catch (IOException e) {
      throw new IllegalStateException("a string reader does not fail", e);
    }
  }

  /** One declared section: its kind, name, line and keys (each with its line). */
  private record Section(String kind, String name, int line, Map<String, String> values, Map<String, Integer> lines) {}

  private static Profiles parse(Reader text, String source) throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, Section> sections = new LinkedHashMap<>(); // "kind name" -> section
    Section current = null;
    BufferedReader in = text instanceof BufferedReader b ? b : new BufferedReader(text);
    int number = 0;
    for (String raw; (raw = in.readLine()) != null; ) {
      number++;
      String where = source + ":" + number + ": ";
      String line = stripComment(raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("[")) {
        current = null;
        if (!line.endsWith("]")) {
          problems.add(where + "a section header is [country XX], [role NAME] or [profile NAME]; got "
              + Messages.quote(line));
          continue;
        }
        String[] parts = line.substring(1, line.length() - 1).strip().split("\\s+");
        if (parts.length != 2 || !KEYS.containsKey(parts[0])) {
          problems.add(where + "a section header is [country XX], [role NAME] or [profile NAME]; got "
              + Messages.quote(line));
          continue;
        }
        String kind = parts[0];
        String name = parts[1];
        if (kind.equals("country") ? !COUNTRY.matcher(name).matches() : !NAME.matcher(name).matches()) {
          problems.add(where + (kind.equals("country")
              ? "a country is an ISO 3166-1 alpha-2 code in capitals (FR, DE, IT); got " + Messages.quote(name)
              : "a " + kind + " name is 1 to 64 lower-case letters, digits, '.', '_' or '-'; got " + Messages.quote(name)));
          continue;
        }
        Section previous = sections.get(kind + " " + name);
        if (previous != null) {
          problems.add(where + kind + " " + name + " is declared again (first at line " + previous.line()
              + "); declare each once");
          continue;
        }
        current = new Section(kind, name, number, new LinkedHashMap<>(), new LinkedHashMap<>());
        sections.put(kind + " " + name, current);
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        problems.add(where + "expected key = value or a [section] header; got " + Messages.quote(line));
        continue;
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (current == null) {
        problems.add(where + "'" + key + "' is outside any section; put it under [country XX], [role NAME] or"
            + " [profile NAME]");
        continue;
      }
      if (!KEYS.get(current.kind()).contains(key)) {
        problems.add(where + "unknown key " + Messages.quote(key) + " in a " + current.kind() + "; "
            + Messages.available(key, KEYS.get(current.kind())));
        continue;
      }
      if (current.values().containsKey(key)) {
        problems.add(where + "'" + key + "' is given again in " + current.kind() + " " + current.name()
            + " (first at line " + current.lines().get(key) + "); give it once, values separated by commas");
        continue;
      }
      current.values().put(key, value);
      current.lines().put(key, number);
    }

    Map<String, Profile> profiles = new LinkedHashMap<>();
    Map<String, Set<String>> tokens = new LinkedHashMap<>();
    Map<String, Set<Purpose>> purposes = new LinkedHashMap<>();
    for (Section s : sections.values()) {
      tokens.put(s.kind() + " " + s.name(), tokens(s, source, problems));
      if (!s.kind().equals("country")) {
        purposes.put(s.kind() + " " + s.name(), purposes(s, source, problems));
      }
    }
    for (Section s : sections.values()) {
      String where = source + ":" + s.line() + ": ";
      if (s.kind().equals("role") && !s.values().containsKey("purposes")) {
        problems.add(where + "role " + s.name() + " names no purposes; add purposes = criminal-investigation, ...");
      }
      if (!s.kind().equals("profile")) {
        continue;
      }
      String country = reference(s, "country", sections, source, problems);
      String role = reference(s, "role", sections, source, problems);
      if (country == null || role == null) {
        continue;
      }
      Set<Purpose> roleAllows = purposes.get("role " + role);
      Set<Purpose> own = purposes.get("profile " + s.name());
      if (!s.values().containsKey("purposes")) {
        own = roleAllows;
      } else {
        for (Purpose p : own) {
          if (!roleAllows.contains(p)) {
            problems.add(source + ":" + s.lines().get("purposes") + ": profile " + s.name() + " names the purpose "
                + p + ", which its role " + role + " does not allow; use some of "
                + new TreeSet<>(roleAllows.stream().map(Purpose::name).toList()) + " or widen the role");
          }
        }
      }
      Set<String> auths = new TreeSet<>(tokens.get("country " + country));
      auths.addAll(tokens.get("role " + role));
      auths.addAll(tokens.get("profile " + s.name()));
      if (!own.isEmpty()) {
        profiles.put(s.name(), new Profile(s.name(), country, role, own, new TreeSet<>(auths), s.line()));
      }
    }
    if (problems.isEmpty() && profiles.isEmpty()) {
      problems.add(source + ":" + Math.max(number, 1) + ": the file declares no profile; add [profile NAME] with a"
          + " country and a role");
    }
    if (!problems.isEmpty()) {
      throw new ProfileFileException(problems);
    }
    return new Profiles(java.util.Collections.unmodifiableMap(profiles));
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }

  private static Set<String> tokens(Section s, String source, List<String> problems) {
    Set<String> out = new LinkedHashSet<>();
    String value = s.values().get("authorizations");
    if (value == null) {
      return out;
    }
    for (String t : value.split(",", -1)) {
      String token = t.strip();
      if (!TOKEN.matcher(token).matches()) {
        problems.add(source + ":" + s.lines().get("authorizations") + ": " + Messages.quote(token) + " is not an"
            + " authorisation token (letters, digits, '_', '-', '.', ':' or '/'); separate tokens by commas");
      } else {
        out.add(token);
      }
    }
    return out;
  }

  private static Set<Purpose> purposes(Section s, String source, List<String> problems) {
    Set<Purpose> out = new LinkedHashSet<>();
    String value = s.values().get("purposes");
    if (value == null) {
      return out;
    }
    for (String p : value.split(",", -1)) {
      try {
        Purpose purpose = Purpose.of(p.strip());
        if (purpose.equals(Purpose.ANY)) {
          throw new InsightException("'any' is not a purpose a session may declare; name the purposes");
        }
        out.add(purpose);
      } catch (InsightException e) {
        problems.add(source + ":" + s.lines().get("purposes") + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** The country or role a profile names, if declared; else a problem and null. */
  private static String reference(Section s, String kind, Map<String, Section> sections, String source,
      List<String> problems) {
    String name = s.values().get(kind);
    if (name == null) {
      problems.add(source + ":" + s.line() + ": profile " + s.name() + " names no " + kind + "; add " + kind + " = ...");
      return null;
    }
    if (!sections.containsKey(kind + " " + name)) {
      List<String> declared = sections.values().stream().filter(x -> x.kind().equals(kind)).map(Section::name).toList();
      problems.add(source + ":" + s.lines().get(kind) + ": profile " + s.name() + " names the " + kind + " "
          + Messages.quote(name) + ", which the file does not declare; " + Messages.available(name, declared));
      return null;
    }
    return name;
  }

  /**
   * The profile with this name.
   *
   * @throws InsightException naming the closest declared profile when there is none
   */
  public Profile profile(String name) {
    Objects.requireNonNull(name, "name");
    Profile p = profiles.get(name);
    if (p == null) {
      throw new InsightException("no profile " + Messages.quote(name) + " in the profile file; "
          + Messages.available(name, profiles.keySet()));
    }
    return p;
  }

  /** Every profile, in file order. */
  public List<Profile> all() {
    return List.copyOf(profiles.values());
  }
}
