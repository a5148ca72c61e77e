package org.insight.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Real-looking Russian and Arabic person names, each written in its own script and in Latin letters by one of several
 * romanisation systems, as watch lists and reference data (Wikidata's name variants) hold them: the material of
 * cross-script screening tests. The same {@link Random} gives the same names.
 *
 * <p>Russian names are held in Cyrillic and romanised by tables written from the public standards and usage: BGN/PCGN
 * (1947), ALA-LC (diacritics dropped), ICAO Doc 9303 as Russian passports use it since 2013, and the French, German
 * and popular English habits ({@code Tchaikovsky}, {@code Chruschtschow}, {@code Alexander}, {@code Dmitry}).
 * Arabic names are held in a vocalised transcription (long vowels as capitals, emphatics as capitals, {@code `} ayn,
 * {@code '} hamza, {@code @} ta marbuta, {@code Y} alif maqsura, {@code al-} the article) from which both the
 * Arabic script (short vowels unwritten, a doubled consonant once, the article joined) and the Latin spellings
 * (ALA-LC and BGN/PCGN without diacritics, popular English, French/Maghrebi, Egyptian) are derived.
 */
public final class CrossScriptNames {

  /** The source script of a name. */
  public enum Script {
    /** Russian in Cyrillic. */
    CYRILLIC,
    /** Arabic in Arabic script. */
    ARABIC
  }

  /**
   * A name: its form in its own script, one Latin romanisation, and the system that made it.
   *
   * @param script the source script
   * @param nativeForm the name in its own script
   * @param latin one romanisation
   * @param system the romanisation system's name
   * @param key the native form's identity (two names with the same key are the same name)
   */
  public record Name(Script script, String nativeForm, String latin, String system, String key) {}

  static final String[] RU_MALE = {"Александр", "Алексей", "Андрей", "Борис", "Вадим", "Валентин", "Валерий",
      "Василий", "Виктор", "Виталий", "Владимир", "Владислав", "Вячеслав", "Геннадий", "Георгий", "Григорий", "Денис",
      "Дмитрий", "Евгений", "Егор", "Иван", "Игорь", "Илья", "Кирилл", "Константин", "Леонид", "Максим", "Михаил",
      "Никита", "Николай", "Олег", "Павел", "Пётр", "Роман", "Руслан", "Сергей", "Станислав", "Степан", "Тимофей",
      "Фёдор", "Юрий", "Ярослав", "Эдуард", "Артём", "Матвей", "Захар", "Аркадий", "Семён", "Глеб", "Яков"};
  static final String[] RU_FEMALE = {"Анастасия", "Анна", "Валентина", "Вера", "Галина", "Дарья", "Екатерина",
      "Елена", "Елизавета", "Жанна", "Зоя", "Ирина", "Ксения", "Любовь", "Людмила", "Марина", "Мария", "Наталья",
      "Нина", "Ольга", "Полина", "Светлана", "Софья", "Татьяна", "Юлия", "Яна", "Алёна", "Евгения", "Оксана", "Виктория"};
  static final String[] RU_FAMILY = {"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
      "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов",
      "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв",
      "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров",
      "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв",
      "Белов", "Медведев", "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев",
      "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов",
      "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов", "Казаков", "Афанасьев", "Данилов",
      "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов", "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров",
      "Калинин", "Исаев", "Чернышёв", "Быков", "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов",
      "Филатов", "Пономарёв", "Голубев", "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Журавлёв", "Овчинников",
      "Трофимов", "Леонов", "Соболев", "Ермаков", "Колесников", "Гончаров", "Емельянов", "Никифоров", "Грачёв",
      "Котов", "Гришин", "Ефремов", "Архипов", "Громов", "Кириллов", "Малышев", "Панов", "Моисеев", "Румянцев",
      "Акимов", "Кондратьев", "Бирюков", "Горбунов", "Анисимов", "Ерёмин", "Тихомиров", "Галкин", "Лукьянов",
      "Михеев", "Скворцов", "Юдин", "Белоусов", "Нестеров", "Симонов", "Прокофьев", "Харитонов", "Князев",
      "Цветков", "Левин", "Митрофанов", "Воронцов", "Аксёнов", "Мальцев", "Логинов", "Горшков", "Савин", "Краснов",
      "Майоров", "Демидов", "Елисеев", "Рыбаков", "Сафонов", "Плотников", "Дёмин", "Хохлов", "Хабибуллин",
      "Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олейник", "Шевчук", "Чайковский",
      "Вишневский", "Ковальский", "Заболотский", "Хрущёв", "Ходорковский", "Хлебников", "Чеботарёв", "Шукшин",
      "Щукин", "Юсупов", "Яковенко", "Цыганов", "Зуев", "Ягудин", "Шапошников", "Жириновский", "Евдокимов",
      "Ющенко", "Горелов", "Черкасов", "Ширяев", "Якушев", "Зиновьев", "Щёголев", "Ходжаев", "Рахимов", "Каримов"};

  static final String[] AR_MALE = {"muHammad", "aHmad", "maHmUd", "muSTafY", "`alI", "`umar", "`uthmAn", "Hasan",
      "Husayn", "khAlid", "ibrAhIm", "ismA`Il", "yUsuf", "yUnus", "ya`qUb", "sulaymAn", "dAwUd", "Hamz@", "TAriq",
      "ziyAd", "sa`Id", "faySal", "nabIl", "jamAl", "kamAl", "walId", "khalIl", "rashId", "mAjid", "HAmid", "SalAH",
      "samIr", "karIm", "`Adil", "bilAl", "anas", "amIr", "jalAl", "ayman", "usAm@", "hishAm", "mundhir", "nASir",
      "manSUr", "qAsim", "`abd al-lAh", "`abd al-raHmAn", "`abd al-`azIz", "`abd al-karIm", "`abd al-qAdir",
      "`abd al-nASir", "`abd al-majId", "nUr al-dIn", "SalAH al-dIn", "jamAl al-dIn", "khayr al-dIn", "ghassAn",
      "ra'Uf", "ma'mUn", "zakariyyA", "`imAd", "ridwAn", "shawqI", "fu'Ad", "HAzim", "ziyAd", "`IsY", "mUsY",
      "yaHyY", "murAd", "Safwat", "thAmir", "dhAkir", "ghAzI", "rAmI", "SabrI"};
  static final String[] AR_FEMALE = {"fATim@", "`Aish@", "khadIj@", "maryam", "zaynab", "laylY", "salmY", "nUr",
      "amIn@", "hudY", "sAr@", "rAniy@", "yAsmIn", "lubnY", "hind", "su`Ad", "jamIl@", "nAdiy@", "samIr@", "ranA",
      "dunyA", "ruqayy@", "HanAn", "rIm", "ghAd@", "Safiyy@", "nawAl", "bushrY", "asmA'", "najwY"};
  static final String[] AR_FAMILY = {"al-HaddAd", "al-khUrI", "al-asad", "al-Hasan", "al-HusaynI", "al-miSrI",
      "al-tamImI", "al-shammarI", "al-`utaybI", "al-qaHTAnI", "al-dawsarI", "al-zahrAnI", "al-ghAmidI", "al-Harbi",
      "al-maTarI", "al-`anzI", "al-shahrAnI", "al-khaTIb", "al-najjAr", "al-HakIm", "al-jabbUrI", "al-dulaymI",
      "al-`ubaydI", "al-sa`dI", "al-bakrI", "al-sharIf", "al-hAshimI", "al-sayyid", "al-kurdI", "al-HalabI",
      "al-baghdAdI", "al-mawSilI", "al-shAmI", "al-maghribI", "al-tikrItI", "al-azharI", "al-zu`bI", "al-qudsI",
      "khalIl", "manSUr", "nASir", "`abbAs", "Haydar", "jAbir", "darwIsh", "barakAt", "HammUd", "shaHAd@", "`awwAd",
      "SabbAgh", "khayyAT", "qAsim", "`uthmAn", "sulaymAn", "yAsIn", "HijAzI", "shalabI", "faraj", "`AshUr",
      "mubArak", "rizq", "zaydAn", "salAm@", "`azzAm", "ka`An", "abU zayd", "abU ghazAl@", "abU shaqr@",
      "abU `alI", "ibn rushd", "bin lAdin", "bin Talal", "`awd@", "nimr", "Saqr", "dabbAgh", "qabbAnI", "tarAbulsI",
      "Sadr", "jumblAT", "HarIrI", "karAmI", "mIqAtI", "sha`bAn", "ramaDAn", "fawwAz", "`aql", "Hamdan", "ghAnim"};

  private final Random random;

  /** Names drawn from {@code random}. */
  public CrossScriptNames(Random random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A Russian or Arabic name (half each) in its own script with one romanisation. */
  public Name name() {
    return random.nextBoolean() ? russian() : arabic();
  }

  /** A name of this script. */
  public Name name(Script script) {
    return script == Script.CYRILLIC ? russian() : arabic();
  }

  /**
   * A Russian name: given name, sometimes a patronymic (a third of the time), family name in the given name's
   * gender; romanised by a system drawn at random.
   */
  public Name russian() {
    boolean female = random.nextInt(3) == 0;
    String given = female ? pick(RU_FEMALE) : pick(RU_MALE);
    String family = pick(RU_FAMILY);
    if (female) {
      family = feminine(family);
    }
    String patronymic = random.nextInt(3) == 0 ? patronymic(pick(RU_MALE), female) : null;
    String nativeForm = given + (patronymic == null ? "" : " " + patronymic) + " " + family;
    Cyrillic system = Cyrillic.values()[random.nextInt(Cyrillic.values().length)];
    String latin = romaniseWords(nativeForm, w -> system.romanise(w, random));
    return new Name(Script.CYRILLIC, nativeForm, latin, system.name(), nativeForm);
  }

  /** Another romanisation of a Cyrillic name (any system but chosen at random). */
  public String romanise(String cyrillic) {
    Cyrillic system = Cyrillic.values()[random.nextInt(Cyrillic.values().length)];
    return romaniseWords(cyrillic, w -> system.romanise(w, random));
  }

  /** An Arabic name: given name, sometimes the father's given name (a third of the time), family name. */
  public Name arabic() {
    boolean female = random.nextInt(3) == 0;
    String given = female ? pick(AR_FEMALE) : pick(AR_MALE);
    String father = random.nextInt(3) == 0 ? pick(AR_MALE) : null;
    String family = pick(AR_FAMILY);
    String transcription = given + (father == null ? "" : " " + father) + " " + family;
    Arabic system = Arabic.values()[random.nextInt(Arabic.values().length)];
    return new Name(Script.ARABIC, arabicScript(transcription), system.romanise(transcription, random), system.name(),
        transcription);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String romaniseWords(String name, java.util.function.UnaryOperator<String> word) {
    StringBuilder b = new StringBuilder();
    for (String w : name.split(" ")) {
      if (b.length() > 0) {
        b.append(' ');
      }
      String r = word.apply(w.toLowerCase(Locale.ROOT));
      b.append(r.isEmpty() ? r : Character.toUpperCase(r.charAt(0)) + r.substring(1));
    }
    return b.toString();
  }

  static String feminine(String family) {
    if (family.endsWith("ский")) {
      return family.substring(0, family.length() - 2) + "ая";
    }
    if (family.endsWith("ов") || family.endsWith("ев") || family.endsWith("ёв") || family.endsWith("ин")) {
      return family + "а";
    }
    return family; // -енко, -ук, -ник: the same for women
  }

  static String patronymic(String father, boolean female) {
    String stem;
    String suffix;
    if (father.endsWith("ий")) {
      stem = father.substring(0, father.length() - 2) + "ь";
      suffix = "ев";
    } else if (father.endsWith("й") || father.endsWith("ь")) {
      stem = father.substring(0, father.length() - 1);
      suffix = "ев";
    } else if (father.endsWith("а") || father.endsWith("я")) {
      return father.substring(0, father.length() - 1) + (female ? "ична" : "ич");
    } else {
      stem = father;
      suffix = "ов";
    }
    if (stem.equals("Пётр")) {
      stem = "Петр";
    }
    return stem + suffix + (female ? "на" : "ич");
  }

  /** Romanisation systems of Russian Cyrillic. */
  enum Cyrillic {
    BGN_PCGN, ALA_LC, ICAO, FRENCH, GERMAN, ENGLISH;

    String romanise(String word, Random random) {
      StringBuilder b = new StringBuilder();
      String w = word.toLowerCase(Locale.ROOT);
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        char prev = i == 0 ? ' ' : w.charAt(i - 1);
        boolean initial = i == 0 || "аеёиоуыэюяйъь".indexOf(prev) >= 0;
        boolean last = i == w.length() - 1;
        String end = w.substring(i);
        // endings first: -ий/-ый written -y by popular English, -iy by BGN, -ii/-yi by ALA-LC and ICAO
        if ((end.equals("ий") || end.equals("ый")) && i > 0) {
          b.append(switch (this) {
            case BGN_PCGN -> c == 'и' ? "iy" : "yy";
            case ALA_LC, ICAO -> c == 'и' ? "ii" : "yi";
            case FRENCH -> c == 'и' ? "i" : "y";
            case GERMAN -> c == 'и' ? "i" : "y";
            case ENGLISH -> random.nextBoolean() ? "y" : "iy";
          });
          break;
        }
        if (this == ENGLISH && c == 'к' && i + 1 < w.length() && w.charAt(i + 1) == 'с') {
          b.append("x");
          i++;
          continue;
        }
        if ((this == GERMAN || this == FRENCH) && (end.equals("ов") || end.equals("ев") || end.equals("ёв"))) {
          String e = c == 'о' ? "o" : c == 'ё' ? (this == GERMAN ? "jo" : "io") : "e";
          b.append(e).append(this == GERMAN ? "w" : random.nextInt(4) == 0 ? "ff" : "v");
          break;
        }
        boolean betweenVowels = i > 0 && !last && "аеёиоуыэюя".indexOf(prev) >= 0
            && "аеёиоуыэюя".indexOf(w.charAt(i + 1)) >= 0;
        b.append(letter(c, initial, betweenVowels, random));
      }
      return b.toString();
    }

    private String letter(char c, boolean initial, boolean betweenVowels, Random random) {
      return switch (c) {
        case 'а' -> "a";
        case 'б' -> "b";
        case 'в' -> this == GERMAN ? "w" : "v";
        case 'г' -> "g";
        case 'д' -> "d";
        case 'е' -> initial ? switch (this) {
          case BGN_PCGN, ENGLISH -> "ye";
          case GERMAN -> "je";
          default -> "e";
        } : "e";
        case 'ё' -> switch (this) {
          case BGN_PCGN -> initial ? "ye" : "e";
          case ALA_LC, ICAO -> "e";
          case FRENCH -> "io";
          case GERMAN -> "jo";
          case ENGLISH -> initial ? "yo" : random.nextBoolean() ? "yo" : "e";
        };
        case 'ж' -> this == FRENCH ? "j" : this == GERMAN ? "sh" : "zh";
        case 'з' -> this == GERMAN ? "s" : "z";
        case 'и' -> "i";
        case 'й' -> switch (this) {
          case BGN_PCGN, ENGLISH -> "y";
          case ALA_LC, ICAO -> "i";
          case FRENCH -> "i";
          case GERMAN -> "j";
        };
        case 'к' -> "k";
        case 'л' -> "l";
        case 'м' -> "m";
        case 'н' -> "n";
        case 'о' -> "o";
        case 'п' -> "p";
        case 'р' -> "r";
        case 'с' -> (this == FRENCH || this == GERMAN) && betweenVowels ? "ss" : "s";
        case 'т' -> "t";
        case 'у' -> this == FRENCH ? "ou" : "u";
        case 'ф' -> "f";
        case 'х' -> switch (this) {
          case GERMAN -> "ch";
          case ENGLISH -> random.nextInt(3) == 0 ? "h" : "kh";
          default -> "kh";
        };
        case 'ц' -> this == GERMAN ? "z" : "ts";
        case 'ч' -> this == FRENCH ? "tch" : this == GERMAN ? "tsch" : "ch";
        case 'ш' -> this == FRENCH ? "ch" : this == GERMAN ? "sch" : "sh";
        case 'щ' -> this == FRENCH ? "chtch" : this == GERMAN ? "schtsch" : "shch";
        case 'ъ' -> this == ICAO ? "ie" : "";
        case 'ы' -> "y";
        case 'ь' -> "";
        case 'э' -> "e";
        case 'ю' -> switch (this) {
          case BGN_PCGN, ENGLISH -> "yu";
          case ALA_LC, ICAO -> "iu";
          case FRENCH -> "iou";
          case GERMAN -> "ju";
        };
        case 'я' -> switch (this) {
          case BGN_PCGN, ENGLISH -> "ya";
          case ALA_LC, ICAO -> "ia";
          case FRENCH -> "ia";
          case GERMAN -> "ja";
        };
        default -> String.valueOf(c);
      };
    }
  }

  /** The phonemes of a transcription: digraphs kh sh th dh gh, every other character one. */
  static List<String> phonemes(String word) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < word.length(); i++) {
      if (i + 1 < word.length() && "kstdg".indexOf(word.charAt(i)) >= 0 && word.charAt(i + 1) == 'h') {
        out.add(word.substring(i, i + 2));
        i++;
      } else {
        out.add(String.valueOf(word.charAt(i)));
      }
    }
    return out;
  }

  private static final Map<String, String> ARABIC_LETTERS = Map.ofEntries(Map.entry("b", "ب"), Map.entry("t", "ت"),
      Map.entry("th", "ث"), Map.entry("j", "ج"), Map.entry("H", "ح"), Map.entry("kh", "خ"), Map.entry("d", "د"),
      Map.entry("dh", "ذ"), Map.entry("r", "ر"), Map.entry("z", "ز"), Map.entry("s", "س"), Map.entry("sh", "ش"),
      Map.entry("S", "ص"), Map.entry("D", "ض"), Map.entry("T", "ط"), Map.entry("Z", "ظ"), Map.entry("`", "ع"),
      Map.entry("gh", "غ"), Map.entry("f", "ف"), Map.entry("q", "ق"), Map.entry("k", "ك"), Map.entry("l", "ل"),
      Map.entry("m", "م"), Map.entry("n", "ن"), Map.entry("h", "ه"), Map.entry("w", "و"), Map.entry("y", "ي"),
      Map.entry("A", "ا"), Map.entry("I", "ي"), Map.entry("U", "و"), Map.entry("@", "ة"), Map.entry("Y", "ى"),
      Map.entry("'", "ء"));

  /** The Arabic script of a transcription: short vowels unwritten, a doubled consonant once, the article joined. */
  static String arabicScript(String transcription) {
    StringBuilder b = new StringBuilder();
    for (String word : transcription.split(" ")) {
      if (b.length() > 0) {
        b.append(' ');
      }
      String w = word;
      if (w.startsWith("al-")) {
        b.append("ال");
        w = w.substring(3);
        if (w.equals("lAh")) { // Allah: alif-lam-lam-ha, the long a unwritten
          b.append("له");
          continue;
        }
      }
      List<String> ph = phonemes(w);
      String prev = "";
      for (int i = 0; i < ph.size(); i++) {
        String p = ph.get(i);
        if (i == 0 && (p.equals("a") || p.equals("u"))) {
          b.append("أ");
        } else if (i == 0 && p.equals("i")) {
          b.append("إ");
        } else if (p.equals("a") || p.equals("i") || p.equals("u")) {
          // short vowels are not written
        } else if (p.equals("'")) {
          b.append(prev.equals("i") || prev.equals("I") ? "ئ" : prev.equals("u") || prev.equals("U") ? "ؤ"
              : i == ph.size() - 1 ? "ء" : "أ");
        } else if (p.equals(prev)) {
          // a doubled consonant (shadda) is written once
        } else if (p.equals("A") && i == ph.size() - 1 && prev.equals("y")) {
          b.append("ا");
        } else {
          b.append(ARABIC_LETTERS.getOrDefault(p, p));
        }
        prev = p;
      }
    }
    return b.toString();
  }

  /** Romanisation systems of Arabic. */
  enum Arabic {
    ALA_LC, BGN_PCGN, ENGLISH, FRENCH, EGYPTIAN;

    private static final String SUN = "t th d dh r z s sh S D T Z l n";

    String romanise(String transcription, Random random) {
      StringBuilder b = new StringBuilder();
      String[] words = transcription.split(" ");
      for (int k = 0; k < words.length; k++) {
        String w = words[k];
        String sep = b.length() == 0 ? "" : " ";
        if (w.equals("`abd") && k + 1 < words.length && words[k + 1].startsWith("al-")) {
          // Abd al-Rahman: Abd al-Rahman, Abdul Rahman, Abdel Rahman, Abderrahmane, Abdulrahman
          String next = words[++k].substring(3);
          if (next.equals("lAh")) { // Abdullah, Abdallah, Abd Allah, Abdellah
            b.append(sep).append(switch (this) {
              case ALA_LC, BGN_PCGN -> random.nextBoolean() ? "Abd Allah" : "Abdallah";
              case ENGLISH -> random.nextBoolean() ? "Abdullah" : "Abdulla";
              case FRENCH -> random.nextBoolean() ? "Abdellah" : "Abdallah";
              case EGYPTIAN -> random.nextBoolean() ? "Abdallah" : "Abdalla";
            });
            continue;
          }
          String first = phonemes(next).get(0);
          String rest = word(next, random);
          String article = switch (this) {
            case ALA_LC -> "Abd al-";
            case BGN_PCGN -> "‘Abd a" + (SUN.contains(first) ? word(first, random) : "l") + "-";
            case ENGLISH -> random.nextBoolean() ? "Abdul " : "Abdul";
            case FRENCH -> "Abde" + (SUN.contains(first) ? word(first, random) : "l");
            case EGYPTIAN -> random.nextBoolean() ? "Abdel " : "Abd El-";
          };
          b.append(sep).append(article).append(article.endsWith(" ") || article.endsWith("-") ? capital(rest) : rest);
          continue;
        }
        String article = "";
        if (w.startsWith("al-")) {
          w = w.substring(3);
          String first = phonemes(w).get(0);
          article = switch (this) {
            case ALA_LC -> "al-";
            case BGN_PCGN -> "a" + (SUN.contains(first) && !first.equals("l") ? word(first, random) : "l") + "-";
            case ENGLISH -> random.nextInt(3) == 0 ? "Al " : random.nextBoolean() ? "Al-" : "Al";
            case FRENCH -> random.nextBoolean() ? "El " : "El-";
            case EGYPTIAN -> random.nextBoolean() ? "El-" : "El ";
          };
        }
        String r = word(w, random);
        b.append(sep).append(article.isEmpty() ? capital(r) : capital(article) + (article.endsWith("l")
            && !article.endsWith(" ") ? r : capital(r)));
      }
      return b.toString();
    }

    private static String capital(String s) {
      return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    String word(String w, Random random) {
      List<String> ph = phonemes(w);
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < ph.size(); i++) {
        String p = ph.get(i);
        String next = i + 1 < ph.size() ? ph.get(i + 1) : "";
        boolean last = i == ph.size() - 1;
        boolean doubled = p.equals(next) && !"aiuAIU".contains(p);
        if (doubled && (p.equals("j") || (this == FRENCH || this == EGYPTIAN) && random.nextInt(3) == 0)) {
          continue; // Mohamed: the shadda dropped
        }
        if (p.equals("a") && (next.equals("y") || next.equals("w"))
            && (i + 2 >= ph.size() || !"aiuAIU".contains(ph.get(i + 2)))) {
          b.append(next.equals("y") ? switch (this) {
            case ALA_LC, BGN_PCGN -> "ay";
            case ENGLISH -> random.nextBoolean() ? "ei" : random.nextBoolean() ? "ai" : "ay";
            case FRENCH -> random.nextBoolean() ? "ai" : "ei";
            case EGYPTIAN -> "ei";
          } : switch (this) {
            case ALA_LC, BGN_PCGN -> "aw";
            case ENGLISH -> random.nextBoolean() ? "aw" : "ou";
            case FRENCH, EGYPTIAN -> "ou";
          });
          i++;
          continue;
        }
        boolean lastVowel = i > 0 && i < ph.size() - 1;
        for (int j = i + 1; j < ph.size() && lastVowel; j++) {
          lastVowel = !"aiuAIU@Y".contains(ph.get(j));
        }
        b.append(phoneme(p, last, i == 0, lastVowel, random));
      }
      String out = b.toString();
      if (this == FRENCH && (out.endsWith("an") || out.endsWith("in")) && w.length() > 3 && w.charAt(w.length() - 2) == 'A') {
        out = out + "e"; // Othmane, Slimane
      }
      return out;
    }

    private String phoneme(String p, boolean last, boolean first, boolean lastVowel, Random random) {
      return switch (p) {
        case "a" -> switch (this) {
          case ENGLISH, EGYPTIAN -> lastVowel && random.nextInt(3) == 0 ? "e" : "a";
          case FRENCH -> lastVowel && random.nextInt(4) == 0 ? "e" : "a";
          default -> "a";
        };
        case "i" -> this == ENGLISH || this == EGYPTIAN || this == FRENCH ? random.nextInt(3) == 0 ? "e" : "i" : "i";
        case "u" -> switch (this) {
          case ENGLISH -> random.nextBoolean() ? "o" : "u";
          case FRENCH -> random.nextBoolean() ? "o" : "ou";
          case EGYPTIAN -> "o";
          default -> "u";
        };
        case "A" -> "a";
        case "I" -> this == ENGLISH && random.nextInt(4) == 0 ? "ee" : "i";
        case "U" -> switch (this) {
          case ENGLISH -> random.nextBoolean() ? "ou" : random.nextBoolean() ? "oo" : "u";
          case FRENCH, EGYPTIAN -> "ou";
          default -> "u";
        };
        case "Y" -> "a";
        case "@" -> this == ALA_LC || this == BGN_PCGN ? "ah" : random.nextInt(3) == 0 ? "ah" : "a";
        case "`", "'" -> this == ALA_LC || this == BGN_PCGN ? "'" : "";
        case "H" -> "h";
        case "S" -> "s";
        case "D" -> "d";
        case "T" -> "t";
        case "Z" -> "z";
        case "j" -> this == EGYPTIAN ? "g" : this == FRENCH ? "dj" : "j";
        case "th" -> this == EGYPTIAN ? "s" : this == FRENCH ? random.nextBoolean() ? "th" : "t" : "th";
        case "dh" -> this == EGYPTIAN ? "z" : "dh";
        case "sh" -> this == FRENCH ? "ch" : "sh";
        case "q" -> this == EGYPTIAN || this == FRENCH ? random.nextBoolean() ? "k" : "q" : "q";
        case "w" -> this == FRENCH && !last ? "ou" : "w";
        case "y" -> this == FRENCH && first ? random.nextBoolean() ? "y" : "i" : "y";
        default -> p;
      };
    }
  }
}
