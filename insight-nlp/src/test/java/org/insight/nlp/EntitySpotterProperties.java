package org.insight.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.names.Names;

class EntitySpotterProperties {
  // name tokens and filler words are disjoint, so a name can only be found where one was written
  private static final List<String> GIVEN = List.of("José", "Marie", "Søren", "Ahmed", "Ivan", "Zoë", "Łukasz",
      "Chloé", "Omar", "Ingrid", "Renée", "Dmitri", "Inès", "Björn", "Nuño", "Aïcha");
  private static final List<String> FAMILY = List.of("García", "Müller", "Petrov", "Al-Rashid", "Ørsted", "Nováková",
      "Dupré", "Van Dijk", "Çelik", "Kowalski", "Ben Salah", "Fernández", "Østergård", "Le Goff", "Şahin", "Brontë");
  private static final List<String> FILLER = List.of("the", "report", "says", "that", "was", "seen", "near", "station",
      "with", "and", "later", "a", "car", "on", "monday", "in", "café", "élan", "déjà", "vu", ",", "(", ")", "-");
  private static final List<String[]> PEOPLE = new ArrayList<>();
  private static final EntitySpotter SPOTTER;

  static {
    Random random = new Random(20261125L);
    EntitySpotter.Builder b = EntitySpotter.builder();
    for (int i = 0; i < 150; i++) {
      String given = GIVEN.get(random.nextInt(GIVEN.size()));
      String family = FAMILY.get(random.nextInt(FAMILY.size()));
      String name = random.nextInt(4) == 0 ? given + " " + GIVEN.get(random.nextInt(GIVEN.size())) + " " + family
          : given + " " + family;
      PEOPLE.add(new String[] {"p" + i, name});
      b.add(KnownEntity.of("p" + i, KnownEntity.Kind.PERSON, List.of(name), List.of()));
    }
    SPOTTER = b.build();
  }

  /** A text of filler words and known names, each name written as listed or as "FAMILY, Given". */
  @Provide
  Arbitrary<List<String>> texts() {
    Arbitrary<String> filler = Arbitraries.of(FILLER);
    Arbitrary<String> person = Arbitraries.integers().between(0, PEOPLE.size() - 1).flatMap(i ->
        Arbitraries.of(true, false).map(listed -> {
          String name = PEOPLE.get(i)[1];
          if (listed) {
            return "\u0001" + name;
          }
          int cut = name.lastIndexOf(' ');
          return "\u0001" + name.substring(cut + 1).toUpperCase(Locale.ROOT) + ", " + name.substring(0, cut);
        }));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, filler), net.jqwik.api.Tuple.of(1, person))
        .list().ofMinSize(1).ofMaxSize(25);
  }

  private static String render(List<String> parts) {
    // a full stop after each name keeps names apart (two adjacent names may otherwise make one longer one)
    return parts.stream().map(p -> p.startsWith("\u0001") ? p.substring(1) + "." : p).collect(Collectors.joining(" "));
  }

  @Property(tries = 300)
  void everyWrittenNameIsFoundWithItsSpan(@ForAll("texts") List<String> parts) {
    String text = render(parts);
    List<Spot> spots = SPOTTER.spot(text);
    int at = 0;
    for (String p : parts) {
      String written = p.startsWith("\u0001") ? p.substring(1) : p;
      int start = text.indexOf(written, at);
      at = start + written.length();
      if (p.startsWith("\u0001")) {
        int s = start;
        int e = at;
        assertTrue(spots.stream().anyMatch(x -> x.start() == s && x.end() == e), () -> written + " in " + text + ": " + spots);
      }
    }
  }

  @Property(tries = 300)
  void spottingIgnoresCaseAndDiacritics(@ForAll("texts") List<String> parts, @ForAll long seed) {
    String text = render(parts);
    String varied = vary(text, new Random(seed));
    assertEquals(text.length(), varied.length());
    assertEquals(key(SPOTTER.spot(text)), key(SPOTTER.spot(varied)), text + " / " + varied);
  }

  @Property(tries = 300)
  void everySpotNormalisesToItsAlias(@ForAll("texts") List<String> parts, @ForAll long seed) {
    String text = vary(render(parts), new Random(seed));
    for (Spot s : SPOTTER.spot(text)) {
      assertEquals(text.substring(s.start(), s.end()), s.text());
      assertEquals(withoutParticles(Names.tokens(s.text())), withoutParticles(List.of(s.alias().split(" "))),
          s.toString());
    }
  }

  private static Set<String> withoutParticles(List<String> tokens) {
    return tokens.stream().filter(t -> !Names.isParticle(t)).collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> key(List<Spot> spots) {
    return spots.stream().map(s -> s.start() + "-" + s.end() + ":" + s.entityId()).toList();
  }

  private static final String PLAIN = "aeiouncAEIOUNC";
  private static final String[] MARKED = {"áàâä", "éèêë", "íìîï", "óòôö", "úùûü", "ñ", "ç", "ÁÀÂÄ", "ÉÈÊË", "ÍÌÎÏ",
      "ÓÒÔÖ", "ÚÙÛÜ", "Ñ", "Ç"};

  /** Flips case and adds or removes diacritics at random, keeping every char in place (same length). */
  private static String vary(String text, Random random) {
    StringBuilder sb = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      char v = c;
      if (random.nextInt(3) == 0 && Character.isLetter(v)) {
        char flipped = Character.isUpperCase(v) ? Character.toLowerCase(v) : Character.toUpperCase(v);
        if (Character.toString(flipped).length() == 1 && flipped != 'ı' && flipped != 'İ' && flipped != 'ſ') {
          v = flipped;
        }
      }
      int plain = PLAIN.indexOf(v);
      if (plain >= 0 && random.nextInt(3) == 0) {
        String options = MARKED[plain];
        v = options.charAt(random.nextInt(options.length()));
      }
      sb.append(v);
    }
    return sb.toString();
  }
}
