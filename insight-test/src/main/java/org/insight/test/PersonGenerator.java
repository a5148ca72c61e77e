package org.insight.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.insight.core.InvalidDataException;
import org.insight.core.PropertyType;

/**
 * Synthetic people with known truth and realistic corruption: typos, swapped given/family names (and "FAMILY, given"),
 * Cyrillic and Arabic spellings (transliteration), nicknames and short forms, initials, missing fields, date errors
 * (day/month swap, year ±1, one digit, year only, missing), identifier typos, common names shared by different
 * people. The same {@link Random} gives the same people (seed it with {@link SeededRandom}).
 *
 * <p>Records come out through a {@link RecordFactory} (an id and property values), so matching tests get their own
 * record type. Benchmarks that shape their own people reuse the name lists, {@link #madeUpName(Random, int)} and
 * {@link #typo(Random, String)}.
 *
 * @param <R> the record type
 */
public final class PersonGenerator<R> {
  /** Given names of several languages. */
  public static final List<String> GIVEN = List.of("William", "Robert", "Alexander", "Mohammed", "James", "John", "Michael", "David",
      "Richard", "Thomas", "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Paul", "Steven", "Andrew", "Joshua",
      "Kevin", "Brian", "George", "Edward", "Ivan", "Sergei", "Dmitri", "Pavel", "Mikhail", "Olga", "Anna", "Maria",
      "Elena", "Natalia", "Fatima", "Aisha", "Omar", "Hassan", "Ahmed", "Yusuf", "Layla", "Sophie", "Chloe", "Emma",
      "Lucas", "Hugo", "Louis", "Pierre", "Camille", "Giulia", "Marco", "Luca", "Francesca", "Hans", "Klaus", "Petra",
      "Ingrid", "Carlos", "Javier", "Lucia", "Isabel", "Jorge", "Diego", "Katarzyna", "Piotr", "Tomasz", "Agnieszka");
  /** Family names. */
  public static final List<String> FAMILY = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
      "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson",
      "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen",
      "Ivanov", "Petrov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Volkov", "Morozov", "Novikov", "Haddad",
      "Khalil", "Nasser", "Rahman", "Hussein", "Mansour", "Dubois", "Lefebvre", "Moreau", "Laurent", "Rossi", "Russo",
      "Ferrari", "Esposito", "Bianchi", "Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Kowalski",
      "Nowak", "Wisniewski", "Fernandez", "Sanchez", "Perez", "Gomez", "Diaz", "Okafor", "Mensah", "Tanaka",
      "Nakamura", "Kim", "Park", "Nguyen", "Tran", "Kaya", "Demir", "Yilmaz", "Andersson", "Johansson");
  /** Nicknames and short forms of given names. */
  public static final Map<String, List<String>> NICKNAMES = Map.ofEntries(Map.entry("William", List.of("Bill", "Will")),
      Map.entry("Robert", List.of("Bob", "Rob")), Map.entry("Alexander", List.of("Sasha", "Aleksandr", "Alex")),
      Map.entry("Mohammed", List.of("Mohamed", "Muhammad", "Mohammad")), Map.entry("James", List.of("Jim")),
      Map.entry("Michael", List.of("Mike")), Map.entry("Richard", List.of("Rick", "Dick")),
      Map.entry("Thomas", List.of("Tom")), Map.entry("Edward", List.of("Ed", "Ted")),
      Map.entry("Daniel", List.of("Dan")), Map.entry("Matthew", List.of("Matt")),
      Map.entry("Anthony", List.of("Tony")), Map.entry("Andrew", List.of("Andy")),
      Map.entry("Dmitri", List.of("Dmitry", "Dima")), Map.entry("Sergei", List.of("Sergey")),
      Map.entry("Natalia", List.of("Natasha", "Natalya")), Map.entry("Ahmed", List.of("Ahmad")),
      Map.entry("Yusuf", List.of("Youssef")), Map.entry("Hassan", List.of("Hasan")), Map.entry("Omar", List.of("Umar")));
  /** Arabic spellings: transliterated back they lose their short vowels ({@code محمد} is {@code mhmd}). */
  public static final Map<String, String> ARABIC = Map.ofEntries(Map.entry("Mohammed", "محمد"), Map.entry("Omar", "عمر"),
      Map.entry("Hassan", "حسن"), Map.entry("Ahmed", "أحمد"), Map.entry("Yusuf", "يوسف"), Map.entry("Fatima", "فاطمة"),
      Map.entry("Aisha", "عائشة"), Map.entry("Layla", "ليلى"), Map.entry("Haddad", "حداد"), Map.entry("Khalil", "خليل"),
      Map.entry("Nasser", "ناصر"), Map.entry("Rahman", "رحمن"), Map.entry("Hussein", "حسين"),
      Map.entry("Mansour", "منصور"), Map.entry("Ali", "علي"));
  /** Cyrillic spellings. */
  public static final Map<String, String> CYRILLIC = Map.ofEntries(Map.entry("Ivan", "Иван"),
      Map.entry("Sergei", "Сергей"), Map.entry("Dmitri", "Дмитрий"), Map.entry("Pavel", "Павел"),
      Map.entry("Mikhail", "Михаил"), Map.entry("Olga", "Ольга"), Map.entry("Anna", "Анна"),
      Map.entry("Maria", "Мария"), Map.entry("Elena", "Елена"), Map.entry("Natalia", "Наталья"),
      Map.entry("Alexander", "Александр"), Map.entry("Ivanov", "Иванов"), Map.entry("Petrov", "Петров"),
      Map.entry("Smirnov", "Смирнов"), Map.entry("Kuznetsov", "Кузнецов"), Map.entry("Popov", "Попов"),
      Map.entry("Sokolov", "Соколов"), Map.entry("Volkov", "Волков"), Map.entry("Morozov", "Морозов"),
      Map.entry("Novikov", "Новиков"));
  /** Country codes (ISO 3166 alpha-2, lower case). */
  public static final List<String> COUNTRIES = List.of("fr", "de", "gb", "ru", "us", "es", "it", "pl", "tr", "eg", "ng", "jp");
  private static final List<String> ARABIC_FAMILY = List.of("Haddad", "Khalil", "Nasser", "Rahman", "Hussein", "Mansour");
  private static final List<String> RUSSIAN_FAMILY = List.of("Ivanov", "Petrov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Volkov",
      "Morozov", "Novikov");
  private static final String[][] COMMON = {{"John", "Smith"}, {"Mohammed", "Ali"}, {"Maria", "Garcia"},
      {"David", "Lee"}, {"Anna", "Ivanova"}};
  private static final List<String> SYLLABLES = List.of("ka", "ro", "mi", "ta", "ne", "lo", "sa", "vi", "den", "bar",
      "kel", "mor", "tan", "ri", "zu", "pe", "go", "la", "han", "sen", "dor", "mal", "tes", "fi", "nu", "ber", "kov",
      "lin", "ran", "shi");

  /** Makes a record from an id and property values (property name to values). */
  @FunctionalInterface
  public interface RecordFactory<R> {
    /** The record {@code id} with {@code values}. */
    R record(String id, Map<String, List<String>> values);
  }

  /** A true person. */
  public record Person(int pid, String given, String family, String birthDate, String passport, String idNumber,
      String country, String phone, String email, String gender) {}

  /** Generated records with their truth: record id to the pid of the person it describes. */
  public record Data<R>(List<R> records, Map<String, Integer> truth) {
    /** Unordered true duplicate pairs as {@link PersonGenerator#key}s. */
    public Set<String> truePairs() {
      Map<Integer, List<String>> by = new LinkedHashMap<>();
      truth.forEach((id, p) -> by.computeIfAbsent(p, k -> new ArrayList<>()).add(id));
      Set<String> out = new HashSet<>();
      for (List<String> ids : by.values()) {
        for (int i = 0; i < ids.size(); i++) {
          for (int j = i + 1; j < ids.size(); j++) {
            out.add(key(ids.get(i), ids.get(j)));
          }
        }
      }
      return out;
    }
  }

  private final Random random;
  private final RecordFactory<R> factory;

  /** A generator drawing from {@code random}. */
  public PersonGenerator(Random random, RecordFactory<R> factory) {
    this.random = Objects.requireNonNull(random, "random");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** A generator seeded with {@code seed}. */
  public PersonGenerator(long seed, RecordFactory<R> factory) {
    this(new Random(seed), factory);
  }

  /** The pair key of two record ids, {@code "a|b"} with {@code a < b}, the same whichever comes first. */
  public static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }

  /** The property values of a person record; null values are left out. */
  public static Map<String, List<String>> values(String name, String date, String passport, String idNumber,
      String country, String phone, String email, String gender) {
    Map<String, List<String>> v = new LinkedHashMap<>();
    put(v, "name", name);
    put(v, "birthDate", date);
    put(v, "passportNumber", passport);
    put(v, "idNumber", idNumber);
    put(v, "nationality", country);
    put(v, "phone", phone);
    put(v, "email", email);
    put(v, "gender", gender);
    return v;
  }

  /** A made-up, capitalised name of {@code syllables} syllables: a large name space, for data at scale. */
  public static String madeUpName(Random random, int syllables) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      sb.append(SYLLABLES.get(random.nextInt(SYLLABLES.size())));
    }
    return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
  }

  /** A new true person. */
  public Person person(int pid) {
    String given;
    String family;
    if (random.nextDouble() < 0.06) {
      String[] c = COMMON[random.nextInt(COMMON.length)];
      given = c[0];
      family = c[1];
    } else {
      given = GIVEN.get(random.nextInt(GIVEN.size()));
      family = FAMILY.get(random.nextInt(FAMILY.size()));
      // families go with given names of the same language often enough for transliteration to matter
      if (random.nextDouble() < 0.7 && ARABIC.containsKey(given)) {
        family = ARABIC_FAMILY.get(random.nextInt(ARABIC_FAMILY.size()));
      } else if (random.nextDouble() < 0.7 && CYRILLIC.containsKey(given)) {
        family = RUSSIAN_FAMILY.get(random.nextInt(RUSSIAN_FAMILY.size()));
      }
    }
    String date = String.format(Locale.ROOT, "%04d-%02d-%02d", 1940 + random.nextInt(65), 1 + random.nextInt(12),
        1 + random.nextInt(28));
    String passport = random.nextDouble() < 0.6 ? String.format(Locale.ROOT, "P%08d", random.nextInt(100_000_000)) : null;
    String idNumber = random.nextDouble() < 0.4 ? String.format(Locale.ROOT, "ID%09d", random.nextInt(1_000_000_000)) : null;
    String phone = random.nextDouble() < 0.5 ? String.format(Locale.ROOT, "+44%010d", 7_000_000_000L + random.nextInt(999_999_999))
        : null;
    String email = random.nextDouble() < 0.4
        ? (given + "." + family + random.nextInt(1000)).toLowerCase(Locale.ROOT) + "@example.org" : null;
    return new Person(pid, given, family, date, passport, idNumber, COUNTRIES.get(random.nextInt(COUNTRIES.size())),
        phone, email, random.nextBoolean() ? "m" : "f");
  }

  /** {@code n} records, about {@code dupShare} of them duplicates of another, shuffled. */
  public Data<R> generate(int n, double dupShare) {
    int bases = (int) Math.round(n * (1 - dupShare));
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < bases; i++) {
      people.add(person(i));
    }
    List<R> records = new ArrayList<>();
    Map<String, Integer> truth = new LinkedHashMap<>();
    for (Person p : people) {
      String id = "r" + records.size();
      records.add(clean(id, p));
      truth.put(id, p.pid());
    }
    while (records.size() < n) {
      Person p = people.get(random.nextInt(people.size()));
      String id = "r" + records.size();
      records.add(corrupt(id, p));
      truth.put(id, p.pid());
    }
    Collections.shuffle(records, random);
    return new Data<>(records, truth);
  }

  /** The person as recorded correctly. */
  public R clean(String id, Person p) {
    return factory.record(id, values(p.given() + " " + p.family(), p.birthDate(), p.passport(), p.idNumber(), p.country(),
        p.phone(), p.email(), p.gender()));
  }

  /** The person as recorded by someone else, with some of the corruptions above. */
  public R corrupt(String id, Person p) {
    String given = p.given();
    String family = p.family();
    double r = random.nextDouble();
    if (r < 0.12 && NICKNAMES.containsKey(given)) {
      List<String> forms = NICKNAMES.get(given);
      given = forms.get(random.nextInt(forms.size()));
    } else if (r < 0.25 && (CYRILLIC.containsKey(given) || CYRILLIC.containsKey(family))) {
      given = CYRILLIC.getOrDefault(given, given);
      family = CYRILLIC.getOrDefault(family, family);
    } else if (r < 0.38 && ARABIC.containsKey(given) && ARABIC.containsKey(family)) {
      given = ARABIC.get(given);
      family = ARABIC.get(family);
    }
    if (random.nextDouble() < 0.3 && given.chars().allMatch(c -> c < 128)) {
      if (random.nextBoolean()) {
        given = typo(given);
      } else {
        family = typo(family);
      }
    }
    if (random.nextDouble() < 0.05 && given.chars().allMatch(c -> c < 128)) {
      given = given.charAt(0) + "."; // the given name as an initial
    }
    String name = random.nextDouble() < 0.15 ? family + ", " + given : given + " " + family;
    if (random.nextDouble() < 0.1) {
      name = family.toUpperCase(Locale.ROOT) + " " + given;
    }
    String date = p.birthDate();
    double d = random.nextDouble();
    if (d < 0.05) {
      date = date.substring(0, 4) + "-" + date.substring(8, 10) + "-" + date.substring(5, 7);
    } else if (d < 0.10) {
      date = (Integer.parseInt(date.substring(0, 4)) + (random.nextBoolean() ? 1 : -1)) + date.substring(4);
    } else if (d < 0.15) {
      char[] c = date.toCharArray();
      c[9] = (char) ('0' + (c[9] - '0' + 1 + random.nextInt(8)) % 10);
      date = new String(c);
      if (date.endsWith("-00")) {
        date = p.birthDate();
      }
    } else if (d < 0.20) {
      date = date.substring(0, 4);
    } else if (d < 0.35) {
      date = null;
    }
    if (date != null) {
      try {
        PropertyType.DATE.clean(date);
      } catch (InvalidDataException e) {
        date = p.birthDate(); // the corruption made an impossible date (month 13, 29 February)
      }
    }
    String passport = random.nextDouble() < 0.35 ? null : p.passport();
    if (passport != null && random.nextDouble() < 0.05) {
      passport = typo(passport);
    }
    return factory.record(id, values(name, date, passport, random.nextDouble() < 0.3 ? null : p.idNumber(),
        random.nextDouble() < 0.3 ? null : p.country(), random.nextDouble() < 0.4 ? null : p.phone(),
        random.nextDouble() < 0.4 ? null : p.email(), random.nextDouble() < 0.3 ? null : p.gender()));
  }

  /** {@code s} with one typo inside it (two letters swapped, one replaced, one dropped); short strings stay. */
  public String typo(String s) {
    return typo(random, s);
  }

  /** {@code s} with one typo drawn from {@code random} (see {@link #typo(String)}). */
  public static String typo(Random random, String s) {
    if (s.length() < 3) {
      return s;
    }
    char[] c = s.toCharArray();
    int i = 1 + random.nextInt(c.length - 2);
    switch (random.nextInt(3)) {
      case 0 -> {
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
      }
      case 1 -> c[i] = Character.isDigit(c[i]) ? (char) ('0' + (c[i] - '0' + 1) % 10)
          : (char) ('a' + random.nextInt(26));
      default -> {
        return s.substring(0, i) + s.substring(i + 1);
      }
    }
    return new String(c);
  }

  private static void put(Map<String, List<String>> v, String k, String value) {
    if (value != null) {
      v.put(k, List.of(value));
    }
  }
}
