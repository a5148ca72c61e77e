package org.insight.match.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.insight.names.Names;

/**
 * Postal addresses as the address comparison sees them: case and diacritics folded (any script written in Latin
 * letters, {@code ß} → {@code ss}), punctuation stripped, the usual abbreviations of English, French, Spanish and
 * German expanded to one form ({@code St.}/{@code Street}, {@code r.}/{@code rue}, {@code Av.}/{@code Avda.}/
 * {@code Avenue}, {@code Str.}/{@code Straße}, {@code Bd}/{@code Blvd}), German compounds split from their street
 * word ({@code Hauptstr.} = {@code Haupt Straße}), and the house number and postcode picked out. Not API.
 */
public final class Addresses {

  /** An address taken apart. */
  public record Parsed(List<String> tokens, String houseNumber, String postcode, List<String> street) {

    /** The tokens in sorted order: what "exact" compares (formats put the number before or after the street). */
    String key() {
      List<String> sorted = new ArrayList<>(tokens);
      Collections.sort(sorted);
      return String.join(" ", sorted);
    }
  }

  /** Abbreviations and spellings → the one form compared (the street-type words). */
  private static final Map<String, String> TYPES = Map.ofEntries(
      // English
      Map.entry("st", "street"), Map.entry("street", "street"), Map.entry("rd", "road"), Map.entry("road", "road"),
      Map.entry("ave", "avenue"), Map.entry("av", "avenue"), Map.entry("avenue", "avenue"),
      Map.entry("ln", "lane"), Map.entry("lane", "lane"), Map.entry("dr", "drive"), Map.entry("drive", "drive"),
      Map.entry("ct", "court"), Map.entry("court", "court"), Map.entry("sq", "square"), Map.entry("square", "square"),
      Map.entry("pl", "place"), Map.entry("place", "place"), Map.entry("hwy", "highway"),
      Map.entry("highway", "highway"), Map.entry("pkwy", "parkway"), Map.entry("parkway", "parkway"),
      Map.entry("cres", "crescent"), Map.entry("crescent", "crescent"), Map.entry("ter", "terrace"),
      Map.entry("terr", "terrace"), Map.entry("terrace", "terrace"), Map.entry("blvd", "boulevard"),
      Map.entry("cl", "close"), Map.entry("close", "close"), Map.entry("gdns", "gardens"),
      Map.entry("gardens", "gardens"),
      Map.entry("nw", "northwest"), Map.entry("ne", "northeast"), Map.entry("sw", "southwest"),
      Map.entry("se", "southeast"), Map.entry("northwest", "northwest"), Map.entry("northeast", "northeast"),
      Map.entry("southwest", "southwest"), Map.entry("southeast", "southeast"),
      // French
      Map.entry("r", "rue"), Map.entry("rue", "rue"), Map.entry("bd", "boulevard"), Map.entry("bld", "boulevard"),
      Map.entry("bvd", "boulevard"), Map.entry("boul", "boulevard"), Map.entry("boulevard", "boulevard"),
      Map.entry("ch", "chemin"), Map.entry("chem", "chemin"), Map.entry("chemin", "chemin"),
      Map.entry("imp", "impasse"), Map.entry("impasse", "impasse"), Map.entry("all", "allee"),
      Map.entry("allee", "allee"), Map.entry("rte", "route"), Map.entry("route", "route"),
      Map.entry("fg", "faubourg"), Map.entry("fbg", "faubourg"), Map.entry("faubourg", "faubourg"),
      Map.entry("qu", "quai"), Map.entry("quai", "quai"),
      // Spanish
      Map.entry("avda", "avenue"), Map.entry("avenida", "avenue"), Map.entry("c", "calle"),
      Map.entry("calle", "calle"), Map.entry("pza", "plaza"), Map.entry("plaza", "plaza"),
      Map.entry("pso", "paseo"), Map.entry("ps", "paseo"), Map.entry("paseo", "paseo"), Map.entry("ctra", "carretera"),
      Map.entry("carretera", "carretera"),
      // German
      Map.entry("str", "strasse"), Map.entry("strasse", "strasse"), Map.entry("strase", "strasse"),
      Map.entry("weg", "weg"), Map.entry("gasse", "gasse"), Map.entry("platz", "platz"), Map.entry("plz", "platz"));

