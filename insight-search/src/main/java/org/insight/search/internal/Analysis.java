package org.insight.search.internal;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.util.AttributeSource;
import org.insight.names.Names;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The Lucene analyzers of the search index. Not API. Every analyzer here is built once and shared (Lucene analyzers
 * are thread-safe; each thread gets its own token stream components).
 *
 * <p>Text. One analyzer per supported language ({@link #LANGUAGES}) following Lucene's own language analyzer
 * (tokenizer, elision, stop words, stemmer) with one change: case and diacritics are folded by
 * {@link ICUFoldingFilter}. The folding runs <em>after</em> the stemmer — the stop lists and the stemmers are
 * written for accented lowercase text (Russian {@code й} and {@code ё}, German {@code ß}, French {@code été}), and
 * folding them first would both miss stop words and break suffix rules; a {@link LowerCaseFilter} stands in front
 * of the stop filter instead. Any other language gets {@link #text(String) the generic analyzer}: ICU tokenizer
 * (dictionary segmentation for Chinese, Japanese, Thai…) and ICU folding, no stop words, no stemming.
 *
 * <p>Names. {@link #name()} transliterates each token to Latin with the transform of
 * {@link Names#TRANSLITERATOR_ID}, folds, drops apostrophes and drops leading honorifics ({@link Names#honorifics()};
 * a name made only of honorifics is kept), so {@code Dr. Пётр ИВАНОВ} indexes {@code petr}, {@code ivanov}: the
 * same tokens as {@link Names#tokens} for most names (not for Japanese kana, which the standard tokenizer splits
 * per character before transliteration). {@link #namePhonetic()} adds Double Metaphone codes. Double Metaphone was
 * preferred over Beider-Morse: it is one short code per token (Beider-Morse emits dozens of alternatives per token
 * and costs an order of magnitude more at index and query time), and the names reach it already transliterated.
 */
public final class Analysis {

  /** The languages with their own analyzer and field. */
  public static final List<String> LANGUAGES = List.of("en", "fr", "es", "ar", "ru", "de");

  /** The field of text in no supported language. */
  public static final String TEXT = "text";
  /** The name field ({@link #name()}). */
  public static final String NAME = "name";
  /** The phonetic name field ({@link #namePhonetic()}). */
  public static final String NAME_PHONETIC = "name_phonetic";
  /** Fields whose name starts with this prefix are keywords: indexed as one untouched token. */
  public static final String KEYWORD_PREFIX = "_";

  /** The Arabic article written joined to a word (not in Allah); split as in {@link Names#transliterate}. */
  private static final Pattern ARABIC_ARTICLE = Pattern.compile("(?<![\\p{IsArabic}])ال(?!له)(?=\\p{IsArabic}{2,})");
  /** Apostrophes and the letters that write them in transliterations, dropped from name tokens. */
  static final String APOSTROPHES = "'’‘`´ʹʻʼʽʾʿ";

  private static final Analyzer GENERIC = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new ICUTokenizer();
      return new TokenStreamComponents(source, new NameFilters.Fold(source));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new NameFilters.Fold(in);
    }
  };

  /** {@link #GENERIC} for a text that {@link LatinText#segmentsAsIcu} (the same tokens, at a fraction of the cost). */
  private static final Analyzer GENERIC_LATIN = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      return new TokenStreamComponents(source, new NameFilters.Fold(source));
    }
  };

  private static final Map<String, Analyzer> BY_LANGUAGE = Map.of(
      "en", language(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, (src, ts) -> new PorterStemFilter(ts), true, false),
      "fr", language(FrenchAnalyzer.getDefaultStopSet(), (src, ts) -> new FrenchLightStemFilter(ts), false, true),
      "es", language(SpanishAnalyzer.getDefaultStopSet(), (src, ts) -> new SpanishLightStemFilter(ts), false, false),
      "de", language(GermanAnalyzer.getDefaultStopSet(),
          (src, ts) -> new GermanLightStemFilter(new GermanNormalizationFilter(ts)), false, false),
      "ru", language(RussianAnalyzer.getDefaultStopSet(), (src, ts) -> new SnowballFilter(ts, new RussianStemmer()),
          false, false),
      "ar", language(ArabicAnalyzer.getDefaultStopSet(),
          (src, ts) -> new ArabicStemFilter(new ArabicNormalizationFilter(new DecimalDigitFilter(ts))), false, false));

  private static final Analyzer NAME_ANALYZER = nameAnalyzer(false, false);
  private static final Analyzer NAME_PHONETIC_ANALYZER = nameAnalyzer(true, false);
  private static final Analyzer TEXT_NAME_ANALYZER = nameAnalyzer(false, true);
  private static final Analyzer TEXT_NAME_PHONETIC_ANALYZER = nameAnalyzer(true, true);
  private static final Analyzer KEYWORD = new KeywordAnalyzer();
  private static final PerField PER_FIELD = new PerField();

  private Analysis() {}

  /**
   * The text analyzer of a language (ISO 639-1 code, case-insensitive, region ignored: {@code fr-CA} is
   * {@code fr}); the generic folded analyzer for {@code ""}, {@code null} or any language without its own.
   */
  public static Analyzer text(String language) {
    Analyzer a = BY_LANGUAGE.get(languageCode(language));
    return a == null ? GENERIC : a;
  }

  /** The text field of a language: {@code text_fr}, or {@link #TEXT} for a language without its own analyzer. */
  public static String textField(String language) {
    String code = languageCode(language);
    return BY_LANGUAGE.containsKey(code) ? TEXT + "_" + code : TEXT;
  }

  /**
   * The index analyzer: {@code text_<lang>} fields by their language, {@link #NAME} and {@link #NAME_PHONETIC} by
   * the name analyzers, fields starting with {@link #KEYWORD_PREFIX} as keywords, and every other field (among them
   * {@link #TEXT}) by the generic text analyzer. A {@link DelegatingAnalyzerWrapper} rather than a
   * {@code PerFieldAnalyzerWrapper}, which can only map exact field names.
   */
  public static Analyzer perFieldText() {
    return PER_FIELD;
  }

  /**
   * The analyzer {@link #perFieldText()} gives {@code field}, or one that gives {@code text} the same tokens for less:
   * the standard tokenizer in place of ICU's for a generic field's text that {@link LatinText#segmentsAsIcu}.
   */
  static Analyzer indexAnalyzer(String field, String text) {
    Analyzer a = PER_FIELD.getWrappedAnalyzer(field);
    return a == GENERIC && LatinText.segmentsAsIcu(text) ? GENERIC_LATIN : a;
  }

  /** Every full-text field a document's text is indexed under: the generic folded one and one per language. */
  public static List<String> textFields() {
    List<String> fields = new java.util.ArrayList<>();
    fields.add(TEXT);
    for (String language : LANGUAGES) {
      fields.add(textField(language));
    }
    return fields;
  }

  /** The tokens an analyzer makes of a text, for building queries term by term. */
  public static List<String> tokens(Analyzer analyzer, String text) {
    List<String> out = new java.util.ArrayList<>();
    try (org.apache.lucene.analysis.TokenStream ts = analyzer.tokenStream("", text)) {
      org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** Names across scripts: transliterated, folded, without leading honorifics. */
  public static Analyzer name() {
    return NAME_ANALYZER;
  }

  /** {@link #name()} followed by Double Metaphone (primary and alternate codes, original tokens not kept). */
  public static Analyzer namePhonetic() {
    return NAME_PHONETIC_ANALYZER;
  }

  /**
   * A text's name tokens, analysed once for both {@link #NAME} ({@link RecordedTokens#replay()}) and
   * {@link #NAME_PHONETIC} ({@link RecordedTokens#phonetic()}).
   */
  static RecordedTokens nameTokens(String text) {
    return RecordedTokens.of(NAME_ANALYZER, NAME, text);
  }

  /**
   * The name tokens of running text (a document's): {@link #name()} over its name-bearing words only
   * ({@link NameBearingFilter}), recorded once for both {@link #NAME} and {@link #NAME_PHONETIC}.
   */
  static RecordedTokens textNameTokens(String text) {
    return RecordedTokens.of(TEXT_NAME_ANALYZER, NAME, text);
  }

  /** What {@link #textNameTokens} gives, as an analyzer of one name field (for texts too long to record). */
  static Analyzer textNames(boolean phonetic) {
    return phonetic ? TEXT_NAME_PHONETIC_ANALYZER : TEXT_NAME_ANALYZER;
  }

  private static String languageCode(String language) {
    if (language == null) {
      return "";
    }
    String code = language.strip().toLowerCase(Locale.ROOT);
    int dash = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
    return dash >= 0 ? code.substring(0, dash) : code;
  }

  @FunctionalInterface
  private interface Stemming {
    TokenStream apply(Tokenizer source, TokenStream in);
  }

  private static Analyzer language(CharArraySet stopWords, Stemming stemming, boolean english, boolean elision) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = source;
        if (english) {
          ts = new EnglishPossessiveFilter(ts);
        }
        if (elision) {
          ts = new ElisionFilter(ts, FrenchAnalyzer.DEFAULT_ARTICLES);
        }
        ts = new LowerCaseFilter(ts);
        ts = new StopFilter(ts, stopWords);
        ts = stemming.apply(source, ts);
        ts = new NameFilters.Fold(ts);
        return new TokenStreamComponents(source, ts);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new NameFilters.Fold(in);
      }
    };
  }

  private static Analyzer nameAnalyzer(boolean phonetic, boolean nameBearingOnly) {
    CharArraySet honorifics = CharArraySet.unmodifiableSet(new CharArraySet(Names.honorifics(), false));
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return NameFilters.arabicArticles(reader, ARABIC_ARTICLE, "ال ");
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        // before transliterating: the other words of running text never reach the costly steps
        TokenStream ts = nameBearingOnly ? new NameBearingFilter(source) : source;
        ts = new NameFilters.Transliterate(ts, Transliterator.getInstance(Names.TRANSLITERATOR_ID));
        ts = new NameFilters.Fold(ts);
        ts = new NameFilters.DropChars(ts, APOSTROPHES);
        ts = new LeadingHonorificFilter(ts, honorifics);
        if (phonetic) {
          ts = new NameFilters.Phonetic(ts);
        }
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  /** Drops the honorifics at the front of a name, unless the name has nothing else. */
  static final class LeadingHonorificFilter extends TokenFilter {
    private final CharArraySet honorifics;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final List<AttributeSource.State> held = new ArrayList<>();
    private boolean pastFront;
    private int replay = -1;

    LeadingHonorificFilter(TokenStream in, CharArraySet honorifics) {
      super(in);
      this.honorifics = honorifics;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (replay >= 0) {
        if (replay < held.size()) {
          restoreState(held.get(replay++));
          return true;
        }
        return false;
      }
      if (pastFront) {
        return input.incrementToken();
      }
      int skipped = 0;
      while (input.incrementToken()) {
        if (honorifics.contains(term.buffer(), 0, term.length())) {
          held.add(captureState());
          skipped += posInc.getPositionIncrement();
          continue;
        }
        pastFront = true;
        if (!held.isEmpty()) {
          posInc.setPositionIncrement(posInc.getPositionIncrement() + skipped); // as a stop filter would
          held.clear();
        }
        return true;
      }
      // only honorifics: give them back
      replay = 0;
      if (held.isEmpty()) {
        return false;
      }
      restoreState(held.get(replay++));
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      held.clear();
      pastFront = false;
      replay = -1;
    }
  }

  /** Per-field delegation: languages, names, keywords by prefix, generic text for the rest. */
  private static final class PerField extends DelegatingAnalyzerWrapper {
    PerField() {
      super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    public Analyzer getWrappedAnalyzer(String fieldName) {
      if (fieldName.startsWith(KEYWORD_PREFIX)) {
        return KEYWORD;
      }
      if (fieldName.equals(NAME)) {
        return NAME_ANALYZER;
      }
      if (fieldName.equals(NAME_PHONETIC)) {
        return NAME_PHONETIC_ANALYZER;
      }
      if (fieldName.startsWith(TEXT + "_")) {
        Analyzer a = BY_LANGUAGE.get(fieldName.substring(TEXT.length() + 1));
        if (a != null) {
          return a;
        }
      }
      return GENERIC;
    }
  }
}
