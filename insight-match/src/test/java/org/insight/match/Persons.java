package org.insight.match;

import org.insight.test.PersonGenerator;

/** The shared person generator (insight-test), making this module's {@link MatchRecord}s. */
final class Persons {
  private Persons() {}

  static PersonGenerator<MatchRecord> generator(long seed) {
    System.out.println("PersonGenerator seed = " + seed);
    return new PersonGenerator<>(seed, (id, values) -> MatchRecord.of(id, "synthetic", values));
  }

  static MatchRecord record(String id, String name, String date, String passport, String idNumber, String country,
      String phone, String email, String gender) {
    return MatchRecord.of(id, "synthetic", PersonGenerator.values(name, date, passport, idNumber, country, phone, email,
        gender));
  }
}
