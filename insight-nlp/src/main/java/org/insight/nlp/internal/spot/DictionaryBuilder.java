package org.insight.nlp.internal.spot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.insight.InsightException;
import org.insight.core.PropertyType;
import org.insight.nlp.EntitySpotter;
import org.insight.nlp.KnownEntity;
import org.insight.names.Names;
import org.insight.policy.Label;

/**
 * Builds a {@link SpotDictionary} from known entities, one at a time (nothing per entity is kept but ints), applying
 * the specificity rules (two distinctive tokens for a person; a single token only if rare, long and not a common
 * word) and adding the variants: rotations of a person's tokens, particles dropped, middle names dropped, consonant
 * skeletons. Not thread-safe.
 */
public final class DictionaryBuilder {
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
  private int namesIndexed;
  private int namesSkipped;
  private int identifiersIndexed;
  private int identifiersRejected;

  /** An empty dictionary under construction. */
  public DictionaryBuilder() {}

  /** Adds words that never name anything on their own (normalised as names are), beyond the built-in ones. */
  public void commonWords(Collection<String> words) {
    for (String w : words) {
      common.addAll(Names.tokens(w));
    }
  }

  /** Entities added so far. */
  public int entities() {
    return entityIds.size();
  }

  /** Adds an entity's names and identifiers. An entity id added twice is two entries with one id (avoid it). */
  public void add(KnownEntity e) {
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
    if (tokens.size() > EntitySpotter.MAX_NAME_TOKENS || allCommon) {
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
      insertVariants(names, entity, withoutParticles, person, NameVariants.PARTICLES_DROPPED);
    }
    if (person && distinctive.size() >= 3) {
      // texts often drop middle names: "Ivan PETROV" for Ivan Sergeyevich Petrov (first and last distinctive token)
      int[] firstLast = {token(distinctive.get(0)), token(distinctive.get(distinctive.size() - 1))};
      insertVariants(names, entity, firstLast, true, NameVariants.MIDDLE_DROPPED);
    }
    // consonant skeletons for text in scripts written without short vowels; particles dropped on both sides
    List<String> sk = tokens.stream().filter(x -> !Names.isParticle(x)).map(NameVariants::skeleton)
        .filter(x -> !x.isEmpty()).toList();
    if (sk.size() >= 2 && sk.stream().filter(x -> x.length() >= 2).count() >= 2) {
      insertVariants(skeletons, entity, sk.stream().mapToInt(this::token).toArray(), person, NameVariants.SKELETON);
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
      trie.addOutput(node, entity, r | flags | (r > 0 ? NameVariants.ROTATED : 0));
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

  /**
   * The dictionary. Single-token names are decided here, once every name's tokens are counted. Do not add to this
   * builder afterwards.
   */
  public SpotDictionary build() {
    for (long[] c : singleTokenCandidates) {
      int token = (int) c[1];
      String text = tokenText.get(token);
      if (frequency[token] == 1 && !common.contains(text) && !Names.isParticle(text)) {
        namesIndexed++;
        names.addOutput(names.childOrAdd(0, token), (int) c[0], NameVariants.SINGLE);
      } else {
        namesSkipped++;
      }
    }
    singleTokenCandidates.clear();
    String[] tokens = tokenText.toArray(new String[0]);
    boolean[] particle = new boolean[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      particle[i] = Names.isParticle(tokens[i]);
    }
    names.trim();
    skeletons.trim();
    return new SpotDictionary(entityIds.toArray(new String[0]), labels.toArray(new Label[0]), vocabulary, tokens,
        particle, names, skeletons, identifiers, namesIndexed, namesSkipped, identifiersIndexed, identifiersRejected);
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
}
