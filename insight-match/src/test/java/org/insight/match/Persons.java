package org.insight.match;

import org.insight.test.PersonGenerator;

/** The shared person generator (insight-test), making this module's {@link Record}s. */
final class Persons {
  private Persons() {}

  static PersonGenerator<Record> generator(long seed) {
    System.out.println("PersonGenerator seed = " + seed);
    return new PersonGenerator<>(seed, (id, values) -> Record.of(id, "synthetic", values));
  }

  static Record record(String id, String name, String date, String passport, String idNumber, String country,
      String phone, String email, String gender) {
    return Record.of(id, "synthetic", PersonGenerator.values(name, date, passport, idNumber, country, phone, email,
        gender));
  }
}
