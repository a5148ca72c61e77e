package org.insight.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;

class EntitySpotterTest {
  private static final KnownEntity RASHID = KnownEntity.of("ent-rashid", KnownEntity.Kind.PERSON,
      List.of("Omar Al-Rashid", "Abu Khalid"), List.of("+33 6 12 34 56 78", "X1234567"));
  private static final KnownEntity GARCIA = KnownEntity.of("ent-garcia", KnownEntity.Kind.PERSON,
      List.of("José Fernández García"), List.of("FR14 2004 1010 0505 0001 3M02 606"));
  private static final KnownEntity PETROV = KnownEntity.of("ent-petrov", KnownEntity.Kind.PERSON,
      List.of("Ivan Sergeyevich Petrov"), List.of());
  private static final KnownEntity EUROPOL = KnownEntity.of("ent-europol", KnownEntity.Kind.ORGANIZATION,
      List.of("Europol", "Union"), List.of());

  private static EntitySpotter spotter(KnownEntity... entities) {
    return EntitySpotter.builder().addAll(List.of(entities)).build();
  }

  private static List<String> found(EntitySpotter s, String text) {
    return s.spot(text).stream().map(x -> x.entityId() + "=" + x.text()).toList();
  }

  @Test
  void namesAreFoundWhateverTheirCaseAndDiacritics() {
    EntitySpotter s = spotter(RASHID, GARCIA, PETROV);
    assertEquals(List.of("ent-garcia=JOSE FERNANDEZ GARCIA"), found(s, "Witness saw JOSE FERNANDEZ GARCIA leave."));
    assertEquals(List.of("ent-garcia=josé fernández garcía"), found(s, "and josé fernández garcía too"));
    Spot spot = s.spot("Omar al-Rashid met him").get(0);
    assertEquals(0, spot.start());
    assertEquals("Omar al-Rashid", spot.text());
    assertEquals("omar al rashid", spot.alias());
    assertEquals(Spot.Kind.NAME, spot.kind());
  }

  @Test
  void namesInOtherScriptsAreFoundThroughTransliteration() {
    EntitySpotter s = spotter(RASHID, PETROV);
    assertEquals(List.of("ent-petrov=Иван Сергеевич Петров"), found(s, "Задержан Иван Сергеевич Петров вчера"));
    // Arabic is written without short vowels: found by consonant skeleton, with a lower score
    List<Spot> arabic = s.spot("شوهد عمر الرشيد في المطار");
    assertEquals(List.of("ent-rashid"), arabic.stream().map(Spot::entityId).toList());
    assertEquals("عمر الرشيد", arabic.get(0).text());
    assertTrue(arabic.get(0).score() < s.spot("Omar Al-Rashid").get(0).score());
  }

  @Test
  void listOrderAndMissingParticlesStillMatch() {
    EntitySpotter s = spotter(RASHID, PETROV);
    Spot reordered = s.spot("Subject: AL-RASHID, Omar (born 1975)").get(0);
    assertEquals("AL-RASHID, Omar", reordered.text());
    assertEquals("omar al rashid", reordered.alias(), "the alias in its own order");
    assertEquals(List.of("ent-petrov=PETROV Ivan Sergeyevich"), found(s, "PETROV Ivan Sergeyevich"));
    assertEquals(List.of("ent-rashid=Omar Rashid"), found(s, "then Omar Rashid called"));
    Spot noMiddle = s.spot("Ivan PETROV was seen").get(0);
    assertEquals("ent-petrov", noMiddle.entityId());
    assertEquals("ivan petrov", noMiddle.alias());
    assertTrue(noMiddle.score() < s.spot("Ivan Sergeyevich Petrov").get(0).score());
    assertEquals(List.of("ent-petrov=PETROV, Ivan"), found(s, "PETROV, Ivan"));
    double exact = s.spot("Omar Al-Rashid").get(0).score();
    assertTrue(reordered.score() < exact && s.spot("Omar Rashid").get(0).score() < exact);
  }

