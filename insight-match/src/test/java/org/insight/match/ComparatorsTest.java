package org.insight.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.insight.match.internal.Blocker;
import org.junit.jupiter.api.Test;

/** Address, phone and e-mail comparisons on values as real exports write them. */
class ComparatorsTest {

  static final Comparison ADDRESS = Comparison.addresses("address");
  static final Comparison PHONE = Comparison.phones("phone");
  static final Comparison EMAIL = Comparison.emails("email");

  static MatchRecord rec(String id, String... propertyValues) {
    Map<String, List<String>> v = new LinkedHashMap<>();
    for (int i = 0; i < propertyValues.length; i += 2) {
      if (propertyValues[i + 1] != null) {
        v.computeIfAbsent(propertyValues[i], k -> new ArrayList<>()).add(propertyValues[i + 1]);
      }
    }
    return MatchRecord.of(id, "test", v);
  }

  static String level(Comparison c, String x, String y) {
    String property = c.properties().get(0);
    String ab = c.levels().get(c.level(rec("a", property, x), rec("b", property, y)));
    String ba = c.levels().get(c.level(rec("b", property, y), rec("a", property, x)));
    assertEquals(ab, ba, "asymmetric on " + x + " / " + y);
    return ab;
  }

  @Test
  void addressesThatAreTheSameWrittenDifferentlyAreExact() {
    assertEquals("exact", level(ADDRESS, "12 Rue de la Paix, 75002 Paris", "12, r. de la paix\n75002 PARIS"));
    assertEquals("exact", level(ADDRESS, "Hauptstraße 5, 10115 Berlin", "Hauptstr. 5, 10115 Berlin"));
    assertEquals("exact", level(ADDRESS, "Bahnhofstrasse 12, 8001 Zürich", "Bahnhof Str. 12, 8001 Zurich"));
    assertEquals("exact", level(ADDRESS, "221B Baker Street, London NW1 6XE", "221b Baker St London NW16XE"));
    assertEquals("exact", level(ADDRESS, "Avenida de la Constitución 12, 41004 Sevilla",
        "Avda. Constitucion 12, 41004 SEVILLA"));
    assertEquals("exact", level(ADDRESS, "45 Boulevard Haussmann, 75009 Paris", "45 bd Haussmann 75009 Paris"));
    // the same tokens in another order: number after the street, postcode first
    assertEquals("exact", level(ADDRESS, "Calle Mayor 3, 28013 Madrid", "28013 Madrid, C/ Mayor 3"));
  }

  @Test
  void sameNumberAndStreetOrPostcode() {
    // the town left out, a directional abbreviated
    assertEquals("number+street", level(ADDRESS, "1600 Pennsylvania Ave NW, Washington, DC 20500",
        "1600 Pennsylvania Avenue Northwest"));
    // a typo in the street, but the same postcode and number
    assertEquals("number+street", level(ADDRESS, "12 Rue de la Paix, 75002 Paris", "12 rue de la Paxi 75002 Paris"));
    // number in its own part, before or after the street
    assertEquals("number+street", level(ADDRESS, "Avda. Constitución, 12, 41004 Sevilla",
        "Avenida de la Constitucion 12, Sevilla, Spain"));
    // a flat number is not the house number
    assertEquals("number+street", level(ADDRESS, "Flat 3, 27 Station Road, Leeds", "27 Station Rd"));
  }

  @Test
  void similarAndDifferentAddresses() {
    assertEquals("tokens>=0.8", level(ADDRESS, "Rue de la Paix, Paris 2e", "Rue de la Paix, Paris"));
    assertEquals("tokens>=0.8", level(ADDRESS, "Old Mill Cottage, Little Snoring, Norfolk",
        "Old Mill Cotage, Little Snoring, Norfolk"));
    // neighbours: the same street, another house number, never better than the medium level
    assertEquals("tokens>=0.6", level(ADDRESS, "14 Rue de la Paix, 75002 Paris", "12 rue de la paix 75002 Paris"));
    assertEquals("else", level(ADDRESS, "12 Rue de la Paix, 75002 Paris", "Hauptstraße 5, 10115 Berlin"));
    assertEquals("else", level(ADDRESS, "3 High Street, Oxford", "77 Sunset Boulevard, Los Angeles"));
  }

  @Test
  void phones() {
    assertEquals("exact", level(PHONE, "+44 7911 123456", "0044 7911-123-456"));
    assertEquals("national", level(PHONE, "+44 7911 123456", "07911 123456"));
    assertEquals("exact", level(PHONE, "+44 7911 123456", "0044 (0)7911 123456"), "the bracketed trunk zero is dropped");
    assertEquals("national", level(PHONE, "+33 6 12 34 56 78", "06.12.34.56.78"));
    assertEquals("national", level(PHONE, "+7 495 123 45 67", "8 (495) 123-45-67"));
    assertEquals("typo", level(PHONE, "+44 7911 123456", "+44 7911 123465"));
    assertEquals("typo", level(PHONE, "+44 7911 123456", "07911 123457"));
    assertEquals("else", level(PHONE, "+44 7911 123456", "+44 7911 654321"));
    assertEquals("else", level(PHONE, "+44 7911 123456", "+33 6 12 34 56 78"));
  }

