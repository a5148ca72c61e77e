package org.insight.nlp;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Sentences and tokens. Apache OpenNLP's Universal Dependencies models where an {@code opennlp-models-*} jar ships
 * one — sentences for {@code en}, {@code fr}, {@code de}; tokens for {@code en}, {@code de} — and ICU's rule-based
 * {@link BreakIterator} for every other language (Spanish, Russian, Arabic, …: ICU's sentence and word rules are
 * language-independent Unicode rules with per-locale abbreviation lists), and for unknown language.
 *
 * <p>Tokens are words, numbers and punctuation marks; white space is never a token. Thread-safe; models are loaded
 * on first use and shared.
 */
public final class TextAnalysis {

  /** Languages with an OpenNLP UD sentence model on the class path. */
  public static final Set<String> SENTENCE_MODEL_LANGUAGES = Set.of("en", "fr", "de");

  /** Languages with an OpenNLP UD token model on the class path. */
  public static final Set<String> TOKEN_MODEL_LANGUAGES = Set.of("en", "de");

  private static final Map<String, String> SENTENCE_MODELS = Map.of(
      "en", "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin",
      "fr", "opennlp-fr-ud-gsd-sentence-1.3-2.5.4.bin",
      "de", "opennlp-de-ud-gsd-sentence-1.3-2.5.4.bin");
  private static final Map<String, String> TOKEN_MODELS = Map.of(
      "en", "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin",
      "de", "opennlp-de-ud-gsd-tokens-1.3-2.5.4.bin");

  private static final Map<String, SentenceModel> SENTENCE_CACHE = new ConcurrentHashMap<>();
  private static final Map<String, TokenizerModel> TOKEN_CACHE = new ConcurrentHashMap<>();

  private static final java.util.regex.Pattern PARAGRAPH_BREAK = java.util.regex.Pattern.compile("\\n[ \\t\\r\\f]*\\n\\s*");
  private static final TextAnalysis INSTANCE = new TextAnalysis();

  private TextAnalysis() {}

  /** The analyser (one shared instance: it holds only shared models). */
  public static TextAnalysis create() {
    return INSTANCE;
  }

  /**
   * The sentences of a text, each with its tokens, offsets in {@code text}.
   *
   * @param text any text
   * @param language an ISO 639-1 code, or {@code ""} / {@link LanguageGuess#UNKNOWN} for the ICU rules
   * @return the sentences in order; blank text gives none
   */
  public List<Sentence> sentences(String text, String language) {
    Objects.requireNonNull(text, "text");
    String lang = normalise(language);
    List<Sentence> out = new ArrayList<>();
    for (int[] s : sentenceSpans(text, lang)) {
      String st = text.substring(s[0], s[1]);
      out.add(new Sentence(s[0], s[1], st, tokens(st, s[0], lang)));
    }
    return out;
  }

  /**
   * The tokens of a text (no sentence split).
   *
   * @param text any text
   * @param language an ISO 639-1 code, or {@code ""} for the ICU rules
   * @return the tokens in order
   */
  public List<Token> tokens(String text, String language) {
    Objects.requireNonNull(text, "text");
    return tokens(text, 0, normalise(language));
  }

  /**
   * How a language is analysed: {@code opennlp-ud} or {@code icu} for sentences, then for tokens, e.g.
   * {@code sentences=opennlp-ud tokens=icu} for French.
   */
  public String method(String language) {
    String lang = normalise(language);
    return "sentences=" + (SENTENCE_MODELS.containsKey(lang) ? "opennlp-ud" : "icu")
        + " tokens=" + (TOKEN_MODELS.containsKey(lang) ? "opennlp-ud" : "icu");
  }

  private static String normalise(String language) {
    return language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
  }

  private List<int[]> sentenceSpans(String text, String lang) {
    List<int[]> out = new ArrayList<>();
    String resource = SENTENCE_MODELS.get(lang);
    if (resource != null) {
      SentenceModel model = SENTENCE_CACHE.computeIfAbsent(lang, l -> load(resource, SentenceModel::new));
      // OpenNLP's sentence model sees a paragraph break as any other white space: split at blank lines first
      java.util.regex.Matcher blank = PARAGRAPH_BREAK.matcher(text);
      int at = 0;
      while (at <= text.length()) {
        int paraEnd = blank.find(at) ? blank.start() : text.length();
        String para = text.substring(at, paraEnd);
        for (Span sp : new SentenceDetectorME(model).sentPosDetect(para)) {
          addTrimmed(text, at + sp.getStart(), at + sp.getEnd(), out);
        }
        at = paraEnd == text.length() ? text.length() + 1 : blank.end();
      }
      return out;
    }
    BreakIterator it = BreakIterator.getSentenceInstance(lang.isEmpty() ? ULocale.ROOT : new ULocale(lang));
    it.setText(text);
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      addTrimmed(text, start, end, out);
    }
    return out;
  }

  private static void addTrimmed(String text, int s, int e, List<int[]> out) {
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (e > s) {
      out.add(new int[] {s, e});
    }
  }

  private List<Token> tokens(String text, int offset, String lang) {
    List<Token> out = new ArrayList<>();
    String resource = TOKEN_MODELS.get(lang);
    if (resource != null) {
      TokenizerModel model = TOKEN_CACHE.computeIfAbsent(lang, l -> load(resource, TokenizerModel::new));
      for (Span sp : new TokenizerME(model).tokenizePos(text)) {
        out.add(new Token(offset + sp.getStart(), offset + sp.getEnd(), text.substring(sp.getStart(), sp.getEnd())));
      }
      return out;
    }
    BreakIterator it = BreakIterator.getWordInstance(lang.isEmpty() ? ULocale.ROOT : new ULocale(lang));
    it.setText(text);
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      if (!text.substring(start, end).isBlank()) {
        out.add(new Token(offset + start, offset + end, text.substring(start, end)));
      }
    }
    return out;
  }

  private interface ModelReader<T> {
    T read(InputStream in) throws IOException;
  }

  private static <T> T load(String resource, ModelReader<T> reader) {
    try (InputStream in = TextAnalysis.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new org.insight.InsightException("the OpenNLP model " + resource + " is not on the class path;"
            + " add its org.apache.opennlp:opennlp-models-* jar");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the OpenNLP model " + resource, e);
    }
  }
}
