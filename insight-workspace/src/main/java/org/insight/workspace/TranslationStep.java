package org.insight.workspace;

import java.util.List;
import java.util.Optional;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.PropertyType;
import org.insight.core.Statement;
import org.insight.nlp.LanguagePair;
import org.insight.nlp.Translation;
import org.insight.nlp.TranslationException;
import org.insight.nlp.Translator;

/**
 * {@code translate}: translates each document into the analyst's language and keeps the translation as a derived
 * statement next to the original, which is never replaced. The statement is the {@value #PROPERTY} property of the
 * document's {@code Document} entity (id: the document's id), with the document's label and a provenance whose method
 * names the engine, its version and the languages the text went through
 * ({@code translate:apertium@3.8.3:fra>spa>eng}), derived from the document's provenance.
 *
 * <p>Nothing fails silently: without a translator, or when it cannot be reached, the step is unavailable and the run
 * goes on and reports why; a document in an unknown language, or one the translator has no route for, gets a note;
 * words the engine did not know are noted; an engine error fails that document for this step only.
 */
public final class TranslationStep implements EnrichmentStep {

  /** The {@code Document} property holding translations. */
  public static final String PROPERTY = "translation";

  private final String target;
  private final Translator translator;

  private TranslationStep(String target, Translator translator) {
    this.target = target;
    this.translator = translator;
  }

  /**
   * Translates documents into {@code targetLanguage}.
   *
   * @param targetLanguage ISO 639-1 or 639-3 ({@code en})
   * @param translator the engine, or {@code null} when none is configured (the step then reports itself unavailable)
   */
  public static TranslationStep into(String targetLanguage, Translator translator) {
    LanguagePair.of(targetLanguage, targetLanguage); // refuses a code that is not a language, naming it
    return new TranslationStep(targetLanguage, translator);
  }

  @Override
  public String name() {
    return "translate";
  }

  @Override
  public Optional<String> unavailable() {
    if (translator == null) {
      return Optional.of("no translator configured: start Apertium APY (scripts/apy start) and give its URL with"
          + " --apy URL or INSIGHT_APY_URL");
    }
    try {
      String to = LanguagePair.of(target, target).to();
      if (translator.pairs().stream().noneMatch(p -> p.to().equals(to))) {
        return Optional.of("the " + translator.name() + " translator has no language pair into " + to + "; it serves "
            + translator.pairs());
      }
    } catch (TranslationException e) {
      return Optional.of(e.getMessage());
    }
    return Optional.empty();
  }

  @Override
  public void enrich(EnrichmentContext context) {
    Document d = context.document();
    String from = context.language();
    if (from.isEmpty()) {
      context.note("language unknown: not translated (run the lang step before translate)");
      return;
    }
    if (d.text().isBlank()) {
      return;
    }
    LanguagePair pair;
    try {
      pair = LanguagePair.of(from, target);
    } catch (IllegalArgumentException e) {
      context.note("not translated: " + e.getMessage());
      return;
    }
    if (pair.from().equals(pair.to())) {
      return; // already in the target language
    }
    if (!translator.supports(pair.from(), pair.to())) {
      context.note("not translated: the " + translator.name() + " translator has no route from " + pair.from() + " to "
          + pair.to());
      return;
    }
    Translation t = translator.translate(d.text(), pair.from(), pair.to());
    if (!t.unknownWords().isEmpty()) {
      List<String> shown = t.unknownWords().subList(0, Math.min(20, t.unknownWords().size()));
      context.note(t.unknownWords().size() + " word(s) left untranslated: " + String.join(", ", shown)
          + (shown.size() < t.unknownWords().size() ? ", ..." : ""));
    }
    String value = PropertyType.TEXT.clean(t.text());
    EntityId id = EntityId.of(d.id());
    Statement s = Statement.of(id, "Document", PROPERTY, value, t.text(), d.label(), context.derived(t.method()));
    context.addEntity(new Entity(id, "Document", List.of(s)));
  }

  /** The target language, as given. */
  public String target() {
    return target;
  }

  /** The translator, if one is configured. */
  public Optional<Translator> translator() {
    return Optional.ofNullable(translator);
  }

  @Override
  public String toString() {
    return "translate into " + target + " with " + (translator == null ? "no translator" : translator.name());
  }

}
