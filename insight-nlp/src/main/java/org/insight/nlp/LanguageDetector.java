package org.insight.nlp;

import static org.insight.BuilderGuard.requireUnset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.insight.InsightException;
import org.insight.nlp.internal.Iso639;

/**
 * Identifies the language of a text, and of each passage of a mixed-language text, with Apache OpenNLP's
 * language-detection model ({@code langdetect-183.bin}, 103 languages, Apache-2.0, loaded from the
 * {@code opennlp-models-langdetect} jar on the class path; nothing is downloaded).
 *
 * <p>Codes out are ISO 639-1 ({@code en}, {@code fr}, {@code ar}); the model's ISO 639-3 codes are mapped, including
 * the individual languages of a macrolanguage ({@code cmn} is {@code zh}, {@code pes} is {@code fa}); a language with
 * no two-letter code keeps its three-letter one.
 *
 * <p>Honest about short and ambiguous input: the model's probabilities are spread over 103 languages, so the
 * confidence reported is the best candidate's margin over the runner-up, {@code (p1 - p2) / p1}. A text with fewer
 * than {@link #DEFAULT_MIN_LETTERS} letters, or whose confidence is below {@link #DEFAULT_MIN_CONFIDENCE}, is
 * {@link LanguageGuess#UNKNOWN}. Measured on the model: one clear sentence of English, French or Russian gives
 * 0.3–0.9; a two-word name or a heading like {@code Report 2026/118 - Operation Heron} gives under 0.1; one short
 * Arabic sentence is close to Pashto (about 0.07) while three sentences give 0.86.
 *
 * <p>Passages: the text is cut at blank lines into paragraphs, and paragraphs longer than
 * {@link Builder#passageChars(int)} (1,000 by default) into windows ending at a sentence end; each piece is identified
 * on its own and adjacent pieces of the same language are merged. Whole-text identification reads at most the first
 * 20,000 chars.
 *
 * <p>Immutable and thread-safe; the model (10 MB) is loaded once per class loader and shared.
 */
public final class LanguageDetector {

  /** The provenance method of a language identified by this detector. */
  public static final String METHOD = "lang:opennlp@langdetect-1.8.3";

  /** Fewer letters than this and the answer is unknown. */
  public static final int DEFAULT_MIN_LETTERS = 20;

  /** A lower confidence than this and the answer is unknown. */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.2;

  private static final int SAMPLE_CHARS = 20_000;
  private static final String MODEL_RESOURCE = "langdetect-183.bin";

  private final LanguageDetectorModel model;
  private final int minLetters;
  private final double minConfidence;
  private final int passageChars;

  private LanguageDetector(Builder b) {
    this.model = ModelHolder.MODEL;
    this.minLetters = b.minLetters;
    this.minConfidence = b.minConfidence;
    this.passageChars = b.passageChars;
  }

  /** A detector with the default thresholds. */
  public static LanguageDetector create() {
    return builder().build();
  }

  /** A builder with the default thresholds. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The language of the whole text (of its first 20,000 chars).
   *
   * @param text any text
   * @return the language, or unknown when the text is too short or ambiguous
   */
  public LanguageGuess detect(String text) {
    Objects.requireNonNull(text, "text");
    String sample = text.length() <= SAMPLE_CHARS ? text : text.substring(0, cutAtSpace(text, 0, SAMPLE_CHARS));
    return guess(sample);
  }

  /**
   * The text's passages with their languages, in order; adjacent passages of the same language are merged. Blank
   * text gives no passage.
   *
   * @param text any text
   * @return the passages, in text order, not overlapping
   */
  public List<LanguagePassage> passages(String text) {
    Objects.requireNonNull(text, "text");
    List<LanguagePassage> out = new ArrayList<>();
    for (int[] piece : pieces(text)) {
      LanguageGuess g = guess(text.substring(piece[0], piece[1]));
      if (!out.isEmpty() && out.get(out.size() - 1).language().equals(g.language())) {
        LanguagePassage last = out.remove(out.size() - 1);
        double weight = last.end() - last.start();
        double w = piece[1] - piece[0];
        double merged = (last.guess().confidence() * weight + g.confidence() * w) / (weight + w);
        out.add(new LanguagePassage(last.start(), piece[1], new LanguageGuess(g.language(), Math.min(1, merged))));
      } else {
        out.add(new LanguagePassage(piece[0], piece[1], g));
      }
    }
    return out;
  }

  /** The languages the model knows, as this detector reports them (ISO 639-1 where one exists). */
  public List<String> supportedLanguages() {
    List<String> out = new ArrayList<>();
    for (String code : new LanguageDetectorME(model).getSupportedLanguages()) {
      out.add(Iso639.toTwoLetter(code));
    }
    out.sort(null);
    return out;
  }

