package org.insight.names;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Person and organisation names: transliteration to Latin, normalisation to comparable tokens, script detection and
 * phonetic keys. Static and thread-safe.
 *
 * <p>Normalisation, in order: NFKC, transliterate ({@link #transliterate}), decompose and drop combining marks, lowercase
 * (root locale), drop apostrophes (and the Arabic ayn/hamza marks a transliteration leaves) so that {@code O'Brien}
 * is {@code obrien}, turn every other non-letter, non-digit into a space, drop <em>leading</em> honorifics
 * ({@code Dr. Ivan Petrov} is {@code ivan petrov}; the French {@code M.} only with its dot, since a bare {@code M}
 * is as likely an initial; a name made of honorifics only is kept whole), collapse whitespace.
 *
 * <p>Particles ({@code al}, {@code el}, {@code bin}, {@code ibn}, {@code abu}, {@code van}, {@code von}, {@code de},
 * {@code da}, {@code di}, {@code del}, {@code della}, {@code le}, {@code la}, …) are <em>kept</em>, always as
 * separate tokens: a hyphen is a separator ({@code al-Khoury} is {@code al khoury}) and the Arabic definite article
 * written joined ({@code الخوري}) is split before transliteration. {@link NameSimilarity} gives particles a low
 * weight. Particles written joined in Latin script ({@code Alkhoury}) are not split. Generational suffixes
 * ({@code Jr}, {@code Sr} at the end) are kept: they tell a father from a son.
 *
 * <p>Transliteration uses the ICU4J transform {@value #TRANSLITERATOR_ID}: BGN/PCGN romanisation for Cyrillic
 * (so {@code Сергеевич} is {@code Sergeyevich}, as most Latin-script records spell it), then ICU's default
 * {@code Any-Latin} for the other scripts, then ASCII folding. Arabic and Hebrew come out without short vowels
 * ({@code محمد} is {@code mhmd}): {@link NameSimilarity} compares such tokens by consonants. Japanese kanji are read
 * as Chinese (ICU has no Japanese reading); kana are romanised.
 */
public final class Names {

  /** The ICU transform ID used by {@link #transliterate} (also usable in a Lucene {@code ICUTransformFilter}). */
  public static final String TRANSLITERATOR_ID = "Russian-Latin/BGN; Any-Latin; Latin-ASCII";

  /** Honorifics and titles dropped from the front of a name (already normalised forms). */
  private static final Set<String> HONORIFICS = Set.of(
      "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "fr",
      "sheikh", "shaikh", "sheik", "cheikh", "haji", "hajji", "hadji", "sayyid", "sayed", "mullah", "imam", "ustad",
      "mme", "mlle", "monsieur", "madame", "mademoiselle", "sr", "sra", "srta", "senor", "senora", "dona", "don",
      "herr", "frau", "sig", "sigra", "signor", "signora", "gospodin", "gospozha",
      "gen", "general", "col", "colonel", "capt", "captain", "maj", "major", "lt", "sgt", "cmdr", "adm", "brig");

  /** Honorifics only recognised when written with their abbreviation dot (else they may be initials). */
  private static final Set<String> DOTTED_HONORIFICS = Set.of("m", "mm");

  private static final Set<String> PARTICLES = Set.of(
      "al", "el", "ul", "bin", "ben", "ibn", "bint", "abu", "abou", "bou", "van", "von", "der", "den", "ter", "ten",
      "de", "da", "di", "do", "dos", "das", "del", "della", "dello", "du", "des", "le", "la", "y",
      // أبو, بن, ابن as transliterated from Arabic script (no short vowels)
      "abw", "bn", "abn");

  private static final ThreadLocal<Transliterator> TRANSLITERATOR =
      ThreadLocal.withInitial(() -> Transliterator.getInstance(TRANSLITERATOR_ID));
  private static final DoubleMetaphone METAPHONE = new DoubleMetaphone(); // thread-safe: no mutable state used

  /** The Arabic definite article written joined to a word of two or more letters, except in Allah. */
  private static final Pattern ARABIC_ARTICLE = Pattern.compile("(?<![\\p{IsArabic}])ال(?!له)(?=\\p{IsArabic}{2,})");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern INITIAL_AYN = Pattern.compile("(?<![\\p{IsArabic}])ع");
  /** {@code ad-D…}, {@code ash-Sh…}: the article before a sun letter, which it doubles (so never a plain word). */
  private static final Pattern ASSIMILATED_ARTICLE =
      Pattern.compile("(?<![\\p{L}\\p{N}])[ae](th|dh|sh|[tdrzsnl])-(?=\\1)");
  private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´ʹʻʼʽʾʿ]");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}.]+");

  private Names() {}

  /**
   * Writes a name in Latin letters (ASCII where the transform reaches): {@code Пётр Иванов} → {@code Petr Ivanov},
   * {@code Γιώργος} → {@code Giorgos}, {@code 王小明} → {@code wang xiao ming}. Case is kept where the source
   * script has case. Latin text only loses its diacritics.
   *
   * @param name any text; {@code null} is refused
   * @return the transliteration, never null
   */
  public static String transliterate(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      return name;
    }
    String input = ARABIC_ARTICLE.matcher(name).replaceAll("ال ");
    // ta marbuta is said -a(h) at the end of a name (فاطمة is Fatima, Fatimah): written h, not the t ICU gives
    input = input.replace('ة', 'ه');
    // an ayn that starts a word is heard as the vowel after it (عمر Omar, علي Ali, عبد Abd): written a, as alif is,
    // where ICU writes a mark that folding drops (and عمر would become mr, the title)
    input = INITIAL_AYN.matcher(input).replaceAll("ا");
    return TRANSLITERATOR.get().transliterate(input);
  }

  /**
   * The normal form of a name (see the class comment): {@code "Dr. Jean-Pierre FERNÁNDEZ"} →
   * {@code "jean pierre fernandez"}. Idempotent. Blank input gives {@code ""}.
   */
  public static String normalise(String name) {
    return String.join(" ", tokens(name));
  }

  /** The tokens of {@link #normalise(String)}: {@code "al-Khoury, Omar"} → {@code [al, khoury, omar]}. */
  public static List<String> tokens(String name) {
    Objects.requireNonNull(name, "name");
    String s = name;
    // to a fixed point: lowercasing can make a letter that the transform maps (Ƕ is kept, ƕ becomes hv)
    for (int round = 0; round < MAX_ROUNDS; round++) {
      String next = fold(s);
      if (next.equals(s)) {
        break;
      }
      s = next;
    }
    // the Arabic article assimilated to a sun letter and hyphenated (ad-Dawsari, ash-Shami, ar-Rahman) is al
    s = ASSIMILATED_ARTICLE.matcher(s).replaceAll("al ");
    String[] raw = SEPARATORS.split(s);
    // raw words still carry their dots: a dot is an abbreviation mark (M.) or a separator (J.P.)
    List<String> words = new ArrayList<>();
    List<Boolean> dotted = new ArrayList<>();
    for (String r : raw) {
      String[] parts = r.split("\\.", -1);
      for (int i = 0; i < parts.length; i++) {
        if (!parts[i].isEmpty()) {
          words.add(parts[i]);
          dotted.add(i < parts.length - 1);
        }
      }
    }
    int start = 0;
    while (start < words.size()
        && (HONORIFICS.contains(words.get(start)) || dotted.get(start) && DOTTED_HONORIFICS.contains(words.get(start)))) {
      start++;
    }
    if (start == words.size()) {
      // honorifics only: keep them, they are all there is — from the first that is a title only when dotted ("Dr. M."
      // is "m"), so that normalising the result changes nothing (undotted, "m" is an initial, "dr" still a title)
      start = 0;
      while (start < words.size() && HONORIFICS.contains(words.get(start))) {
        start++;
      }
      if (start == words.size()) {
        start = 0;
      }
    }
    return List.copyOf(arabicCompounds(words.subList(start, words.size())));
  }

  /**
   * The consonants of a normalised token as an abjad writes them, by class: vowels, {@code w}, {@code y} and a final
   * {@code h} dropped, a doubled letter once, the spellings of one Arabic letter as one ({@code j dj g}, {@code q k c},
   * {@code th s}, {@code dh z}, {@code sh ch sch}): {@code gamal}, {@code djamal} and {@code jmal} (from {@code جمال})
   * all give {@code jml}. A blocking key for names written in Arabic script against Latin spellings.
   */
  public static String consonantKey(String token) {
    Objects.requireNonNull(token, "token");
    return org.insight.names.internal.AbjadAlignment.consonants(token);
  }

  /** {@code Abd al-X} written joined ({@code Abdelaziz}, {@code Abderrahmane}, {@code Abdul Aziz}): {@code abd x}. */
  private static final Pattern ABD_JOINED = Pattern.compile("abd(?:oul|ul|el|al|ol|u|e|a|o)?([a-z]{3,})");
  private static final Pattern ALLAH = Pattern.compile("l?la?h?");
  private static final Set<String> ABD_WORDS = Set.of("abdul", "abdel", "abdal", "abdoul", "abdol", "abdu");

  /**
   * Arabic compound names in one form whichever way they were written: {@code Abdelaziz}, {@code Abdul Aziz},
   * {@code Abd al-Aziz} and {@code عبد العزيز} all give {@code abd} and {@code aziz} (the article {@code al}, a
   * particle, where it was written apart); {@code Abdullah} and {@code عبد الله} ({@code abdallh}) stay one name.
   * The article assimilated to a sun letter ({@code Abderrahmane}) loses its doubled letter.
   */
  private static List<String> arabicCompounds(List<String> words) {
    List<String> out = null;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      List<String> replaced = null;
      if (w.equals("abd") && i + 1 < words.size() && words.get(i + 1).equals("allh")) {
        replaced = List.of("abdallh"); // عبد الله: one name, as Abdullah is written
      } else if (ABD_WORDS.contains(w) && i + 1 < words.size()) {
        replaced = List.of("abd");
      } else if (w.startsWith("abd") && w.length() >= 6) {
        java.util.regex.Matcher m = ABD_JOINED.matcher(w);
        if (m.matches() && !ALLAH.matcher(m.group(1)).matches()) { // Abdullah is one name (Nicknames has it)
          String rest = m.group(1);
          boolean assimilated = !w.substring(3, w.length() - rest.length()).endsWith("l");
          if (assimilated && rest.length() > 3 && rest.charAt(0) == rest.charAt(1)) {
            rest = rest.substring(1);
          }
          replaced = List.of("abd", rest);
        }
      }
      if (replaced != null && out == null) {
        out = new ArrayList<>(words.subList(0, i));
      }
      if (out != null) {
        out.addAll(replaced != null ? replaced : List.of(w));
      }
      if (replaced != null && replaced.get(0).equals("abdallh")) {
        i++; // allh is in it
      }
    }
    return out == null ? words : out;
  }

  /**
   * Each token of {@link #tokens(String)} with its other romanisations: for a word written in Cyrillic, the Latin
   * spellings of the ALA-LC, popular English, French and German habits besides the BGN/PCGN one of the token
   * ({@code Хрущёв}: {@code khrushchev}, {@code khrushchyov}, {@code khrouchtchiov}, {@code chruschtschjow}…); for
   * any other token only itself. The first form of each is the token. Cross-script comparisons take the best form.
   */
  public static List<List<String>> romanisations(String name) {
    List<String> tokens = tokens(name);
    List<List<String>> out = new ArrayList<>(tokens.size());
    List<String[]> pairs = new ArrayList<>(); // {token, raw Cyrillic word or null}
    boolean cyrillic = false;
    for (String raw : SEPARATORS.split(Normalizer.normalize(name, Normalizer.Form.NFKC))) {
      for (String part : raw.split("\\.")) {
        if (part.isEmpty()) {
          continue;
        }
        boolean c = org.insight.names.internal.CyrillicRomanisations.isCyrillic(part);
        cyrillic |= c;
        for (String t : tokens(part)) {
          pairs.add(new String[] {t, c ? part : null});
        }
      }
    }
    boolean aligned = cyrillic && pairs.size() >= tokens.size();
    int offset = pairs.size() - tokens.size();
    for (int i = 0; aligned && i < tokens.size(); i++) {
      aligned = pairs.get(offset + i)[0].equals(tokens.get(i));
    }
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String raw = aligned ? pairs.get(offset + i)[1] : null;
      if (raw == null) {
        out.add(List.of(t));
        continue;
      }
      java.util.LinkedHashSet<String> forms = new java.util.LinkedHashSet<>();
      forms.add(t);
      for (String r : org.insight.names.internal.CyrillicRomanisations.of(raw)) {
        List<String> folded = tokens(r);
        if (folded.size() == 1) {
          forms.add(folded.get(0));
        }
      }
      out.add(List.copyOf(forms));
    }
    return List.copyOf(out);
  }

  private static final int MAX_ROUNDS = 4;

  static String fold(String text) {
    // printable ASCII is its own NFKC, transliteration and NFD: only case and apostrophes change (the ICU transform
    // costs ~100 us a call, which linkage at scale cannot afford); NamesTest checks this equals the full path
    if (printableAscii(text)) {
      return APOSTROPHES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    }
    return foldAnyScript(text);
  }

  private static boolean printableAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** The full fold, for any script; {@link #fold} gives the same result faster for ASCII (a test checks it). */
  static String foldAnyScript(String text) {
    // NFKC first: compatibility forms (㈣, ﬁ, full-width letters) transliterate as what they stand for
    String s = transliterate(Normalizer.normalize(text, Normalizer.Form.NFKC));
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    s = APOSTROPHES.matcher(s).replaceAll("");
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /**
   * The honorifics dropped from the front of a name, in normal form ({@code dr}, {@code sheikh}, {@code herr}…),
   * without those recognised only with a dot ({@code M.}).
   */
  public static Set<String> honorifics() {
    return HONORIFICS;
  }

  /** The name particles ({@code al}, {@code bin}, {@code van}, {@code de}…), in normal form. */
  public static Set<String> particles() {
    return PARTICLES;
  }

  /** Whether a normalised token is a name particle ({@code al}, {@code bin}, {@code van}, {@code de}…). */
  public static boolean isParticle(String token) {
    return PARTICLES.contains(token);
  }

  /** The writing systems {@link #script} tells apart. */
  public enum Script {
    /** Latin. */
    LATIN,
    /** Cyrillic. */
    CYRILLIC,
    /** Arabic (and the scripts derived from it: Persian, Urdu). */
    ARABIC,
    /** Greek. */
    GREEK,
    /** Hebrew. */
    HEBREW,
    /** Chinese, Japanese (kanji and kana) and Korean. */
    CJK,
    /** Any other script, or no letters at all. */
    OTHER,
    /** Two scripts each with at least 30% of the letters. */
    MIXED
  }

  /**
   * The dominant script of a text, counted by letters: {@link Script#MIXED} when the two most frequent scripts each
   * have at least 30% of the letters, {@link Script#OTHER} when there are no letters.
   */
  public static Script script(String text) {
    Objects.requireNonNull(text, "text");
    int[] counts = new int[Script.values().length];
    int letters = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      letters++;
      counts[scriptOf(cp).ordinal()]++;
    }
    if (letters == 0) {
      return Script.OTHER;
    }
    int first = -1;
    int second = -1;
    for (int k = 0; k < counts.length; k++) {
      if (first < 0 || counts[k] > counts[first]) {
        second = first;
        first = k;
      } else if (second < 0 || counts[k] > counts[second]) {
        second = k;
      }
    }
    if (counts[second] * 10 >= letters * 3) {
      return Script.MIXED;
    }
    return Script.values()[first];
  }

  private static Script scriptOf(int cp) {
    Character.UnicodeScript us = Character.UnicodeScript.of(cp);
    switch (us) {
      case LATIN:
        return Script.LATIN;
      case CYRILLIC:
        return Script.CYRILLIC;
      case ARABIC:
        return Script.ARABIC;
      case GREEK:
        return Script.GREEK;
      case HEBREW:
        return Script.HEBREW;
      case HAN:
      case HIRAGANA:
      case KATAKANA:
      case HANGUL:
      case BOPOMOFO:
        return Script.CJK;
      default:
        return Script.OTHER;
    }
  }

  /**
   * The Double Metaphone primary code of each normalised token that has one (tokens of digits have none):
   * {@code "Mohammed Petroff"} → {@code [MHMT, PTRF]}.
   */
  public static List<String> phoneticKeys(String name) {
    List<String> keys = new ArrayList<>();
    for (String t : tokens(name)) {
      String k = phoneticKey(t);
      if (!k.isEmpty()) {
        keys.add(k);
      }
    }
    return List.copyOf(keys);
  }

  /**
   * The Double Metaphone primary code of one token already in normal form ({@code mohammed} → {@code MHMT}), or
   * {@code ""} when it has none; for callers that hold tokens and should not pay for tokenising again.
   */
  public static String phoneticKey(String token) {
    Objects.requireNonNull(token, "token");
    String k = METAPHONE.doubleMetaphone(token);
    return k == null ? "" : k;
  }

  /** The Double Metaphone alternate code of one normalised token ({@code ""} when none); see {@link #phoneticKey}. */
  public static String alternatePhoneticKey(String token) {
    Objects.requireNonNull(token, "token");
    String k = METAPHONE.doubleMetaphone(token, true);
    return k == null ? "" : k;
  }
}
