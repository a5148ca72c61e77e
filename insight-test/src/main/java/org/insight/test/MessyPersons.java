package org.insight.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Person files as record-linkage benchmarks publish them, and as police data arrives: given name and surname in
 * separate columns; street number, street, suburb, postcode and state in separate columns; dates of birth as
 * {@code YYYYMMDD}; a social-security number; lower case. The left file holds the originals, the right file
 * duplicates of some of them with deliberately corrupted values — typos, swapped day and month (so a day above 12
 * makes a month 27), a mistyped date digit, missing values — and new people. The people are
 * {@link PersonGenerator}'s.
 *
 * <p>{@link #csv} writes a file the way exports come: a byte-order mark, a space after each comma, quotes where
 * needed.
 */
public final class MessyPersons {

  /** The columns. */
  public static final List<String> HEADER = List.of("rec_id", "given_name", "surname", "street_number", "address_1",
      "suburb", "postcode", "state", "date_of_birth", "soc_sec_id");

  private static final List<String> STATES = List.of("nsw", "vic", "qld", "wa", "sa", "tas", "act", "nt");
  private static final List<String> STREET_TYPES = List.of("street", "road", "avenue", "place", "crescent", "close",
      "parade", "drive");

  /**
   * Two files and their truth.
   *
   * @param left the originals (rows of {@link #HEADER} cells)
   * @param right duplicates of some originals and new people
   * @param truePairs the true {@code leftId|rightId} pairs
   * @param corruptedDates how many right rows carry a date that is not a real date (month above 12, day too large)
   */
  public record Files(List<List<String>> left, List<List<String>> right, Set<String> truePairs, int corruptedDates) {}

  private final Random random;
  private final PersonGenerator<Void> people;

  /** A generator drawing from {@code seed}. */
  public MessyPersons(long seed) {
    this.random = new Random(seed);
    this.people = new PersonGenerator<>(new Random(seed ^ 0x5DEECE66DL), (id, v) -> null);
  }

  /** {@code n} originals on the left; on the right {@code dupShare × n} duplicates of distinct originals, then new people. */
  public Files generate(int n, double dupShare) {
    List<List<String>> left = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      left.add(row("rec-" + i + "-org", i));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    int dups = (int) Math.round(n * dupShare);
    List<List<String>> right = new ArrayList<>(n);
    Set<String> truth = new HashSet<>();
    int corrupted = 0;
    for (int k = 0; k < dups; k++) {
      int i = order.get(k);
      List<String> d = corrupt("rec-" + i + "-dup-0", left.get(i));
      if (!isDate(d.get(8))) {
        corrupted++;
      }
      right.add(d);
      truth.add("rec-" + i + "-org|rec-" + i + "-dup-0");
    }
    for (int k = dups; k < n; k++) {
      right.add(row("rec-" + (n + k) + "-org", n + k));
    }
    java.util.Collections.shuffle(right, random);
    return new Files(left, right, truth, corrupted);
  }

  private List<String> row(String id, int pid) {
    PersonGenerator.Person p = people.person(pid);
    String dob = p.birthDate().replace("-", "");
    String ssn = String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
    String street = PersonGenerator.madeUpName(random, 2 + random.nextInt(2)).toLowerCase(Locale.ROOT) + " "
        + STREET_TYPES.get(random.nextInt(STREET_TYPES.size()));
    return new ArrayList<>(List.of(id, p.given().toLowerCase(Locale.ROOT), p.family().toLowerCase(Locale.ROOT),
        Integer.toString(1 + random.nextInt(200)), street,
        PersonGenerator.madeUpName(random, 2 + random.nextInt(2)).toLowerCase(Locale.ROOT),
        String.format(Locale.ROOT, "%04d", 2000 + random.nextInt(7000)), STATES.get(random.nextInt(STATES.size())),
        dob, ssn));
  }

  /** A copy of {@code original} with one to three corrupted fields, as a benchmark's duplicate generator makes. */
  private List<String> corrupt(String id, List<String> original) {
    List<String> d = new ArrayList<>(original);
    d.set(0, id);
    int modifications = 1 + random.nextInt(3);
    for (int m = 0; m < modifications; m++) {
      double r = random.nextDouble();
      if (r < 0.15) {
        d.set(1, PersonGenerator.typo(random, d.get(1)));
      } else if (r < 0.30) {
        d.set(2, PersonGenerator.typo(random, d.get(2)));
      } else if (r < 0.35) {
        d.set(1, "");
      } else if (r < 0.47) {
        String dob = d.get(8);
        if (dob.length() == 8) {
          d.set(8, dob.substring(0, 4) + dob.substring(6, 8) + dob.substring(4, 6)); // day 27 becomes month 27
        }
      } else if (r < 0.52) {
        String dob = d.get(8);
        if (dob.length() == 8) {
          d.set(8, PersonGenerator.typo(random, dob.substring(0, 4)) + dob.substring(4));
        }
      } else if (r < 0.60) {
        d.set(8, "");
      } else if (r < 0.68) {
        d.set(4, PersonGenerator.typo(random, d.get(4)));
      } else if (r < 0.73) {
        d.set(3, "");
      } else if (r < 0.79) {
        d.set(5, PersonGenerator.typo(random, d.get(5)));
      } else if (r < 0.85) {
        d.set(6, PersonGenerator.typo(random, d.get(6)));
      } else if (r < 0.88) {
        d.set(7, "");
      } else if (r < 0.94) {
        d.set(9, PersonGenerator.typo(random, d.get(9)));
      } else {
        d.set(9, "");
      }
    }
    return d;
  }

  private static boolean isDate(String yyyymmdd) {
    if (yyyymmdd.length() != 8) {
      return true; // missing: not corrupted
    }
    try {
      java.time.LocalDate.parse(yyyymmdd, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /**
   * The rows as a CSV file written the way exports come: a byte-order mark, {@link #HEADER}, a space after each
   * comma, cells quoted when they hold a comma, a quote or a line break.
   */
  public static String csv(List<List<String>> rows) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    sb.append(String.join(", ", HEADER)).append('\n');
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        String c = row.get(i);
        sb.append(c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
