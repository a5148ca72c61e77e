package org.insight.nlp;

import static org.insight.BuilderGuard.requireUnset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.insight.InsightException;
import org.insight.core.Document;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.nlp.internal.TokenTrie;
import org.insight.policy.Label;

/**
 * Finds mentions of known entities — people, organisations, their identifiers — in free text, from a dictionary
 * that may hold millions of names.
 *
 * <p><b>Names</b> are compared as tokens normalised by {@link Names#tokens} (case, diacritics, transliteration to
 * Latin, apostrophes, leading honorifics), so {@code ОМАР АЛЬ-РАШИД}, {@code Omar al-Rashid} and {@code OMAR AL RASHID}
 * name the same person. Person names are also looked for in every rotation of their tokens, which covers the
 * {@code AL-RASHID, Omar} and {@code RASHID Omar al} orders of lists and forms; organisation names keep their order.
 * Particles ({@code al}, {@code bin}, {@code van}, …) are optional on both sides: {@code Omar Rashid} in a text finds
 * the alias {@code Omar al-Rashid} and the other way round (scored a little lower). Middle names may be missing from
 * the text: a person's first and last distinctive tokens find it ({@code Ivan PETROV} finds
 * {@code Ivan Sergeyevich Petrov}, scored lower). Words in Arabic or Hebrew script,
 * written without short vowels, are matched by consonant skeleton ({@code عمر الرشيد} → {@code mr rshd} finds
 * {@code Omar Al-Rashid}), scored lower again.
 *
 * <p><b>Specificity</b>: a name is looked for only if it can hardly be anything else. A person's name needs two
 * tokens of two or more letters that are not particles ({@code Omar} alone, {@code J. Smith} and {@code Al Rashid}
 * are not looked for); an organisation's or other entity's may be a single token if that token has at least four
 * letters, is not a common word and appears in no other entity's names ({@code Europol}, not {@code Union}). A name
 * made only of common words ({@code The Company}) is not looked for either. Names left out are counted in
 * {@link Stats#namesTooUnspecific()}, never silently.
 *
 * <p><b>Identifiers</b> match exactly once cleaned as the model cleans them: phone numbers to E.164, e-mail addresses
 * with the domain lowercased, other identifiers uppercase without separators. In the text they are found by
 * {@link SelectorExtractor} (validated phones, IBANs, MRZs, cards, e-mails, wallets…) and as single words holding a
 * digit (passport and ID numbers written plainly). Identifiers shorter than five characters or without a digit are
 * not looked for.
 *
 * <p><b>Matching</b> runs a token trie (ints only: a few tens of bytes per name) leftmost-longest over the text's
 * tokens: linear in the text's length times the longest name (at most {@value #MAX_NAME_TOKENS} tokens). A sentence
 * end between two words stops a name. When several entities share a matched alias, each gets a spot, scored lower.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class EntitySpotter {

  /** The spotter version, part of each mention's provenance method. */
  public static final String VERSION = "1.0";
  /** The provenance method of the mentions this spotter makes. */
  public static final String METHOD = "spot:dictionary@" + VERSION;
  /** The longest name, in tokens, that is looked for; longer names are counted as skipped. */
  public static final int MAX_NAME_TOKENS = 8;

  private static final int ROTATED = 1 << 8;
  private static final int PARTICLES_DROPPED = 1 << 9;
  private static final int SKELETON = 1 << 10;
  private static final int SINGLE = 1 << 11;
  private static final int MIDDLE_DROPPED = 1 << 12;

  private final String[] entityIds;
  private final Label[] labels; // null entries: no label
  private final Map<String, Integer> vocabulary;
  private final String[] tokenText;
  private final boolean[] particle;
  private final TokenTrie names;
  private final TokenTrie skeletons;
  private final Map<String, int[]> identifiers;
  private final SelectorExtractor selectors;
  private final int maxChars;
  private final Stats stats;

  private EntitySpotter(Builder b) {
    this.entityIds = b.entityIds.toArray(new String[0]);
    this.labels = b.labels.toArray(new Label[0]);
    this.vocabulary = b.vocabulary;
    this.tokenText = b.tokenText.toArray(new String[0]);
    this.particle = new boolean[tokenText.length];
    for (int i = 0; i < tokenText.length; i++) {
      particle[i] = Names.isParticle(tokenText[i]);
    }
    this.names = b.names;
    this.skeletons = b.skeletons;
    this.identifiers = b.identifiers;
    this.selectors = b.selectors;
    this.maxChars = b.maxChars;
    this.stats = b.stats();
    names.trim();
    skeletons.trim();
  }

  /** A builder with no entities. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What the spotter holds and what it left out.
   *
   * @param entities known entities added
   * @param namesIndexed names looked for (before rotations and variants)
   * @param namesTooUnspecific names left out by the specificity rule or for having more than
   *     {@value #MAX_NAME_TOKENS} tokens
   * @param identifiersIndexed identifiers looked for
   * @param identifiersRejected identifiers left out: too short, no digit, or not cleanable
   * @param trieNodes nodes of the name tries (a measure of memory)
   */
  public record Stats(int entities, int namesIndexed, int namesTooUnspecific, int identifiersIndexed,
      int identifiersRejected, int trieNodes) {}

  /** What the spotter holds and what it left out. */
  public Stats stats() {
    return stats;
  }

  /**
   * The known entities mentioned in {@code text}, sorted by start then longest first.
   *
   * @throws TextTooLargeException if the text is longer than the spotter's bound
   */
  public List<Spot> spot(String text) {
    return hits(text).stream().map(Hit::spot).toList();
  }

  /** A spot and the index of its entity. */
  private record Hit(Spot spot, int entity) {}

  private List<Hit> hits(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > maxChars) {
      throw new TextTooLargeException(text.length(), maxChars);
    }
    TextTokens t = tokenize(text);
    List<Hit> out = new ArrayList<>();
    match(text, t, t.ids, names, out);
    if (t.hasSkeletons) {
      List<Hit> sk = new ArrayList<>();
      match(text, t, t.skeletonIds, skeletons, sk);
      List<Hit> exact = List.copyOf(out);
      for (Hit h : sk) {
        Spot s = h.spot();
        if (exact.stream().noneMatch(o -> o.spot().start() < s.end() && s.start() < o.spot().end())) {
          out.add(h);
        }
      }
    }
    spotIdentifiers(text, t, out);
    out.sort(Comparator.comparingInt((Hit h) -> h.spot().start())
        .thenComparing(Comparator.comparingInt((Hit h) -> h.spot().end()).reversed())
        .thenComparing(h -> h.spot().entityId()));
    return out;
  }

  /**
   * The spots in a document's text as mentions linking the document to the entities: each carries the conjunction of
   * the document's label and the entity's (a mention shows what both say), and a provenance derived from the
   * document's with method {@value #METHOD}.
   */
  public List<Mention> mentions(Document doc) {
    Objects.requireNonNull(doc, "doc");
    Provenance p = Provenance.derived(doc.provenance().dataset(), METHOD, List.of(doc.provenance()));
    List<Mention> out = new ArrayList<>();
    for (Hit h : hits(doc.text())) {
      Spot s = h.spot();
      Label entityLabel = labels[h.entity()];
      Label label = entityLabel == null ? doc.label() : doc.label().and(entityLabel);
      PropertyType type = s.kind() == Spot.Kind.NAME ? PropertyType.NAME
          : s.alias().startsWith("+") ? PropertyType.PHONE
          : s.alias().contains("@") ? PropertyType.EMAIL : PropertyType.IDENTIFIER;
      out.add(new Mention(doc.id(), s.start(), s.end(), s.text(), type, s.alias(),
          Optional.of(EntityId.of(s.entityId())), s.score(), label, p));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------- matching

  private void match(String text, TextTokens t, int[] ids, TokenTrie trie, List<Hit> out) {
    int n = t.size;
    int[] path = new int[MAX_NAME_TOKENS];
    int[] best = new int[MAX_NAME_TOKENS];
    for (int i = 0; i < n; ) {
      if (ids[i] < 0 || trie.child(0, ids[i]) < 0) {
        i++;
        continue;
      }
      int node = 0;
      int depth = 0;
      int bestNode = -1;
      int bestEnd = -1;
      int bestDepth = 0;
      boolean skipped = false;
      boolean bestSkipped = false;
      for (int j = i; j < n && depth < MAX_NAME_TOKENS; j++) {
        if (j > i && t.barrierBefore[j]) {
          break;
        }
        int tok = ids[j];
        int c = tok < 0 ? -1 : trie.child(node, tok);
        if (c < 0) {
          if (tok >= 0 && depth > 0 && particle[tok]) {
            skipped = true; // a particle the alias does not have: al-Rashid finds "Rashid"
            continue;
          }
          break;
        }
        path[depth++] = tok;
        node = c;
        if (trie.firstOutput(node) >= 0) {
          bestNode = node;
          bestEnd = j;
          bestDepth = depth;
          bestSkipped = skipped;
          System.arraycopy(path, 0, best, 0, depth);
        }
      }
      if (bestNode < 0) {
        i++;
        continue;
      }
      int start = t.starts[i];
      int end = t.ends[bestEnd];
      int count = 0;
      for (int o = trie.firstOutput(bestNode); o >= 0; o = trie.nextOutput(o)) {
        count++;
      }
      for (int o = trie.firstOutput(bestNode); o >= 0; o = trie.nextOutput(o)) {
        int info = trie.outputInfo(o);
        int e = trie.outputEntity(o);
        out.add(new Hit(new Spot(start, end, text.substring(start, end), entityIds[e], alias(best, bestDepth, info),
            Spot.Kind.NAME, score(bestDepth, info, bestSkipped, count)), e));
      }
      // the next match starts after this one's last token (several text tokens may share a word's span)
      int next = bestEnd + 1;
      while (next < n && t.starts[next] < end) {
        next++;
      }
      i = next;
    }
  }

  private String alias(int[] path, int length, int info) {
    int shift = info & 0xff;
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < length; k++) {
      if (k > 0) {
        sb.append(' ');
      }
      sb.append(tokenText[path[(k + length - shift) % length]]);
    }
    return sb.toString();
  }

  private static double score(int tokens, int info, boolean particleSkipped, int ambiguity) {
    double s = (info & SINGLE) != 0 ? 0.7 : tokens >= 4 ? 0.95 : tokens == 3 ? 0.9 : 0.85;
    if ((info & ROTATED) != 0) {
      s -= 0.05;
    }
    if ((info & PARTICLES_DROPPED) != 0 || particleSkipped) {
      s -= 0.05;
    }
    if ((info & MIDDLE_DROPPED) != 0) {
      s -= 0.1;
    }
    if ((info & SKELETON) != 0) {
      s -= 0.15;
    }
    if (ambiguity > 1) {
      s *= 0.8;
    }
    return Math.round(s * 1000) / 1000.0;
  }

  private void spotIdentifiers(String text, TextTokens t, List<Hit> out) {
    if (identifiers.isEmpty()) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (Selector s : selectors == null ? List.<Selector>of() : selectors.extract(text)) {
      String key = identifierKey(s);
      int[] entities = key == null ? null : identifiers.get(key);
      if (entities != null) {
        for (int e : entities) {
          if (seen.add(s.start() + ":" + s.end() + ":" + e)) {
            out.add(new Hit(new Spot(s.start(), s.end(), s.text(), entityIds[e], key, Spot.Kind.IDENTIFIER, 1.0), e));
          }
        }
      }
    }
    for (int w = 0; w < t.words; w++) {
      int start = t.wordStarts[w];
      int end = t.wordEnds[w];
      if (end - start < 5) {
        continue;
      }
      boolean digit = false;
      for (int k = start; k < end && !digit; k++) {
        digit = text.charAt(k) >= '0' && text.charAt(k) <= '9';
      }
      if (!digit) {
        continue;
      }
      String key = text.substring(start, end).toUpperCase(Locale.ROOT);
      int[] entities = identifiers.get(key);
      if (entities != null) {
        for (int e : entities) {
          if (seen.add(start + ":" + end + ":" + e)) {
            out.add(new Hit(new Spot(start, end, text.substring(start, end), entityIds[e], key, Spot.Kind.IDENTIFIER,
                0.95), e));
          }
        }
      }
    }
  }

  private static String identifierKey(Selector s) {
    switch (s.kind()) {
      case PHONE:
      case EMAIL:
        return s.value();
      case DATE:
      case COORDINATES:
      case URL:
      case DOMAIN:
      case IPV4:
      case IPV6:
        return null;
      default:
        return s.value().toUpperCase(Locale.ROOT);
    }
  }

  /** The cleaned form of an identifier as the dictionary keeps it, or null when it is too unspecific to look for. */
  static String cleanIdentifier(String raw) {
    String s = raw.strip();
    try {
      if (s.indexOf('@') > 0) {
        return PropertyType.EMAIL.clean(s);
      }
      String clean = s.startsWith("+") || s.startsWith("00") && s.replaceAll("[\\s().-]", "").matches("00[1-9]\\d{6,}")
          ? PropertyType.PHONE.clean(s) : PropertyType.IDENTIFIER.clean(s);
      return clean.length() >= 5 && clean.chars().anyMatch(Character::isDigit) ? clean : null;
    } catch (InsightException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------------------------------------- tokens

  /** A text's words, and their normalised tokens (a word may give several, or share its span with others). */
  private static final class TextTokens {
    int size;
    int[] ids = new int[64];
    int[] skeletonIds = new int[64];
    int[] starts = new int[64];
    int[] ends = new int[64];
    boolean[] barrierBefore = new boolean[64];
    boolean hasSkeletons;
    int words;
    int[] wordStarts = new int[64];
    int[] wordEnds = new int[64];

    void add(int id, int skeleton, int start, int end, boolean barrier) {
      if (size == ids.length) {
        int n = size * 2;
        ids = Arrays.copyOf(ids, n);
        skeletonIds = Arrays.copyOf(skeletonIds, n);
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);
        barrierBefore = Arrays.copyOf(barrierBefore, n);
      }
      ids[size] = id;
      skeletonIds[size] = skeleton;
      starts[size] = start;
      ends[size] = end;
      barrierBefore[size] = barrier;
      size++;
    }

    void word(int start, int end) {
      if (words == wordStarts.length) {
        wordStarts = Arrays.copyOf(wordStarts, words * 2);
        wordEnds = Arrays.copyOf(wordEnds, words * 2);
      }
      wordStarts[words] = start;
      wordEnds[words] = end;
      words++;
    }
  }

  private TextTokens tokenize(String text) {
    TextTokens t = new TextTokens();
    Map<String, List<String>> cache = new HashMap<>();
    int len = text.length();
    int i = 0;
    int previousEnd = -1;
    int previousLength = 0;
    while (i < len) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < len) {
        int c = text.codePointAt(i);
        if (isWordChar(c)) {
          i += Character.charCount(c);
        } else if (isApostrophe(c) && i + 1 < len && Character.isLetter(text.codePointAt(i + 1))) {
          i++;
        } else {
          break;
        }
      }
      int end = i;
      t.word(start, end);
      boolean barrier = previousEnd >= 0 && isBarrier(text, previousEnd, start, previousLength);
      previousEnd = end;
      previousLength = end - start;
      // a possessive 's and a lowercase French/Italian elision (d'Omar, l'Europol) are not part of a name
      if (end - start > 3 && isApostrophe(text.charAt(end - 2)) && (text.charAt(end - 1) | 0x20) == 's') {
        end -= 2;
      }
      int apostrophe = elision(text, start, end);
      if (apostrophe > 0) {
        start = apostrophe;
      }
      String word = text.substring(start, end);
      boolean vowelless = isVowellessScript(word.codePointAt(0));
      List<String> tokens = isAsciiAlnum(word) ? List.of(word.toLowerCase(Locale.ROOT))
          : cache.computeIfAbsent(word, Names::tokens);
      for (String tok : tokens) {
        Integer id = vocabulary.get(tok);
        int sk = -1;
        if (vowelless && !Names.isParticle(tok)) {
          Integer s = vocabulary.get(skeleton(tok));
          sk = s == null ? -1 : s;
          t.hasSkeletons = true;
        }
        if (vowelless && Names.isParticle(tok)) {
          continue; // skeletons ignore particles on both sides
        }
        t.add(id == null ? -1 : id, sk, start, end, barrier);
        barrier = false;
      }
    }
    return t;
  }

  private static boolean isBarrier(String text, int from, int to, int previousLength) {
    int newlines = 0;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c == '\n' && ++newlines == 2) {
        return true;
      }
      if ((c == '.' && previousLength > 1) || c == '!' || c == '?' || c == ';' || c == ':' || c == '|') {
        return true; // a dot after one letter is an initial (J. Smith), not a sentence end
      }
    }
    return false;
  }

  private static int elision(String text, int start, int end) {
    int a = -1;
    if (end - start > 3 && isApostrophe(text.charAt(start + 1)) && "ldjnsmtc".indexOf(text.charAt(start)) >= 0) {
      a = start + 2;
    } else if (end - start > 4 && text.startsWith("qu", start) && isApostrophe(text.charAt(start + 2))) {
      a = start + 3;
    }
    return a > 0 && Character.isUpperCase(text.charAt(a)) ? a : -1;
  }

  private static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isApostrophe(int c) {
    return c == '\'' || c == '’' || c == 'ʼ';
  }

  private static boolean isAsciiAlnum(String w) {
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVowellessScript(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.ARABIC || s == Character.UnicodeScript.HEBREW
        || s == Character.UnicodeScript.SYRIAC;
  }

  /** A token's consonants, doubled letters collapsed: rashid → rshd, mohammed → mhmd, mhmd → mhmd. */
  static String skeleton(String token) {
    StringBuilder sb = new StringBuilder(token.length());
    char last = 0;
    for (int k = 0; k < token.length(); k++) {
      char c = token.charAt(k);
      if ("aeiouyw".indexOf(c) >= 0) {
        continue;
      }
      if (c != last) {
        sb.append(c);
      }
      last = c;
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------- building

  /** Builds an {@link EntitySpotter} from known entities, added one at a time (nothing per entity is kept but ints). */
  public static final class Builder {
    private static final Set<String> COMMON = Set.copyOf(List.of(
        // English
        "the", "and", "for", "with", "from", "that", "this", "have", "will", "your", "about", "there", "their",
        "what", "when", "where", "which", "other", "some", "time", "people", "year", "good", "new", "first", "last",
        "long", "great", "little", "own", "old", "right", "big", "high", "different", "small", "large", "next",
        "early", "young", "important", "public", "bad", "same", "able", "company", "group", "bank", "international",
        "national", "united", "union", "general", "service", "services", "trading", "trade", "global", "world",
        "limited", "ltd", "inc", "corp", "corporation", "holding", "holdings", "association", "foundation",
        "police", "report", "street", "road", "house", "city", "state", "north", "south", "east", "west", "black",
        "white", "green", "brown", "king", "young", "john", "james", "mohammed", "ali",
        // French
        "les", "des", "une", "pour", "dans", "avec", "sur", "par", "pas", "plus", "tout", "mais", "comme", "nous",
        "vous", "elle", "ils", "cette", "entre", "rue", "maison", "societe", "groupe", "banque", "nord", "sud",
        // Spanish, German, Italian
        "los", "las", "una", "por", "para", "con", "como", "pero", "calle", "casa", "grupo", "empresa", "der",
        "die", "das", "und", "mit", "von", "den", "dem", "ein", "eine", "strasse", "gesellschaft", "gmbh", "della",
        "il", "gli", "per", "con", "societa"));

    private final List<String> entityIds = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final Map<Label, Label> internedLabels = new HashMap<>();
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final List<String> tokenText = new ArrayList<>();
    private int[] frequency = new int[1024]; // in how many entities' names each token appears
    private final TokenTrie names = new TokenTrie();
    private final TokenTrie skeletons = new TokenTrie();
    private final Map<String, int[]> identifiers = new HashMap<>();
    private final List<long[]> singleTokenCandidates = new ArrayList<>(); // {entity, token}
    private final Set<String> common = new HashSet<>(COMMON);
    private SelectorExtractor selectors; // by default, only the kinds the dictionary's identifiers need
    private boolean selectorsSet;
    private int maxChars = SelectorExtractor.DEFAULT_MAX_CHARS;
    private boolean maxCharsSet;
    private int namesIndexed;
    private int namesSkipped;
    private int identifiersIndexed;
    private int identifiersRejected;
    private boolean built;

    private Builder() {}

    /**
     * Words that never name anything on their own, beyond the built-in English, French, Spanish and German ones.
     * Give them before the first {@link #add}: names are checked against them as they are added.
     */
    public Builder commonWords(Collection<String> words) {
      if (!entityIds.isEmpty()) {
        throw new IllegalStateException("commonWords must be given before the first add: " + entityIds.size()
            + " entities were already checked against the built-in list");
      }
      for (String w : words) {
        common.addAll(Names.tokens(w));
      }
      return this;
    }

    /**
     * The extractor finding identifiers written with separators in text (phones, IBANs, cards, e-mails, MRZs). By
     * default one with no phone region and only the kinds the dictionary's identifiers can be: none at all when they
     * are all plain words (passport numbers), which the word pass finds alone.
     */
    public Builder selectors(SelectorExtractor extractor) {
      requireUnset(selectorsSet, "selectors", selectors);
      selectors = Objects.requireNonNull(extractor, "extractor");
      selectorsSet = true;
      return this;
    }

    /** The input bound in UTF-16 chars (as {@link SelectorExtractor}'s by default). */
    public Builder maxChars(int max) {
      requireUnset(maxCharsSet, "maxChars", maxChars);
      if (max < 1) {
        throw new IllegalArgumentException("maxChars must be positive, got " + max);
      }
      maxChars = max;
      maxCharsSet = true;
      return this;
    }

    /** Adds the entities; see {@link #add(KnownEntity)}. */
    public Builder addAll(Iterable<KnownEntity> entities) {
      entities.forEach(this::add);
      return this;
    }

    /** Adds an entity's names and identifiers. An entity id added twice is two entries with one id (avoid it). */
    public Builder add(KnownEntity e) {
      Objects.requireNonNull(e, "entity");
      if (built) {
        throw new IllegalStateException("this builder has built its spotter; start a new one with EntitySpotter.builder()");
      }
      int index = entityIds.size();
      entityIds.add(e.id());
      labels.add(e.label().map(l -> internedLabels.computeIfAbsent(l, x -> x)).orElse(null));
      Set<Integer> counted = new HashSet<>();
      for (String raw : new LinkedHashSet<>(e.names())) {
        addName(index, e.kind(), Names.tokens(raw), counted);
      }
      for (String raw : new LinkedHashSet<>(e.identifiers())) {
        String key = cleanIdentifier(raw);
        if (key == null) {
          identifiersRejected++;
          continue;
        }
        int[] old = identifiers.get(key);
        if (old == null) {
          identifiers.put(key, new int[] {index});
        } else if (old[old.length - 1] != index) {
          int[] n = Arrays.copyOf(old, old.length + 1);
          n[old.length] = index;
          identifiers.put(key, n);
        }
        identifiersIndexed++;
      }
      return this;
    }

    private void addName(int entity, KnownEntity.Kind kind, List<String> tokens, Set<Integer> counted) {
      if (tokens.isEmpty()) {
        return;
      }
      int[] ids = new int[tokens.size()];
      for (int k = 0; k < ids.length; k++) {
        ids[k] = token(tokens.get(k));
        if (counted.add(ids[k])) {
          frequency[ids[k]]++;
        }
      }
      List<String> distinctive = tokens.stream().filter(x -> x.length() >= 2 && !Names.isParticle(x)).toList();
      boolean allCommon = tokens.stream().allMatch(x -> common.contains(x) || Names.isParticle(x));
      if (tokens.size() > MAX_NAME_TOKENS || allCommon) {
        namesSkipped++;
        return;
      }
      if (distinctive.size() < 2) {
        if (kind != KnownEntity.Kind.PERSON && tokens.size() == 1 && tokens.get(0).length() >= 4) {
          singleTokenCandidates.add(new long[] {entity, ids[0]}); // decided in build(), once frequencies are known
        } else {
          namesSkipped++;
        }
        return;
      }
      namesIndexed++;
      boolean person = kind == KnownEntity.Kind.PERSON;
      insertVariants(names, entity, ids, person, 0);
      int[] withoutParticles = tokens.stream().filter(x -> !Names.isParticle(x)).mapToInt(this::token).toArray();
      if (withoutParticles.length < ids.length && withoutParticles.length >= 2) {
        insertVariants(names, entity, withoutParticles, person, PARTICLES_DROPPED);
      }
      if (person && distinctive.size() >= 3) {
        // texts often drop middle names: "Ivan PETROV" for Ivan Sergeyevich Petrov (first and last distinctive token)
        int[] firstLast = {token(distinctive.get(0)), token(distinctive.get(distinctive.size() - 1))};
        insertVariants(names, entity, firstLast, true, MIDDLE_DROPPED);
      }
      // consonant skeletons for text in scripts written without short vowels; particles dropped on both sides
      List<String> sk = tokens.stream().filter(x -> !Names.isParticle(x)).map(EntitySpotter::skeleton)
          .filter(x -> !x.isEmpty()).toList();
      if (sk.size() >= 2 && sk.stream().filter(x -> x.length() >= 2).count() >= 2) {
        insertVariants(skeletons, entity, sk.stream().mapToInt(this::token).toArray(), person, SKELETON);
      }
    }

    private void insertVariants(TokenTrie trie, int entity, int[] ids, boolean rotate, int flags) {
      int n = ids.length;
      int rotations = rotate ? n : 1;
      for (int r = 0; r < rotations; r++) {
        int node = 0;
        for (int k = 0; k < n; k++) {
          node = trie.childOrAdd(node, ids[(k + r) % n]);
        }
        // the info keeps the rotation r: the alias's token k is the matched path's token (k - r) mod n
        trie.addOutput(node, entity, r | flags | (r > 0 ? ROTATED : 0));
      }
    }

    private int token(String t) {
      Integer id = vocabulary.get(t);
      if (id == null) {
        id = tokenText.size();
        vocabulary.put(t, id);
        tokenText.add(t);
        if (id == frequency.length) {
          frequency = Arrays.copyOf(frequency, id * 2);
        }
      }
      return id;
    }

    private Stats stats() {
      return new Stats(entityIds.size(), namesIndexed, namesSkipped, identifiersIndexed, identifiersRejected,
          names.nodes() + skeletons.nodes());
    }

    /** The spotter. The builder cannot be used afterwards. */
    public EntitySpotter build() {
      if (built) {
        throw new IllegalStateException("this builder has already built its spotter");
      }
      for (long[] c : singleTokenCandidates) {
        int token = (int) c[1];
        String text = tokenText.get(token);
        if (frequency[token] == 1 && !common.contains(text) && !Names.isParticle(text)) {
          namesIndexed++;
          names.addOutput(names.childOrAdd(0, token), (int) c[0], SINGLE);
        } else {
          namesSkipped++;
        }
      }
      singleTokenCandidates.clear();
      if (!selectorsSet) {
        Set<SelectorKind> kinds = java.util.EnumSet.noneOf(SelectorKind.class);
        for (String key : identifiers.keySet()) {
          if (key.startsWith("+")) {
            kinds.add(SelectorKind.PHONE);
          } else if (key.indexOf('@') > 0) {
            kinds.add(SelectorKind.EMAIL);
          } else if (key.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}")) {
            kinds.add(SelectorKind.IBAN);
          } else if (key.matches("[0-9]{13,19}")) {
            kinds.add(SelectorKind.PAYMENT_CARD);
            kinds.add(SelectorKind.IMEI);
          }
          if (kinds.size() == 5) {
            break;
          }
        }
        selectors = kinds.isEmpty() ? null : SelectorExtractor.builder().kinds(kinds)
            .maxChars(Math.min(maxChars, SelectorExtractor.DEFAULT_MAX_CHARS)).build();
      }
      built = true;
      return new EntitySpotter(this);
    }
  }
}
