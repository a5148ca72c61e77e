package org.insight.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Given names and their short forms, nicknames and common spelling or transliteration variants, in groups: every
 * form maps to its group's first (the canonical form). Compiled by hand for this project (no external list): English
 * diminutives, Russian diminutives and romanisations, Arabic romanisations. Equivalents across languages (Ivan and
 * John, Pierre and Peter) are deliberately absent: they are different names on documents, and treating them as one
 * would merge different people. Forms are in {@link Names#normalise}
 * form; Arabic-script forms come out of transliteration without short vowels ({@code محمد} → {@code mhmd}), so
 * those are listed too. A form in two groups ({@code alex}) belongs to the first. Static and thread-safe.
 *
 * <p>Matching uses it for a nickname-canonical comparison level and blocking key: {@code Bill Smith} and
 * {@code William Smith} meet there, not in {@link NameSimilarity}, whose score stays a spelling measure.
 */
public final class Nicknames {

  private static final String[][] GROUPS = {
      {"william", "bill", "billy", "will", "willy", "willie", "liam"},
      {"robert", "bob", "bobby", "rob", "robbie", "bert"},
      {"richard", "rick", "ricky", "dick", "rich", "richie"},
      {"james", "jim", "jimmy", "jamie"},
      {"john", "jack", "johnny", "jon"},
      {"ivan", "vanya", "iwan"},
      {"michael", "mike", "mikey", "mick"},
      {"mikhail", "misha", "mikhael"},
      {"thomas", "tom", "tommy"},
      {"tomasz", "tomek"},
      {"edward", "ed", "eddie", "ted", "teddy", "ned"},
      {"daniel", "dan", "danny"},
      {"matthew", "matt"},
      {"anthony", "tony"},
      {"andrew", "andy", "drew"},
      {"andrei", "andrey", "andriy"},
      {"joseph", "joe", "joey"},
      {"giuseppe", "beppe"},
      {"jose", "pepe"},
      {"yusuf", "youssef", "yousef", "yousuf", "yusef", "ysf"},
      {"charles", "charlie", "chuck"},
      {"alexander", "alex", "sasha", "aleksandr", "alexandr", "aleksander", "shura"},
      {"alexei", "aleksei", "alexey", "aleksey", "alyosha"},
      {"mohammed", "muhammad", "mohamed", "mohammad", "muhammed", "mohamad", "mhmd", "mohd"},
      {"ahmed", "ahmad", "ahmd"},
      {"hassan", "hasan", "hsn"},
      {"hussein", "husayn", "hussain", "husein", "hsyn"},
      {"omar", "umar", "omer"},
      {"mustafa", "mostafa", "moustafa", "mustapha"},
      {"fatima", "fatma", "fatimah", "ftmh"},
      {"aisha", "aysha", "ayesha", "aicha", "aishah"},
      {"layla", "leila", "laila", "leyla", "lyla"},
      {"dmitri", "dmitry", "dmitriy", "dima"},
      {"sergei", "sergey", "serguei", "sergiy", "seryozha"},
      {"pavel", "pasha"},
      {"peter", "pete"},
      {"pyotr", "petr", "petya"},
      {"piotr", "piotrek"},
      {"nicholas", "nick", "nicky"},
      {"nikolai", "nikolay", "kolya"},
      {"vladimir", "volodya", "vova"},
      {"yuri", "yury", "iouri", "yuriy"},
      {"natalia", "natalya", "nataliya", "natasha"},
      {"elena", "yelena", "jelena", "lena"},
      {"ekaterina", "yekaterina", "katya", "katerina"},
      {"katherine", "catherine", "kate", "katie", "kathy"},
      {"katarzyna", "kasia"},
      {"anastasia", "nastya"},
      {"olga", "olya"},
      {"maria", "mariya", "masha"},
      {"anna", "anya", "anyuta"},
      {"elizabeth", "liz", "beth", "betty", "lizzie", "eliza"},
      {"margaret", "maggie", "peggy", "meg"},
      {"francis", "frank"},
      {"francisco", "paco", "pancho"},
      {"stephen", "steve", "steven", "stevie"},
      {"christopher", "chris"},
      {"samuel", "sam", "sammy"},
      {"benjamin", "benji", "benny"},
      {"george", "georgie"},
      {"jacob", "jake"},
      {"yakov", "yasha"},
      {"david", "dave", "davey"},
      {"daoud", "dawood", "dawud"},
      {"abdullah", "abdallah", "abdulla", "abdellah"},
      {"ibrahim", "ebrahim", "brahim"},
      {"suleiman", "sulaiman", "suleyman"},
      {"khalid", "khaled"},
  };


  private static final Map<String, String> CANONICAL = new HashMap<>();

  static {
    for (String[] group : GROUPS) {
      for (String form : group) {
        for (String t : Names.tokens(form)) {
          CANONICAL.putIfAbsent(t, group[0]);
        }
      }
    }
  }

  private Nicknames() {}

  /** The canonical form of a normalised token, or the token itself. */
  public static String canonical(String token) {
    Objects.requireNonNull(token, "token");
    return CANONICAL.getOrDefault(token, token);
  }

  /** Whether the token is a known form. */
  public static boolean known(String token) {
    Objects.requireNonNull(token, "token");
    return CANONICAL.containsKey(token);
  }

  /**
   * The name with every known form replaced by its canonical form, as normalised tokens joined by spaces; the name
   * itself, unchanged, when no token had another canonical form.
   */
  public static String canonicalName(String name) {
    List<String> out = new ArrayList<>();
    boolean changed = false;
    for (String t : Names.tokens(name)) {
      String c = canonical(t);
      changed |= !c.equals(t);
      out.add(c);
    }
    return changed ? String.join(" ", out) : name;
  }
}