  private static final Set<String> TYPE_WORDS = Set.copyOf(TYPES.values());

  /** German street words written joined to the name: {@code Bahnhofstraße}, {@code Lindenweg}. */
  private static final List<String> COMPOUND_SUFFIXES = List.of("strasse", "str", "weg", "gasse", "platz", "allee");

  /** Words that carry nothing once the rest is compared (articles, "number" markers). */
  private static final Set<String> NOISE = Set.of(
      "de", "la", "le", "les", "du", "des", "del", "los", "las", "el", "y", "the", "of", "der", "die", "das", "am",
      "an", "no", "nr", "num", "numero", "n", "o");

  /** Words after which a number is a flat or unit, not the house number. */
  private static final Set<String> UNIT_WORDS = Set.of(
      "flat", "apt", "apartment", "unit", "suite", "ste", "appt", "appartement", "apto", "piso", "puerta", "etage",
      "floor", "fl", "wohnung", "whg", "po", "box", "bp", "cp");

  private static final Pattern UK_POSTCODE = Pattern.compile("\\b([a-z]{1,2}\\d[a-z\\d]?) ?(\\d[a-z]{2})\\b");
  private static final Pattern NL_POSTCODE = Pattern.compile("\\b(\\d{4}) ?([a-z]{2})\\b");
  private static final Pattern HOUSE_NUMBER = Pattern.compile("\\d{1,5}[a-z]?|\\d{1,5}(bis|ter)");
  private static final Pattern SPLIT = Pattern.compile("[^a-z0-9]+");

  private static final Cache<String, Parsed> PARSED = Caffeine.newBuilder().maximumSize(200_000).build();

  private Addresses() {}

  /** The address taken apart (cached). */
  public static Parsed parse(String address) {
    return PARSED.get(address, Addresses::parseUncached);
  }

  private static Parsed parseUncached(String address) {
    String s = Names.transliterate(address).toLowerCase(Locale.ROOT).replace("ß", "ss").replace("º", "o");
    // "12-14 rue X": the first number of a range is the one records agree on
    s = s.replaceAll("\\b(\\d{1,4})-\\d{1,4}\\b", "$1");
    String postcode = null;
    Matcher uk = UK_POSTCODE.matcher(s);
    Matcher nl = NL_POSTCODE.matcher(s);
    if (uk.find() && uk.group(1).chars().anyMatch(Character::isLetter) && !TYPES.containsKey(uk.group(2))) {
      postcode = uk.group(1) + uk.group(2);
      s = s.substring(0, uk.start()) + " " + postcode + " " + s.substring(uk.end());
    } else if (nl.find() && !NOISE.contains(nl.group(2)) && !TYPES.containsKey(nl.group(2))) {
      postcode = nl.group(1) + nl.group(2);
      s = s.substring(0, nl.start()) + " " + postcode + " " + s.substring(nl.end());
    }
    List<String> tokens = new ArrayList<>();
    List<Integer> segments = new ArrayList<>(); // the comma-separated part each token came from
    String[] parts = s.split("[,;\\n]");
    for (int p = 0; p < parts.length; p++) {
      for (String raw : SPLIT.split(parts[p])) {
        if (raw.isEmpty()) {
          continue;
        }
        for (String t : expand(raw)) {
          tokens.add(t);
          segments.add(p);
        }
      }
    }
    // the postcode: a UK or Dutch one found above, else the last five-digit token, else the last four-digit token
    // that is not the first number (1600 Pennsylvania Avenue; Rue Neuve 12, 1000 Bruxelles)
    int postcodeAt = postcode == null ? -1 : tokens.indexOf(postcode);
    if (postcodeAt < 0) {
      for (int i = tokens.size() - 1; i >= 0 && postcodeAt < 0; i--) {
        if (tokens.get(i).matches("\\d{5}")) {
          postcodeAt = i;
        }
      }
      int firstNumber = -1;
      for (int i = 0; i < tokens.size() && firstNumber < 0; i++) {
        if (Character.isDigit(tokens.get(i).charAt(0))) {
          firstNumber = i;
        }
      }
      for (int i = tokens.size() - 1; i > firstNumber && postcodeAt < 0; i--) {
        if (tokens.get(i).matches("\\d{4}")) {
          postcodeAt = i;
        }
      }
      postcode = postcodeAt < 0 ? null : tokens.get(postcodeAt);
    }
    int houseAt = -1;
    for (int i = 0; i < tokens.size() && houseAt < 0; i++) {
      if (i != postcodeAt && HOUSE_NUMBER.matcher(tokens.get(i)).matches()
          && (i == 0 || !UNIT_WORDS.contains(tokens.get(i - 1)))) {
        houseAt = i;
      }
    }
    List<String> street = new ArrayList<>();
    if (houseAt >= 0) {
      int segment = segments.get(houseAt);
      boolean alone = true;
      for (int i = 0; i < tokens.size(); i++) {
        if (segments.get(i) == segment && i != houseAt) {
          alone = false;
        }
      }
      // a number alone in its part: "Avda. Constitución, 12" (the street before it) or "12, rue de la Paix" (after)
      int streetSegment = !alone ? segment : segment > 0 ? segment - 1 : segment + 1;
      for (int i = 0; i < tokens.size(); i++) {
        String t = tokens.get(i);
        if (segments.get(i) == streetSegment && i != postcodeAt && !Character.isDigit(t.charAt(0))
            && !TYPE_WORDS.contains(t) && !UNIT_WORDS.contains(t)) {
          street.add(t);
        }
      }
      Collections.sort(street);
    }
    return new Parsed(List.copyOf(tokens), houseAt < 0 ? null : tokens.get(houseAt), postcode, List.copyOf(street));
  }