  @Test
  void emails() {
    assertEquals("exact", level(EMAIL, "John.Smith@Example.org", "john.smith@example.ORG"));
    assertEquals("normalised", level(EMAIL, "j.smith+work@gmail.com", "jsmith@googlemail.com"));
    assertEquals("normalised", level(EMAIL, "omar.r+news@outlook.com", "omar.r@outlook.com"));
    assertEquals("local-part", level(EMAIL, "jsmith1975@yahoo.fr", "JSmith1975@gmail.com"));
    assertEquals("local-part", level(EMAIL, "j.smith1975@gmail.com", "jsmith1975@hotmail.com"));
    assertEquals("else", level(EMAIL, "info@acme.com", "info@example.org"), "a role account is no evidence");
    assertEquals("else", level(EMAIL, "jo@acme.com", "jo@example.org"), "too short to be a habit");
    assertEquals("else", level(EMAIL, "john.smith@example.org", "jane.smith@example.org"));
  }

  @Test
  void nationalPhonesAreKeptAndBlockWithTheirInternationalForm() {
    MatchRecord national = rec("a", "name", "Omar Haddad", "phone", "07911 123456");
    assertEquals(List.of("07911123456"), national.get("phone"));
    MatchRecord international = rec("b", "name", "O. Haddad", "phone", "+44 7911 123456");
    Set<String> ka = Blocker.keys(national, Comparison.personDefaults());
    Set<String> kb = Blocker.keys(international, Comparison.personDefaults());
    assertTrue(ka.stream().anyMatch(k -> k.startsWith("ph:") && kb.contains(k)), ka + " / " + kb);
    Set<String> ea = Blocker.keys(rec("a", "email", "J.Smith+x@gmail.com"), Comparison.personDefaults());
    Set<String> eb = Blocker.keys(rec("b", "email", "jsmith@googlemail.com"), Comparison.personDefaults());
    assertEquals(ea, eb);
  }

  @Test
  void personDefaultsCompareAddresses() {
    assertTrue(Comparison.personDefaults().stream().anyMatch(c -> c.kind() == Comparison.Kind.ADDRESS
        && c.properties().equals(List.of("address"))));
    MatchModel model = MatchModel.personDefaults();
    Explanation x = model.explain(rec("a", "name", "Karim Benali", "address", "12 Rue de la Paix, 75002 Paris"),
        rec("b", "name", "Karim Benali", "address", "12, r. de la paix 75002 PARIS"));
    ComparisonOutcome address = x.comparisons().stream().filter(c -> c.comparison().equals("address")).findFirst()
        .orElseThrow();
    assertEquals("exact", address.level());
    assertTrue(address.weight() > 15, "an exact address is strong evidence: " + address);
    // every level's weight falls from best to worst, for each new kind
    for (ModelParameters.ComparisonParameters c : model.parameters().comparisons()) {
      if (Set.of("phone", "email", "address").contains(c.comparison())) {
        for (int l = 1; l < c.levels().size(); l++) {
          assertTrue(c.levels().get(l).weight() < c.levels().get(l - 1).weight(), c.toString());
        }
      }
    }
  }

  /** Two records that are one person by name and birth date only weakly; the contact variant decides. */
  static void assertTips(String property, String left, String right, String control) {
    List<MatchRecord> records = new ArrayList<>(Persons.generator(5L).generate(60, 0.0).records());
    MatchRecord a = rec("t-a", "name", "Karim Benali", "birthDate", "1980", property, left);
    MatchRecord b = rec("t-b", "name", "Karim Ben Ali", "birthDate", "1980-04-02", property, right);
    MatchRecord c = rec("t-c", "name", "Karim Ben Ali", "birthDate", "1980-04-02", property, control);
    Linker linker = Linker.builder().build().withModel(MatchModel.personDefaults());
    LinkResult with = linker.dedupe(withAll(records, a, b));
    LinkResult without = linker.dedupe(withAll(records, a, c));
    Optional<MatchPair> tipped = pair(with, "t-a", "t-b");
    assertTrue(tipped.isPresent(), property + " variant should link: " + with.pairs());
    assertTrue(tipped.get().probability() >= 0.9, tipped.toString());
    assertFalse(pair(without, "t-a", "t-c").isPresent(), "without the " + property + " the pair stays below 0.9");
    assertFalse(without.clusters().stream().anyMatch(cl -> cl.recordIds().containsAll(List.of("t-a", "t-c"))));
    double gain = MatchModel.personDefaults().weight(a, b) - MatchModel.personDefaults().weight(a, c);
    assertTrue(gain > 13, property + " variant adds " + gain + " bits");
  }

  static List<MatchRecord> withAll(List<MatchRecord> records, MatchRecord... more) {
    List<MatchRecord> out = new ArrayList<>(records);
    out.addAll(List.of(more));
    return out;
  }

  static Optional<MatchPair> pair(LinkResult r, String x, String y) {
    return r.pairs().stream().filter(p -> Set.of(p.leftId(), p.rightId()).equals(Set.of(x, y))).findFirst();
  }

  @Test
  void anAddressVariantTipsAPairOverTheThreshold() {
    assertTips("address", "12 Rue de la Paix, 75002 Paris", "12, r. de la paix 75002 PARIS",
        "Hauptstraße 5, 10115 Berlin");
  }

  @Test
  void aPhoneVariantTipsAPairOverTheThreshold() {
    assertTips("phone", "+44 7911 123456", "07911 123456", "07700 900123");
  }

  @Test
  void anEmailVariantTipsAPairOverTheThreshold() {
    assertTips("email", "karim.benali+shop@gmail.com", "karimbenali@googlemail.com", "k.b@example.org");
  }
}
