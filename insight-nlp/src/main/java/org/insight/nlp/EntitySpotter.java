package org.insight.nlp;

import static org.insight.BuilderGuard.requireUnset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.insight.core.Document;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.nlp.internal.spot.DictionaryBuilder;
import org.insight.nlp.internal.spot.DictionarySpotter;
import org.insight.nlp.internal.spot.SpotDictionary;
import org.insight.nlp.internal.spot.SpotHit;
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

  private final SpotDictionary dictionary;
  private final DictionarySpotter spotter;
  private final int maxChars;
  private final Stats stats;

  private EntitySpotter(SpotDictionary dictionary, SelectorExtractor selectors, int maxChars) {
    this.dictionary = dictionary;
    this.spotter = new DictionarySpotter(dictionary, selectors);
    this.maxChars = maxChars;
    this.stats = new Stats(dictionary.entities(), dictionary.namesIndexed(), dictionary.namesSkipped(),
        dictionary.identifiersIndexed(), dictionary.identifiersRejected(), dictionary.trieNodes());
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
    return hits(text).stream().map(SpotHit::spot).toList();
  }

  private List<SpotHit> hits(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > maxChars) {
      throw new TextTooLargeException(text.length(), maxChars);
    }
    return spotter.hits(text);
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
    for (SpotHit h : hits(doc.text())) {
      Spot s = h.spot();
      Label entityLabel = dictionary.label(h.entity());
      Label label = entityLabel == null ? doc.label() : doc.label().and(entityLabel);
      PropertyType type = s.kind() == Spot.Kind.NAME ? PropertyType.NAME
          : s.alias().startsWith("+") ? PropertyType.PHONE
          : s.alias().contains("@") ? PropertyType.EMAIL : PropertyType.IDENTIFIER;
      out.add(new Mention(doc.id(), s.start(), s.end(), s.text(), type, s.alias(),
          Optional.of(EntityId.of(s.entityId())), s.score(), label, p));
    }
    return out;
  }

  /** Builds an {@link EntitySpotter} from known entities, added one at a time (nothing per entity is kept but ints). */
  public static final class Builder {
    private final DictionaryBuilder dictionary = new DictionaryBuilder();
    private SelectorExtractor selectors; // by default, only the kinds the dictionary's identifiers need
    private boolean selectorsSet;
    private int maxChars = SelectorExtractor.DEFAULT_MAX_CHARS;
    private boolean maxCharsSet;
    private boolean built;

    private Builder() {}

    /**
     * Words that never name anything on their own, beyond the built-in English, French, Spanish and German ones.
     * Give them before the first {@link #add}: names are checked against them as they are added.
     */
    public Builder commonWords(Collection<String> words) {
      if (dictionary.entities() > 0) {
        throw new IllegalStateException("commonWords must be given before the first add: " + dictionary.entities()
            + " entities were already checked against the built-in list");
      }
      dictionary.commonWords(words);
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
      dictionary.add(e);
      return this;
    }

    /** The spotter. The builder cannot be used afterwards. */
    public EntitySpotter build() {
      if (built) {
        throw new IllegalStateException("this builder has already built its spotter");
      }
      SpotDictionary d = dictionary.build();
      if (!selectorsSet) {
        selectors = defaultSelectors(d.identifierKeys());
      }
      built = true;
      return new EntitySpotter(d, selectors, maxChars);
    }

    /** An extractor for the kinds the identifiers can be, or null when they are all plain words. */
    private SelectorExtractor defaultSelectors(Set<String> identifiers) {
      Set<SelectorKind> kinds = EnumSet.noneOf(SelectorKind.class);
      for (String key : identifiers) {
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
      return kinds.isEmpty() ? null : SelectorExtractor.builder().kinds(kinds)
          .maxChars(Math.min(maxChars, SelectorExtractor.DEFAULT_MAX_CHARS)).build();
    }
  }
}
