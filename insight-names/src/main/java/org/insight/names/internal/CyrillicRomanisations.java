package org.insight.names.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Romanisations of a Russian Cyrillic word other than the BGN/PCGN one {@code Names} writes: the same person is held
 * as {@code Khrushchev}, {@code Chruschtschow} and {@code Khrouchtchev}, {@code Yuriy}, {@code Iurii} and
 * {@code Yury}. Tables written from the public standards and usage: ALA-LC (diacritics dropped; ICAO Doc 9303 as
 * Russian passports have used it since 2013 differs only in ъ), popular English (-y endings, x for кс, h for х), French
 * (ou, ch, tch, j, ï, -ov/-off) and German (sch, tsch, ch for х, w, s for з, j). Not API.
 */
public final class CyrillicRomanisations {

  private CyrillicRomanisations() {}

  /** The romanisation habits besides BGN/PCGN. */
  private enum Habit { ALA_LC, ENGLISH, FRENCH, GERMAN }

  private static final String VOWELS = "аеёиоуыэюя";

  /** Whether a word has Cyrillic letters. */
  public static boolean isCyrillic(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.UnicodeScript.of(word.charAt(i)) == Character.UnicodeScript.CYRILLIC) {
        return true;
      }
    }
    return false;
  }

  /** The romanisations of one lower-case Cyrillic word (ASCII, lower case; duplicates removed). */
  public static List<String> of(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    Set<String> out = new LinkedHashSet<>();
    for (Habit s : Habit.values()) {
      out.add(romanise(w, s));
    }
    return new ArrayList<>(out);
  }

  private static String romanise(String w, Habit s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      char prev = i == 0 ? ' ' : w.charAt(i - 1);
      boolean initial = i == 0 || VOWELS.indexOf(prev) >= 0 || prev == 'ь' || prev == 'ъ' || prev == 'й';
      String rest = w.substring(i);
      if ((rest.equals("ий") || rest.equals("ый")) && i > 0) {
        b.append(switch (s) {
          case ALA_LC -> c == 'и' ? "ii" : "yi";
          case ENGLISH -> "y";
          case FRENCH, GERMAN -> c == 'и' ? "i" : "y";
        });
        break;
      }
      if (s == Habit.ENGLISH && c == 'к' && i + 1 < w.length() && w.charAt(i + 1) == 'с') {
        b.append('x');
        i++;
        continue;
      }
      if (s == Habit.GERMAN && (rest.equals("ов") || rest.equals("ев") || rest.equals("ёв"))) {
        b.append(c == 'о' ? "ow" : c == 'ё' ? "jow" : "ew");
        break;
      }
      b.append(letter(c, s, initial));
    }
    return b.toString();
  }

  private static String letter(char c, Habit s, boolean initial) {
    return switch (c) {
      case 'а' -> "a";
      case 'б' -> "b";
      case 'в' -> s == Habit.GERMAN ? "w" : "v";
      case 'г' -> "g";
      case 'д' -> "d";
      case 'е' -> initial && (s == Habit.ENGLISH) ? "ye" : initial && s == Habit.GERMAN ? "je" : "e";
      case 'ё' -> switch (s) {
        case ALA_LC -> "e";
        case ENGLISH -> "yo";
        case FRENCH -> "io";
        case GERMAN -> "jo";
      };
      case 'ж' -> s == Habit.FRENCH ? "j" : s == Habit.GERMAN ? "sh" : "zh";
      case 'з' -> s == Habit.GERMAN ? "s" : "z";
      case 'и' -> "i";
      case 'й' -> switch (s) {
        case ALA_LC, FRENCH -> "i";
        case ENGLISH -> "y";
        case GERMAN -> "j";
      };
      case 'к' -> "k";
      case 'л' -> "l";
      case 'м' -> "m";
      case 'н' -> "n";
      case 'о' -> "o";
      case 'п' -> "p";
      case 'р' -> "r";
      case 'с' -> "s";
      case 'т' -> "t";
      case 'у' -> s == Habit.FRENCH ? "ou" : "u";
      case 'ф' -> "f";
      case 'х' -> s == Habit.GERMAN ? "ch" : s == Habit.ENGLISH ? "h" : "kh";
      case 'ц' -> s == Habit.GERMAN ? "z" : "ts";
      case 'ч' -> s == Habit.FRENCH ? "tch" : s == Habit.GERMAN ? "tsch" : "ch";
      case 'ш' -> s == Habit.FRENCH ? "ch" : s == Habit.GERMAN ? "sch" : "sh";
      case 'щ' -> s == Habit.FRENCH ? "chtch" : s == Habit.GERMAN ? "schtsch" : "shch";
      case 'ъ', 'ь' -> "";
      case 'ы' -> "y";
      case 'э' -> "e";
      case 'ю' -> switch (s) {
        case ALA_LC -> "iu";
        case ENGLISH -> "yu";
        case FRENCH -> "iou";
        case GERMAN -> "ju";
      };
      case 'я' -> switch (s) {
        case ALA_LC, FRENCH -> "ia";
        case ENGLISH -> "ya";
        case GERMAN -> "ja";
      };
      default -> String.valueOf(c);
    };
  }
}