  /** One raw word as compared tokens: an abbreviation expanded, a German compound split, noise dropped. */
  private static List<String> expand(String raw) {
    if (NOISE.contains(raw)) {
      return List.of();
    }
    String type = TYPES.get(raw);
    if (type != null) {
      return List.of(type);
    }
    for (String suffix : COMPOUND_SUFFIXES) {
      if (raw.length() >= suffix.length() + 3 && raw.endsWith(suffix) && !Character.isDigit(raw.charAt(0))) {
        String stem = raw.substring(0, raw.length() - suffix.length());
        return List.of(stem, TYPES.getOrDefault(suffix, suffix));
      }
    }
    return List.of(raw);
  }

  /**
   * Token-set similarity in [0,1]: twice the matched tokens over both counts (Dice), where tokens match when equal
   * or, for words of four letters or more, one edit apart (two for eight or more); numbers only match when equal.
   * Symmetric: the token lists are put in a canonical order before the (greedy) matching.
   */
  public static double similarity(Parsed a, Parsed b) {
    List<String> x = new ArrayList<>(a.tokens());
    List<String> y = new ArrayList<>(b.tokens());
    Collections.sort(x);
    Collections.sort(y);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    if (String.join(" ", x).compareTo(String.join(" ", y)) > 0) {
      List<String> t = x;
      x = y;
      y = t;
    }
    boolean[] used = new boolean[y.size()];
    int matched = 0;
    // exact matches first, so a fuzzy pairing never steals a token that has an equal partner
    boolean[] done = new boolean[x.size()];
    for (int i = 0; i < x.size(); i++) {
      for (int j = 0; j < y.size(); j++) {
        if (!used[j] && x.get(i).equals(y.get(j))) {
          used[j] = true;
          done[i] = true;
          matched++;
          break;
        }
      }
    }
    for (int i = 0; i < x.size(); i++) {
      if (done[i]) {
        continue;
      }
      for (int j = 0; j < y.size(); j++) {
        if (!used[j] && close(x.get(i), y.get(j))) {
          used[j] = true;
          matched++;
          break;
        }
      }
    }
    return 2.0 * matched / (x.size() + y.size());
  }

  private static boolean close(String s, String t) {
    if (Character.isDigit(s.charAt(0)) || Character.isDigit(t.charAt(0))) {
      return false;
    }
    int shorter = Math.min(s.length(), t.length());
    if (shorter < 4) {
      return false;
    }
    return Levels.editDistance(s, t, shorter >= 8 ? 2 : 1) <= (shorter >= 8 ? 2 : 1);
  }
}
