package org.insight.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Assertions;

class LinkerProperties {

  static final Linker LINKER = Linker.builder().uSampleSize(5_000).build();
  static final MatchModel MODEL = LINKER.dedupe(Persons.generator(7L).generate(400, 0.3).records()).model();

  static List<MatchRecord> records(long seed, int n) {
    return Persons.generator(seed).generate(n, 0.3).records();
  }

  @Property(tries = 60)
  void scoresAndLevelsAreSymmetric(@ForAll long seed) {
    List<MatchRecord> recs = records(seed, 12);
    for (MatchRecord a : recs) {
      for (MatchRecord b : recs) {
        Explanation ab = MODEL.explain(a, b);
        Explanation ba = MODEL.explain(b, a);
        Assertions.assertEquals(Double.doubleToLongBits(ab.weight()), Double.doubleToLongBits(ba.weight()));
        Assertions.assertEquals(Double.doubleToLongBits(ab.probability()), Double.doubleToLongBits(ba.probability()));
        Assertions.assertTrue(ab.probability() >= 0 && ab.probability() <= 1);
        for (Comparison c : MODEL.comparisons()) {
          Assertions.assertEquals(c.level(a, b), c.level(b, a), c.toString());
        }
        for (int k = 0; k < ab.comparisons().size(); k++) {
          Assertions.assertEquals(ab.comparisons().get(k).level(), ba.comparisons().get(k).level());
        }
      }
    }
  }

  static final String[] STREETS = {"12 Rue de la Paix, 75002 Paris", "Hauptstraße 5, 10115 Berlin",
      "221B Baker Street, London NW1 6XE", "Avda. de la Constitución, 12, 41004 Sevilla", "Flat 3, 27 Station Rd, Leeds",
      "1600 Pennsylvania Ave NW, Washington, DC 20500", "Calle Mayor 3-5, 28013 Madrid", "45 bd Haussmann 75009 Paris",
      "Old Mill Cottage, Little Snoring", "Bahnhofstr. 12, 8001 Zürich", "14, r. de la Paix"};

  /** A messy variant: case, punctuation, abbreviations, a typo, a dropped or swapped part. */
  static String messy(String s, Random random) {
    String out = switch (random.nextInt(6)) {
      case 0 -> s.toUpperCase(java.util.Locale.ROOT);
      case 1 -> s.replace(",", "").replace(".", "");
      case 2 -> s.replace("Street", "St.").replace("Rue", "r.").replace("straße", "str.").replace("Ave", "Avenue");
      case 3 -> s.length() > 6 ? s.substring(0, 3) + s.charAt(4) + s.charAt(3) + s.substring(5) : s;
      case 4 -> s.contains(",") ? s.substring(s.indexOf(',') + 1) + ", " + s.substring(0, s.indexOf(',')) : s;
      default -> s;
    };
    return out.isBlank() ? s : out;
  }

  static MatchRecord contacts(String id, Random random) {
    java.util.Map<String, List<String>> v = new java.util.LinkedHashMap<>();
    v.put("name", List.of(random.nextBoolean() ? "Karim Benali" : "Karim Ben Ali"));
    v.put("address", List.of(messy(STREETS[random.nextInt(STREETS.length)], random)));
    String digits = "79111234" + random.nextInt(10) + random.nextInt(10);
    v.put("phone", List.of(switch (random.nextInt(3)) {
      case 0 -> "+44 " + digits;
      case 1 -> "0" + digits;
      default -> "+33 " + digits.substring(1);
    }));
    String local = random.nextBoolean() ? "karim.benali" : "karimbenali" + random.nextInt(3);
    String[] domains = {"gmail.com", "googlemail.com", "example.org", "Yahoo.fr"};
    v.put("email", List.of((random.nextBoolean() ? local.toUpperCase(java.util.Locale.ROOT) : local)
        + (random.nextBoolean() ? "+tag" : "") + "@" + domains[random.nextInt(domains.length)]));
    return MatchRecord.of(id, "p", v);
  }

  @Property(tries = 60)
  void addressPhoneAndEmailLevelsAreSymmetric(@ForAll long seed) {
    Random random = new Random(seed);
    MatchModel defaults = MatchModel.personDefaults();
    List<MatchRecord> recs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      recs.add(contacts("c" + i, random));
    }
    for (MatchRecord a : recs) {
      for (MatchRecord b : recs) {
        for (MatchModel model : List.of(defaults, MODEL)) {
          Assertions.assertEquals(Double.doubleToLongBits(model.weight(a, b)), Double.doubleToLongBits(model.weight(b, a)),
              a + " / " + b);
        }
        for (Comparison c : defaults.comparisons()) {
          Assertions.assertEquals(c.level(a, b), c.level(b, a), c + " on " + a.values() + " / " + b.values());
        }
        for (Comparison c : defaults.comparisons()) {
          if (a == b && !c.values(a).isEmpty()) {
            Assertions.assertEquals(1, c.level(a, b), "a value is exactly itself: " + c + " " + c.values(a));
          }
        }
      }
    }
  }

  @Property(tries = 40)
  void differentIsNeverViolatedAndSameIsHonoured(@ForAll long seed) {
    List<MatchRecord> recs = records(seed, 40);
    Random random = new Random(seed);
    List<Judgement> judgements = new ArrayList<>();
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int k = 0; k < 15; k++) {
      MatchRecord a = recs.get(random.nextInt(recs.size()));
      MatchRecord b = recs.get(random.nextInt(recs.size()));
      if (!a.id().equals(b.id())) {
        Judgement.Verdict v = Judgement.Verdict.values()[random.nextInt(3)];
        judgements.add(new Judgement(a.id(), b.id(), v, "p", t.plusSeconds(k)));
      }
    }
    LinkResult r = LINKER.withModel(MODEL).dedupe(recs, judgements);
    Set<String> seen = new HashSet<>();
    for (Cluster c : r.clusters()) {
      for (String id : c.recordIds()) {
        Assertions.assertTrue(seen.add(id), "record in two clusters: " + id);
      }
    }
    Assertions.assertEquals(recs.size(), seen.size());
    // the latest judgement per pair is the one in force
    List<Judgement> latest = new ArrayList<>();
    for (Judgement j : judgements) {
      latest.removeIf(x -> x.concerns(j.leftId(), j.rightId()));
      latest.add(j);
    }
    for (Judgement j : latest) {
      boolean together = r.clusters().stream().anyMatch(c -> c.recordIds().contains(j.leftId())
          && c.recordIds().contains(j.rightId()));
      if (j.verdict() == Judgement.Verdict.DIFFERENT) {
        Assertions.assertFalse(together, "DIFFERENT violated: " + j);
      } else if (j.verdict() == Judgement.Verdict.SAME && !r.conflicts().contains(j)) {
        Assertions.assertTrue(together, "SAME not honoured: " + j);
      }
    }
    for (MatchPair p : r.pairs()) {
      Assertions.assertTrue(p.probability() >= 0 && p.probability() <= 1);
    }
  }
}
