package org.insight.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSimilarityTest {

  /** Pairs that name the same (fictional) person: spelling, script, order, honorific, middle-name variants. */
  static final List<String[]> SAME = List.of(
      pair("PETROV Ivan", "Ivan Petrov"),
      pair("Ivan Sergeyevich Petrov", "Ivan Petrov"),
      pair("Иван Сергеевич Петров", "Ivan Petrov"),
      pair("Петров", "Petrov"),
      pair("Mohammed", "Mohamed"),
      pair("Mohammed", "Muhammad"),
      pair("محمد", "Mohammed"),
      pair("Fernandez", "Fernández"),
      pair("Ivan Petrov", "Ivan Petroff"),
      pair("Juan Carlos Fernández López", "Juan Fernandez Lopez"),
      pair("Dr. Anna van der Berg", "Anna Vanderberg van der Berg"),
      pair("محمد الخوري", "Mohamed al-Khoury"),
      pair("Omar El Khoury", "Omar Al-Khoury"),
      pair("משה כהן", "Moshe Cohen"),
      pair("Γιώργος Παπαδόπουλος", "Giorgos Papadopoulos"),
      pair("Jean-Pierre Dubois", "Jean Dubois"),
      pair("Sheikh Yusuf Hassan", "Youssef Hasan"),
      pair("حسين علي", "Hussein Ali"),
      pair("عبد الله", "Abdullah"),
      pair("Katarzyna Nowak", "Katarzyna Nowakowa Nowak"),
      pair("Sean O'Brien", "Sean OBrien"),
      pair("Schmidt Hans-Jürgen", "Hans Juergen Schmidt"),
      pair("Aleksandr Volkov", "Alexander Volkov"),
      pair("Lucia Rossi", "Lucía Rossi"),
      pair("Yevgeniy Smirnov", "Евгений Смирнов"));

  /** Pairs of different (fictional) people, including some that share a token or a script. */
  static final List<String[]> DIFFERENT = List.of(
      pair("Ivan Petrov", "Marco Rossi"),
      pair("Ivan Petrov", "Ivan Rossi"),
      pair("Ivan Petrov", "Boris Ivanov"),
      pair("Mohammed Khan", "Ahmed Saleh"),
      pair("Anna van der Berg", "Anna Schmidt"),
      pair("Juan Fernandez", "Lucia Gomez"),
      pair("Giorgos Papadopoulos", "Nikos Andreou"),
      pair("Moshe Cohen", "David Levi"),
      pair("Omar al-Khoury", "Karim Haddad"),
      pair("محمد الخوري", "Karim Haddad"),
      pair("Иван Петров", "Marco Rossi"),
      pair("Wang Xiaoming", "Li Wei"),
      pair("王小明", "Zhang Wei"),
      pair("Sean O'Brien", "Patrick Murphy"),
      pair("Hans Schmidt", "Peter Weber"),
      pair("Katarzyna Nowak", "Agnieszka Kowalska"),
      pair("Jean Dubois", "Pierre Martin"),
      pair("Yusuf Hassan", "Ibrahim Osman"),
      pair("Alexander Volkov", "Dmitri Sokolov"),
      pair("Lucia Rossi", "Maria Bianchi"),
      pair("Dr. Ivan Petrov", "Dr. Marco Rossi"),
      pair("Ali Reza", "Reza Tehrani"));

  private static String[] pair(String a, String b) {
    return new String[] {a, b};
  }

  @ParameterizedTest(name = "{0} ~ {1} >= {2}")
  @CsvSource(delimiter = '|', value = {
      "PETROV Ivan | Ivan Petrov | 0.95",
      "Ivan Sergeyevich Petrov | Ivan Petrov | 0.85",
      "Петров | Petrov | 0.95",
      "محمد | Mohammed | 0.8",
      "Mohammed | Mohamed | 0.8",
      "Mohammed | Muhammad | 0.8",
      "Mohamed | Muhammad | 0.8",
      "Fernandez | Fernández | 1.0",
  })
  void alike(String a, String b, double atLeast) {
    double s = NameSimilarity.score(a, b);
    assertTrue(s >= atLeast, a + " ~ " + b + " = " + s);
  }

  @Test
  void unrelatedNamesScoreLow() {
    assertTrue(NameSimilarity.score("Ivan Petrov", "Marco Rossi") < 0.5);
  }

  @Test
  void blankScoresZero() {
    assertEquals(0.0, NameSimilarity.score("", "Ivan"));
    assertEquals(0.0, NameSimilarity.score("Ivan", "  "));
    assertEquals(0.0, NameSimilarity.score("", ""));
  }

  @Test
  void everySamePairRanksAboveEveryDifferentPair() {
    double lowestSame = 1.0;
    String lowestSamePair = "";
    for (String[] p : SAME) {
      double s = NameSimilarity.score(p[0], p[1]);
      if (s < lowestSame) {
        lowestSame = s;
        lowestSamePair = p[0] + " ~ " + p[1];
      }
    }
    double highestDifferent = 0.0;
    String highestDifferentPair = "";
    for (String[] p : DIFFERENT) {
      double s = NameSimilarity.score(p[0], p[1]);
      if (s > highestDifferent) {
        highestDifferent = s;
        highestDifferentPair = p[0] + " ~ " + p[1];
      }
    }
    System.out.printf("name similarity: lowest same %.3f (%s), highest different %.3f (%s)%n",
        lowestSame, lowestSamePair, highestDifferent, highestDifferentPair);
    assertTrue(SAME.size() >= 20 && DIFFERENT.size() >= 20);
    assertTrue(lowestSame > highestDifferent,
        "lowest same " + lowestSame + " (" + lowestSamePair + ") <= highest different " + highestDifferent + " ("
            + highestDifferentPair + ")");
  }

  @Test
  void particlesWeighLittle() {
    double withParticle = NameSimilarity.score("Omar al Khoury", "Omar Khoury");
    assertTrue(withParticle > 0.95, "" + withParticle);
  }
}
