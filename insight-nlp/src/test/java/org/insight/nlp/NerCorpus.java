package org.insight.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Annotated police-report sentences generated from templates and name lists, in OpenNLP's format. Training and
 * held-out sets draw names from disjoint lists, so a held-out hit is a name the model never saw.
 */
final class NerCorpus {
  static final List<String> TRAIN_FIRST = List.of("Ivan", "Marco", "Fatima", "Jean", "Olga", "Ahmed", "Lucia", "Pierre",
      "Anna", "Dmitri", "Sofia", "Karim", "Elena", "Hans", "Maria", "Omar", "Nadia", "Paolo", "Irina", "Youssef");
  static final List<String> TRAIN_LAST = List.of("Petrov", "Rossi", "Haddad", "Dupont", "Ivanova", "Mansour", "Garcia",
      "Lefebvre", "Schmidt", "Volkov", "Moreno", "Benali", "Novak", "Weber", "Santos", "Khalil", "Marchetti", "Sokolova",
      "Laurent", "Fischer");
  static final List<String> HELD_FIRST = List.of("Viktor", "Giulia", "Samir", "Claire", "Tatiana", "Rashid", "Carmen",
      "Louis", "Greta", "Boris");
  static final List<String> HELD_LAST = List.of("Kuznetsov", "Bianchi", "Nasser", "Moreau", "Orlova", "Aziz", "Romero",
      "Girard", "Keller", "Popescu");
  static final List<String> TRAIN_CITY = List.of("Lyon", "Marseille", "Madrid", "Berlin", "Moscow", "Rome", "Vienna",
      "Lisbon", "Brussels", "Warsaw");
  static final List<String> HELD_CITY = List.of("Toulouse", "Hamburg", "Naples", "Porto", "Prague");
  static final List<String> TRAIN_ORG = List.of("Atlas Logistics", "Nordic Freight Ltd", "Banca Solare", "Euro Trade SA",
      "Crescent Holdings", "Volga Shipping");
  static final List<String> HELD_ORG = List.of("Delta Marine Services", "Orion Imports", "Baltic Timber GmbH");

  private static final List<String> TEMPLATES = List.of(
      "Officers stopped P near C on Tuesday .",
      "P was seen leaving a warehouse in C .",
      "The informant said that P works for O .",
      "P called P twice before the meeting .",
      "According to the report , P transferred money to O in C .",
      "Witnesses described P as nervous .",
      "A blue van registered to O was found in C .",
      "Mr. P denied knowing P .",
      "P travelled from C to C by train .",
      "The account belongs to O , managed by P .",
      "Police in C arrested P on Friday .",
      "P met a contact from O at a hotel in C .",
      "Investigators believe P is the leader of the group .",
      "Phone records link P to O .",
      "She told officers that P had left C in March .",
      "The suspect , P , was born in C .");

  private NerCorpus() {}

  static List<String> sentences(Random random, int count, boolean heldOut) {
    List<String> first = heldOut ? HELD_FIRST : TRAIN_FIRST;
    List<String> last = heldOut ? HELD_LAST : TRAIN_LAST;
    List<String> cities = heldOut ? HELD_CITY : TRAIN_CITY;
    List<String> orgs = heldOut ? HELD_ORG : TRAIN_ORG;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String t = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
      StringBuilder sb = new StringBuilder();
      for (String w : t.split(" ")) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        switch (w) {
          case "P" -> {
            String name = random.nextInt(4) == 0 ? pick(random, last)
                : pick(random, first) + " " + pick(random, last);
            sb.append("<START:person> ").append(name).append(" <END>");
          }
          case "C" -> sb.append("<START:location> ").append(pick(random, cities)).append(" <END>");
          case "O" -> sb.append("<START:organization> ").append(pick(random, orgs)).append(" <END>");
          default -> sb.append(w);
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static String pick(Random r, List<String> xs) {
    return xs.get(r.nextInt(xs.size()));
  }
}
