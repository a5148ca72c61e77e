package org.insight.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.insight.InsightException;
import org.insight.core.Document;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.nlp.EntityRecognizer;
import org.insight.nlp.EntitySpan;
import org.insight.nlp.LanguageDetector;
import org.insight.nlp.LanguageGuess;
import org.insight.nlp.LanguagePassage;
import org.insight.nlp.OpenNlpEntityRecognizer;
import org.insight.nlp.SelectorExtractor;

/** The standard {@link EnrichmentStep}s: language, selectors, named entities. */
public final class EnrichmentSteps {

  /** The metadata keys the language step writes on a document. */
  public static final String LANGUAGE_DETECTED = "language.detected";
  /** The detection's confidence, two decimals. */
  public static final String LANGUAGE_CONFIDENCE = "language.confidence";
  /** The detector's provenance method ({@link LanguageDetector#METHOD}). */
  public static final String LANGUAGE_METHOD = "language.method";
  /** The passages: {@code "<lang> <start>-<end> <confidence>"} each, in text order. */
  public static final String LANGUAGE_PASSAGES = "language.passages";

  private EnrichmentSteps() {}

  /**
   * {@code lang}: identifies the document's language and its passages' ({@link LanguageDetector}). Writes the
   * {@code language.*} metadata; sets the document's language when it had none (a language given at ingest is kept,
   * and a disagreement is noted).
   */
  public static EnrichmentStep language() {
    return language(LanguageDetector.create());
  }

  /** {@code lang} with a configured detector. */
  public static EnrichmentStep language(LanguageDetector detector) {
    Objects.requireNonNull(detector, "detector");
    return new EnrichmentStep() {
      @Override
      public String name() {
        return "lang";
      }

      @Override
      public void enrich(EnrichmentContext ctx) {
        String text = ctx.document().text();
        LanguageGuess g = detector.detect(text);
        List<String> passages = new ArrayList<>();
        for (LanguagePassage p : detector.passages(text)) {
          passages.add(p.language() + " " + p.start() + "-" + p.end() + " " + fmt(p.guess().confidence()));
        }
        ctx.metadata(LANGUAGE_DETECTED, List.of(g.language()));
        ctx.metadata(LANGUAGE_CONFIDENCE, List.of(fmt(g.confidence())));
        ctx.metadata(LANGUAGE_METHOD, List.of(LanguageDetector.METHOD));
        ctx.metadata(LANGUAGE_PASSAGES, passages);
        String given = ctx.language();
        if (given.isEmpty() || given.equals(LanguageGuess.UNKNOWN)) {
          ctx.language(g.known() ? g.language() : "");
        } else if (g.known() && !given.equals(g.language())) {
          ctx.note("document says language " + given + ", detected " + g.language() + " (" + fmt(g.confidence())
              + "); kept " + given);
        }
      }
    };
  }

  /** {@code selectors}: validated selectors ({@link SelectorExtractor}) as mentions. */
  public static EnrichmentStep selectors(SelectorExtractor extractor) {
    Objects.requireNonNull(extractor, "extractor");
    return new EnrichmentStep() {
      @Override
      public String name() {
        return "selectors";
      }

      @Override
      public void enrich(EnrichmentContext ctx) {
        ctx.addMentions(extractor.mentions(ctx.document()));
      }
    };
  }

  /**
   * {@code ner}: named entities as mentions of type {@code NAME} (persons, organisations) or {@code ADDRESS}
   * (locations). Each mention's provenance method is the recogniser's method followed by {@code #} and the entity
   * type ({@code ner:opennlp@3fa9c2d1e0b4#person}), since a mention has no entity-type field. A document whose known
   * language differs from the model's is skipped with a note.
   */
  public static EnrichmentStep ner(EntityRecognizer recognizer) {
    Objects.requireNonNull(recognizer, "recognizer");
    return new NerStep(() -> recognizer, Optional.empty());
  }

  /**
   * {@code ner} over an OpenNLP model file, loaded when the run starts. Unavailable — the run goes on without it and
   * says why — when {@code model} is {@code null} (none configured), missing, or not a name-finder model.
   */
  public static EnrichmentStep ner(Path model) {
    if (model == null) {
      return new NerStep(null, Optional.of("no NER model configured: give one with --ner-model PATH"
          + " (train one with 'insight nlp train-ner')"));
    }
    return new NerStep(() -> {
      if (!Files.isRegularFile(model)) {
        throw new InsightException("the NER model " + model + " does not exist");
      }
      return OpenNlpEntityRecognizer.load(model);
    }, Optional.empty());
  }

  private static final class NerStep implements EnrichmentStep {
    private final java.util.function.Supplier<EntityRecognizer> loader;
    private final Optional<String> missing;
    private volatile EntityRecognizer recognizer;

    NerStep(java.util.function.Supplier<EntityRecognizer> loader, Optional<String> missing) {
      this.loader = loader;
      this.missing = missing;
    }

    @Override
    public String name() {
      return "ner";
    }

    @Override
    public Optional<String> unavailable() {
      if (missing.isPresent()) {
        return missing;
      }
      if (recognizer == null) {
        try {
          recognizer = loader.get();
        } catch (RuntimeException e) {
          return Optional.of(String.valueOf(e.getMessage()));
        }
      }
      return Optional.empty();
    }

    @Override
    public void enrich(EnrichmentContext ctx) {
      EntityRecognizer r = recognizer;
      if (r == null) {
        throw new IllegalStateException("the NER step ran without its model; call unavailable() first");
      }
      String lang = ctx.language();
      if (!r.language().isEmpty() && !lang.isEmpty() && !lang.equals(r.language())) {
        ctx.note("skipped: the model is for " + r.language() + ", the document is " + lang);
        return;
      }
      Document d = ctx.document();
      List<Mention> out = new ArrayList<>();
      for (EntitySpan e : r.recognize(ctx.sentences())) {
        PropertyType type = e.type().equals("Location") ? PropertyType.ADDRESS : PropertyType.NAME;
        String value;
        try {
          value = type.clean(e.text());
        } catch (RuntimeException bad) {
          value = e.text();
        }
        if (value.isEmpty()) {
          continue;
        }
        out.add(new Mention(d.id(), e.start(), e.end(), e.text(), type, value, Optional.empty(), e.confidence(),
            d.label(), ctx.derived(r.method() + "#" + e.type().toLowerCase(Locale.ROOT))));
      }
      ctx.addMentions(out);
    }
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }
}
