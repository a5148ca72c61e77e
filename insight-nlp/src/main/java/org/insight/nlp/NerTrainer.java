package org.insight.nlp;

import static org.insight.BuilderGuard.requireUnset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import org.insight.InsightException;

/**
 * Trains an {@link OpenNlpEntityRecognizer} from {@link AnnotatedSentence}s with OpenNLP's maximum-entropy name
 * finder (default feature generators: token, token class, surrounding tokens, bigrams, sentence start; BIO tags).
 * Training is deterministic for the same data and settings.
 */
public final class NerTrainer {

  private final String language;
  private final int iterations;
  private final int cutoff;
  private final Set<String> tags;

  private NerTrainer(Builder b) {
    this.language = b.language;
    this.iterations = b.iterations;
    this.cutoff = b.cutoff;
    this.tags = b.tags;
  }

  /** A builder: language {@code en}, 100 iterations, cutoff 1, every tag. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Trains a model.
   *
   * @param sentences annotated sentences; at least one must carry an entity of a kept tag
   * @return the recogniser over the trained model ({@link OpenNlpEntityRecognizer#save} writes it)
   */
  public OpenNlpEntityRecognizer train(List<AnnotatedSentence> sentences) {
    List<NameSample> samples = new ArrayList<>(sentences.size());
    int entities = 0;
    for (AnnotatedSentence a : sentences) {
      String[] words = a.sentence().tokens().stream().map(Token::text).toArray(String[]::new);
      List<Span> names = new ArrayList<>();
      for (int i = 0; i < a.entities().size(); i++) {
        String tag = a.tags().get(i).toLowerCase(Locale.ROOT);
        if (tags != null && !tags.contains(tag)) {
          continue;
        }
        EntitySpan e = a.entities().get(i);
        names.add(new Span(tokenIndex(a.sentence(), e.start()), tokenIndex(a.sentence(), e.end() - 1) + 1, tag));
      }
      entities += names.size();
      samples.add(new NameSample(words, names.toArray(new Span[0]), a.documentStart()));
    }
    if (entities == 0) {
      throw new InsightException("no annotated entity " + (tags == null ? "" : "of type " + tags + " ")
          + "in " + sentences.size() + " sentences: annotate names as <START:person> Ivan Petrov <END>");
    }
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
    params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
    params.put(TrainingParameters.THREADS_PARAM, 1);
    try {
      TokenNameFinderModel model = NameFinderME.train(language, null,
          ObjectStreamUtils.createObjectStream(samples), params, new TokenNameFinderFactory());
      return OpenNlpEntityRecognizer.of(model);
    } catch (IOException e) {
      throw new UncheckedIOException("training the name finder failed: " + e.getMessage(), e);
    }
  }

  private static int tokenIndex(Sentence s, int offset) {
    List<Token> tokens = s.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).start() <= offset && offset < tokens.get(i).end()) {
        return i;
      }
    }
    throw new IllegalArgumentException("offset " + offset + " is in no token of: " + s.text());
  }

  /** Builds a {@link NerTrainer}; each setting may be given once. */
  public static final class Builder {
    private String language = "en";
    private boolean languageSet;
    private int iterations = 100;
    private boolean iterationsSet;
    private int cutoff = 1;
    private boolean cutoffSet;
    private Set<String> tags;

    private Builder() {}

    /** The language the model is for (ISO 639-1), recorded in the model. */
    public Builder language(String code) {
      requireUnset(languageSet, "language", language);
      language = Objects.requireNonNull(code, "code").trim().toLowerCase(Locale.ROOT);
      languageSet = true;
      return this;
    }

    /** Training iterations (1..10,000; 100 by default). */
    public Builder iterations(int n) {
      requireUnset(iterationsSet, "iterations", iterations);
      if (n < 1 || n > 10_000) {
        throw new IllegalArgumentException("iterations must be in [1, 10000], got " + n);
      }
      iterations = n;
      iterationsSet = true;
      return this;
    }

    /** Features seen fewer times than this are dropped (0..100; 1 by default, for small training sets). */
    public Builder cutoff(int n) {
      requireUnset(cutoffSet, "cutoff", cutoff);
      if (n < 0 || n > 100) {
        throw new IllegalArgumentException("cutoff must be in [0, 100], got " + n);
      }
      cutoff = n;
      cutoffSet = true;
      return this;
    }

    /** Train only these annotation tags ({@code person}); other annotations are treated as plain words. */
    public Builder tags(Set<String> only) {
      requireUnset(tags != null, "tags", tags);
      if (Objects.requireNonNull(only, "only").isEmpty()) {
        throw new IllegalArgumentException("no tags given: give at least one, e.g. Set.of(\"person\")");
      }
      tags = only.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
      return this;
    }

    /** The trainer. */
    public NerTrainer build() {
      return new NerTrainer(this);
    }
  }
}