  private LanguageGuess guess(String text) {
    int letters = 0;
    for (int i = 0; i < text.length() && letters < minLetters; i++) {
      if (Character.isLetter(text.charAt(i))) {
        letters++;
      }
    }
    if (letters < minLetters) {
      return LanguageGuess.unknown();
    }
    // LanguageDetectorME keeps no state between calls but is not documented thread-safe: one per call, it is cheap
    Language[] ranked = new LanguageDetectorME(model).predictLanguages(text);
    double p1 = ranked[0].getConfidence();
    double p2 = ranked.length > 1 ? ranked[1].getConfidence() : 0;
    double confidence = p1 <= 0 ? 0 : Math.max(0, Math.min(1, (p1 - p2) / p1));
    if (confidence < minConfidence) {
      return LanguageGuess.unknown();
    }
    return new LanguageGuess(Iso639.toTwoLetter(ranked[0].getLang()), confidence);
  }

  /** Paragraphs (cut at blank lines) and windows of long paragraphs, trimmed, as [start, end) pairs. */
  private List<int[]> pieces(String text) {
    List<int[]> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int paraEnd = nextBlankLine(text, i);
      int s = skipSpace(text, i, paraEnd);
      while (s < paraEnd) {
        int e = paraEnd - s <= passageChars ? paraEnd : windowEnd(text, s, paraEnd);
        int te = e;
        while (te > s && Character.isWhitespace(text.charAt(te - 1))) {
          te--;
        }
        if (te > s) {
          out.add(new int[] {s, te});
        }
        s = skipSpace(text, e, paraEnd);
      }
      i = paraEnd;
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
    }
    return out;
  }

  /** The end of the paragraph starting at {@code from}: the start of the next line that is blank, or the text end. */
  private static int nextBlankLine(String text, int from) {
    int n = text.length();
    int i = text.indexOf('\n', from);
    while (i >= 0 && i < n) {
      int j = i + 1;
      while (j < n && text.charAt(j) != '\n' && Character.isWhitespace(text.charAt(j))) {
        j++;
      }
      if (j < n && text.charAt(j) == '\n') {
        return i;
      }
      i = text.indexOf('\n', j);
    }
    return n;
  }

  /** Where a window of a long paragraph ends: after the last sentence end in its second half, else a space. */
  private int windowEnd(String text, int start, int limit) {
    int max = Math.min(limit, start + passageChars);
    for (int i = max - 1; i > start + passageChars / 2; i--) {
      char c = text.charAt(i);
      if ((c == '.' || c == '!' || c == '?' || c == '。' || c == '؟' || c == '\n')
          && i + 1 < limit && Character.isWhitespace(text.charAt(i + 1))) {
        return i + 1;
      }
    }
    return cutAtSpace(text, start, max);
  }

  /** A cut at or before {@code max}, after a space in the second half of [from, max) if there is one. */
  private static int cutAtSpace(String text, int from, int max) {
    for (int i = max; i > from + (max - from) / 2; i--) {
      if (Character.isWhitespace(text.charAt(i - 1))) {
        return i;
      }
    }
    return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
  }

  private static int skipSpace(String text, int i, int limit) {
    while (i < limit && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static final class ModelHolder {
    static final LanguageDetectorModel MODEL = load();

    private static LanguageDetectorModel load() {
      try (InputStream in = LanguageDetector.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
        if (in == null) {
          throw new InsightException("the language-detection model " + MODEL_RESOURCE + " is not on the class path;"
              + " add the org.apache.opennlp:opennlp-models-langdetect jar");
        }
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("could not read the language-detection model " + MODEL_RESOURCE, e);
      }
    }
  }

  /** Builds a {@link LanguageDetector}; each setting may be given once. */
  public static final class Builder {
    private int minLetters = DEFAULT_MIN_LETTERS;
    private boolean minLettersSet;
    private double minConfidence = DEFAULT_MIN_CONFIDENCE;
    private boolean minConfidenceSet;
    private int passageChars = 1_000;
    private boolean passageCharsSet;

    private Builder() {}

    /**
     * Fewer letters than this and a text's language is unknown.
     *
     * @param letters at least 1
     * @return this builder
     */
    public Builder minLetters(int letters) {
      requireUnset(minLettersSet, "minLetters", minLetters);
      if (letters < 1) {
        throw new IllegalArgumentException("minLetters must be at least 1, got " + letters);
      }
      minLetters = letters;
      minLettersSet = true;
      return this;
    }

    /**
     * A lower confidence than this and a text's language is unknown.
     *
     * @param confidence in [0, 1]
     * @return this builder
     */
    public Builder minConfidence(double confidence) {
      requireUnset(minConfidenceSet, "minConfidence", minConfidence);
      if (!(confidence >= 0 && confidence <= 1)) {
        throw new IllegalArgumentException("minConfidence must be in [0, 1], got " + confidence);
      }
      minConfidence = confidence;
      minConfidenceSet = true;
      return this;
    }

    /**
     * The longest piece identified on its own in {@link #passages}: longer paragraphs are cut into windows.
     *
     * @param chars at least 100
     * @return this builder
     */
    public Builder passageChars(int chars) {
      requireUnset(passageCharsSet, "passageChars", passageChars);
      if (chars < 100) {
        throw new IllegalArgumentException("passageChars must be at least 100, got " + chars);
      }
      passageChars = chars;
      passageCharsSet = true;
      return this;
    }

    /** The detector; loads the model on first use in this class loader. */
    public LanguageDetector build() {
      return new LanguageDetector(this);
    }
  }
}
