package org.insight.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A generated screening world with known truth, for calibrating and checking screening probabilities: a watch list of
 * persons, and a stream of queries of which half are a corrupted sighting of a listed person (typos, swapped or
 * "FAMILY, given" order, a middle name dropped, Cyrillic script, a year off, a year only, day and month swapped) and
 * half a person who is not listed — a tenth of those a namesake (a listed person's name, another person) or a
 * relative (a listed person's family name and country). Each query carries a random part of the evidence: a birth
 * date (55%), a country (50%), an identifier (15%). The same seed gives the same world.
 *
 * <p>Values come out as property maps (as {@link PersonGenerator#values} names them) so that matching code builds its
 * own records and queries.
 */
public final class ScreeningWorld {

  /**
   * A listed person.
   *
   * @param id the entry id
   * @param values the entry's property values
   */
  public record Entry(String id, Map<String, List<String>> values) {}

  /**
   * A query.
   *
   * @param values the query's property values (name, and any of birthDate, nationality)
   * @param identifiers identifiers of unknown scheme the query carries
   * @param truth the id of the listed person it is, or null when the person is not listed
   */
  public record Query(Map<String, List<String>> values, List<String> identifiers, String truth) {}

  private record Person(String given, String middle, String family, String dob, String country, String passport) {}

  private final List<Entry> entries = new ArrayList<>();
  private final List<Person> people = new ArrayList<>();
  private final Random random;

  /** A world of {@code listSize} listed persons drawn from {@code seed}. */
  public ScreeningWorld(long seed, int listSize) {
    this.random = new Random(seed);
    for (int i = 0; i < listSize; i++) {
      Person p = person();
      people.add(p);
      Map<String, List<String>> v = new LinkedHashMap<>();
      v.put("name", List.of(p.given() + (p.middle() == null ? "" : " " + p.middle()) + " "
          + p.family().toUpperCase(Locale.ROOT)));
      v.put("birthDate", List.of(p.dob()));
      v.put("nationality", List.of(p.country()));
      if (p.passport() != null) {
        v.put("passportNumber", List.of(p.passport()));
      }
      entries.add(new Entry("w" + i, v));
    }
  }

  /** The watch list. */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** {@code n} queries; {@code listedShare} of them are of listed persons. */
  public List<Query> queries(int n, double listedShare) {
    List<Query> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (random.nextDouble() < listedShare) {
        int t = random.nextInt(people.size());
        out.add(query(people.get(t), "w" + t));
      } else {
        Person p = person();
        if (random.nextDouble() < 0.1) {
          Person listed = people.get(random.nextInt(people.size()));
          p = random.nextBoolean()
              ? new Person(listed.given(), listed.middle(), listed.family(), p.dob(), p.country(), p.passport())
              : new Person(p.given(), null, listed.family(), p.dob(), listed.country(), p.passport());
        }
        out.add(query(p, null));
      }
    }
    return out;
  }

  private Person person() {
    String family = random.nextInt(5) == 0 ? PersonGenerator.FAMILY.get(random.nextInt(PersonGenerator.FAMILY.size()))
        : PersonGenerator.madeUpName(random, 2 + (random.nextInt(3) == 0 ? 1 : 0));
    String middle = random.nextDouble() < 0.3 ? PersonGenerator.GIVEN.get(random.nextInt(PersonGenerator.GIVEN.size()))
        : null;
    String dob = String.format(Locale.ROOT, "%04d-%02d-%02d", 1940 + random.nextInt(66), 1 + random.nextInt(12),
        1 + random.nextInt(28));
    String passport = random.nextDouble() < 0.5
        ? String.format(Locale.ROOT, "P%08d", random.nextInt(100_000_000)) : null;
    return new Person(PersonGenerator.GIVEN.get(random.nextInt(PersonGenerator.GIVEN.size())), middle, family, dob,
        PersonGenerator.COUNTRIES.get(random.nextInt(PersonGenerator.COUNTRIES.size())), passport);
  }

  private Query query(Person p, String truth) {
    String given = p.given();
    String family = p.family();
    if (random.nextDouble() < 0.3) {
      if (random.nextBoolean()) {
        given = PersonGenerator.typo(random, given);
      } else {
        family = PersonGenerator.typo(random, family);
      }
    }
    String name = random.nextDouble() < 0.5 || p.middle() == null ? given + " " + family
        : given + " " + p.middle() + " " + family;
    if (random.nextDouble() < 0.2) {
      name = family.toUpperCase(Locale.ROOT) + ", " + given;
    }
    if (random.nextDouble() < 0.1) {
      name = cyrillic(name);
    }
    Map<String, List<String>> v = new LinkedHashMap<>();
    v.put("name", List.of(name));
    if (random.nextDouble() < 0.55) {
      String date = p.dob();
      double d = random.nextDouble();
      if (d < 0.1) {
        date = (Integer.parseInt(date.substring(0, 4)) + (random.nextBoolean() ? 1 : -1)) + date.substring(4);
      } else if (d < 0.25) {
        date = date.substring(0, 4);
      } else if (d < 0.3 && Integer.parseInt(date.substring(8)) <= 12) {
        date = date.substring(0, 4) + "-" + date.substring(8) + "-" + date.substring(5, 7);
      }
      v.put("birthDate", List.of(date));
    }
    if (random.nextDouble() < 0.5) {
      v.put("nationality", List.of(random.nextDouble() < 0.9 ? p.country()
          : PersonGenerator.COUNTRIES.get(random.nextInt(PersonGenerator.COUNTRIES.size()))));
    }
    List<String> ids = p.passport() != null && random.nextDouble() < 0.15 ? List.of(p.passport()) : List.of();
    return new Query(v, ids, truth);
  }

  /** A rough letter-by-letter Cyrillic spelling of a Latin name (as a clerk might write it). */
  static String cyrillic(String latin) {
    String s = latin.toLowerCase(Locale.ROOT);
    String[][] pairs = {{"shch", "щ"}, {"sh", "ш"}, {"ch", "ч"}, {"kh", "х"}, {"zh", "ж"}, {"ts", "ц"}, {"yu", "ю"},
        {"ya", "я"}, {"a", "а"}, {"b", "б"}, {"v", "в"}, {"w", "в"}, {"g", "г"}, {"d", "д"}, {"e", "е"}, {"z", "з"},
        {"i", "и"}, {"y", "й"}, {"j", "й"}, {"k", "к"}, {"c", "к"}, {"q", "к"}, {"l", "л"}, {"m", "м"}, {"n", "н"},
        {"o", "о"}, {"p", "п"}, {"r", "р"}, {"s", "с"}, {"t", "т"}, {"u", "у"}, {"f", "ф"}, {"h", "х"}, {"x", "кс"}};
    StringBuilder b = new StringBuilder();
    int i = 0;
    outer:
    while (i < s.length()) {
      for (String[] p : pairs) {
        if (s.startsWith(p[0], i)) {
          b.append(p[1]);
          i += p[0].length();
          continue outer;
        }
      }
      b.append(s.charAt(i++));
    }
    StringBuilder out = new StringBuilder();
    boolean start = true;
    for (int k = 0; k < b.length(); k++) {
      char c = b.charAt(k);
      out.append(start ? Character.toUpperCase(c) : c);
      start = !Character.isLetter(c);
    }
    return Objects.toString(out);
  }
}