  @Test
  void commonSingleTokensAndPartialNamesDoNotFire() {
    EntitySpotter s = spotter(RASHID, GARCIA, EUROPOL);
    assertEquals(List.of(), found(s, "Omar arrived with Garcia; the Union and Khalid left."));
    assertEquals(List.of(), found(s, "Omar. Rashid was not his name"), "a sentence end stops a name");
    assertEquals(List.of("ent-europol=EUROPOL"), found(s, "A request to EUROPOL was sent."));
    // a single token two organisations use is not specific enough
    EntitySpotter two = spotter(KnownEntity.of("a", KnownEntity.Kind.ORGANIZATION, List.of("Falconia"), List.of()),
        KnownEntity.of("b", KnownEntity.Kind.OTHER, List.of("Falconia"), List.of()));
    assertEquals(List.of(), found(two, "the Falconia docked"));
    assertEquals(2, two.stats().namesTooUnspecific());
    // Omar alone and Union are counted as left out, not dropped silently
    assertEquals(1, spotter(EUROPOL).stats().namesTooUnspecific());
  }

  @Test
  void theLongestNameWinsAndSharedNamesGiveEveryEntity() {
    EntitySpotter s = spotter(
        KnownEntity.of("short", KnownEntity.Kind.PERSON, List.of("John Smith"), List.of()),
        KnownEntity.of("long", KnownEntity.Kind.PERSON, List.of("John Smith Jones"), List.of()),
        KnownEntity.of("other", KnownEntity.Kind.PERSON, List.of("John Smith"), List.of()));
    assertEquals(List.of("long=John Smith Jones"), found(s, "John Smith Jones was there"));
    List<Spot> both = s.spot("John Smith was there");
    assertEquals(List.of("other", "short"), both.stream().map(Spot::entityId).toList());
    assertTrue(both.get(0).score() < s.spot("John Smith Jones").get(0).score());
  }

  @Test
  void identifiersMatchExactlyOnceCleaned() {
    EntitySpotter s = spotter(RASHID, GARCIA);
    List<Spot> phone = s.spot("He called +33 6 12 34 56 78 and +33612345678.");
    assertEquals(2, phone.size(), phone.toString());
    phone.forEach(p -> assertEquals("+33612345678", p.alias()));
    Spot passport = s.spot("passport no. x1234567 issued").get(0);
    assertEquals("x1234567", passport.text());
    assertEquals(Spot.Kind.IDENTIFIER, passport.kind());
    assertEquals(List.of("ent-garcia=FR1420041010050500013M02606"), found(s, "IBAN FR1420041010050500013M02606"));
    assertEquals(List.of(), found(s, "passport X1234568 and +33612345679"), "one digit off is not a hit");
  }

  @Test
  void mentionsLinkTheDocumentToTheEntityUnderBothLabels() {
    KnownEntity labelled = new KnownEntity("ent-rashid", KnownEntity.Kind.PERSON, List.of("Omar Al-Rashid"),
        List.of(), Optional.of(Label.of("INTERPOL")));
    EntitySpotter s = spotter(labelled);
    Provenance source = Provenance.of("police-fr", "rep-1", "tika:TXTParser", SourceGrading.UNGRADED);
    Document doc = new Document(null, ContentHash.of(new byte[32]), "report", "Suspect: Omar AL RASHID.", "fr", null,
        null, null, Label.of("FR"), source);
    List<Mention> mentions = s.mentions(doc);
    assertEquals(1, mentions.size());
    Mention m = mentions.get(0);
    assertEquals("ent-rashid", m.entityId().orElseThrow().value());
    assertEquals(Label.of("FR").and(Label.of("INTERPOL")), m.label());
    assertEquals(EntitySpotter.METHOD, m.provenance().method());
    assertEquals(List.of(source), m.provenance().derivedFrom());
    assertEquals(PropertyType.NAME, m.type());
    assertEquals("Omar AL RASHID", doc.text().substring(m.start(), m.end()));
  }
}
