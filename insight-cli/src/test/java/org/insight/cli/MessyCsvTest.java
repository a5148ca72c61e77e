package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data as users have it ({@code messy/people.csv}: a byte-order mark, spaces after commas, a quoted line break, names
 * and addresses in parts, dates in basic ISO, week and written forms, corrupted dates): values, not rows.
 */
class MessyCsvTest {
  @TempDir Path dir;
  Path people;

  @BeforeEach
  void copy() throws IOException {
    people = dir.resolve("people.csv");
    try (InputStream in = MessyCsvTest.class.getResourceAsStream("/messy/people.csv")) {
      Files.copy(in, people);
    }
  }

  private static final String[] PARTS = {"--id", "rec_id", "--map", "given_name=firstName", "--map",
      "surname=lastName", "--map", "street_number=street", "--map", "address_1=street", "--map", "suburb=city",
      "--map", "postcode=postalCode", "--map", "state=region", "--map", "date_of_birth=birthDate", "--map",
      "soc_sec_id=idNumber"};

  private CliRun dedupe(String... more) {
    String[] args = new String[4 + PARTS.length + more.length];
    args[0] = "match";
    args[1] = "dedupe";
    args[2] = people.toString();
    System.arraycopy(PARTS, 0, args, 3, PARTS.length);
    System.arraycopy(more, 0, args, 3 + PARTS.length, more.length);
    args[args.length - 1] = "--explain";
    return CliRun.of(args);
  }

  @Test
  void aBadValueIsLeftOutAndTheRecordStillLinks() throws Exception {
    Path out = dir.resolve("out");
    CliRun r = dedupe("--out", out.toString(), "--threshold", "0");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("8 records"), "every row with an id and a value is read: " + r.out());
    assertTrue(r.err().contains("line 3 column 'date_of_birth': value '19751403' left out: the month 14"), r.err());
    assertTrue(r.err().contains("column 'date_of_birth': value '1969-27-01' left out"), r.err());
    assertTrue(r.err().contains("column 'date_of_birth': value 'not known' left out"), r.err());
    assertTrue(r.err().contains("line 11: no mapped column has a value; row skipped"), r.err());
    assertTrue(r.err().contains("line 12: no id in column 'rec_id'; row skipped"), r.err());
    assertTrue(r.err().contains("8 records read, 3 values left out, 2 rows skipped"), r.err());
    List<String> pairs = Files.readAllLines(out.resolve("pairs.csv"), StandardCharsets.UTF_8);
    for (int i = 1; i <= 4; i++) {
      String id = "rec-" + i;
      assertTrue(pairs.stream().anyMatch(l -> l.startsWith(id + "-dup-0," + id + "-org,")
          || l.startsWith(id + "-org," + id + "-dup-0,")), id + " is paired with its duplicate: " + pairs);
    }
    String one = pairs.stream().filter(l -> l.startsWith("rec-1-dup-0,rec-1-org,")).findFirst().orElseThrow();
    assertTrue(one.contains("birthDate:day-month-swap"), "the corrupted date compares by its parts: " + one);
    assertTrue(one.contains("name:exact") && one.contains("address:exact"),
        "the parts compose one name and one address, the quoted line break included: " + one);
    String three = pairs.stream().filter(l -> l.startsWith("rec-3-dup-0,rec-3-org,")).findFirst().orElseThrow();
    assertTrue(three.contains("birthDate:partial"), "a week date is a date of the month written as 198807: " + three);
  }

  @Test
  void severalColumnsMappedToAddressComposeOneAddress() throws Exception {
    Path out = dir.resolve("address");
    CliRun r = CliRun.of("match", "dedupe", people.toString(), "--id", "rec_id", "--map", "given_name=name",
        "--map", "surname=name", "--map", "street_number=address", "--map", "address_1=address", "--map",
        "suburb=address", "--map", "postcode=address", "--out", out.toString(), "--threshold", "0", "--explain");
    assertEquals(0, r.code(), r.err());
    List<String> pairs = Files.readAllLines(out.resolve("pairs.csv"), StandardCharsets.UTF_8);
    String one = pairs.stream().filter(l -> l.startsWith("rec-1-dup-0,rec-1-org,")).findFirst()
        .orElseThrow(() -> new AssertionError(pairs));
    assertTrue(one.contains("name:exact") && one.contains("address:exact"), one);
  }

  @Test
  void anUnknownPropertyIsRefusedWithTheClosestOne() {
    CliRun r = CliRun.of("match", "dedupe", people.toString(), "--id", "rec_id", "--map", "given_name=fristName",
        "--out", dir.resolve("x").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("unknown property 'fristName'; did you mean 'firstName'?"), r.err());
  }

  @Test
  void strictSkipsARowWithAnyBadValue() {
    CliRun r = dedupe("--out", dir.resolve("strict").toString(), "--strict");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("5 records"), r.out());
    assertTrue(r.err().contains("a value was refused (--strict); row skipped"), r.err());
  }

  @Test
  void monthFirstSourcesSayTheirDateOrder() throws Exception {
    Path us = dir.resolve("us.csv");
    Files.writeString(us, "id,name,dob\n1,Ivan Petrov,03/14/1975\n2,Ivan Petrov,1975-03-14\n", StandardCharsets.UTF_8);
    CliRun guessed = CliRun.of("match", "dedupe", us.toString(), "--id", "id", "--map", "name=name", "--map",
        "dob=birthDate", "--out", dir.resolve("a").toString());
    assertTrue(guessed.err().contains("it would read 1975-03-14 month-first (mdy)"), guessed.err());
    CliRun told = CliRun.of("match", "dedupe", us.toString(), "--id", "id", "--map", "name=name", "--map",
        "dob=birthDate", "--date-order", "mdy", "--out", dir.resolve("b").toString());
    assertEquals(0, told.code(), told.err());
    assertTrue(told.err().isBlank(), told.err());
    CliRun bad = CliRun.of("match", "dedupe", us.toString(), "--id", "id", "--map", "name=name", "--date-order",
        "dym", "--out", dir.resolve("c").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("use dmy, mdy or ymd"), bad.err());
  }

  @Test
  void screeningQueriesKeepTheirGoodValues() throws Exception {
    Path list = dir.resolve("list.csv");
    Files.writeString(list, "\uFEFFref, given, family, dob\nW1, Ivan, Petrov, 14.03.1975\nW2, Marco, Rossi, 1969-13-01\n",
        StandardCharsets.UTF_8);
    Path queries = dir.resolve("queries.csv");
    Files.writeString(queries, "id,first_name,last_name,dob\nq1,Ivan,Petrov,1975-02-30\nq2,Marco,Rossi,19690102\n",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("hits.csv");
    CliRun r = CliRun.of("screen", "--watchlist", list.toString(), "--watchlist-id", "ref", "--map", "given=firstName",
        "--map", "family=lastName", "--map", "dob=birthDate", "--queries", queries.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("column 'dob': value '1969-13-01' left out"), r.err());
    assertTrue(r.err().contains("line 2 column 'dob': value '1975-02-30' left out"), r.err());
    List<String> hits = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertTrue(hits.stream().anyMatch(l -> l.startsWith("q1,1,W1,")), hits.toString());
    assertTrue(hits.stream().anyMatch(l -> l.startsWith("q2,1,W2,")), hits.toString());
  }
}
