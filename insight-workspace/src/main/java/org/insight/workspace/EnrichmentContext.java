package org.insight.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.Mention;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.nlp.LanguageGuess;
import org.insight.nlp.Sentence;
import org.insight.nlp.TextAnalysis;

/**
 * What one document's enrichment sees and produces. Steps run in order over the same context, so a later step sees
 * the language an earlier one set. Not thread-safe: one context per document, used by one thread.
 */
public final class EnrichmentContext {
  private final Session session;
  private final Document original;
  private String language;
  private final Map<String, List<String>> metadata;
  private List<Sentence> sentences;
  private String step = "";
  final List<Mention> mentions = new ArrayList<>();
  final List<Entity> entities = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  final Map<String, int[]> counts = new LinkedHashMap<>(); // step → {mentions, statements}

  /** A context for {@code document}; {@code session} is null in a detached enrichment. */
  EnrichmentContext(Session session, Document document) {
    this.session = session;
    this.original = document;
    this.language = document.language();
    this.metadata = new LinkedHashMap<>(document.metadata());
  }

  /**
   * The session the enrichment runs as: steps that read the workspace (known-entity spotting) read through it.
   *
   * @throws IllegalStateException in a detached enrichment ({@link Enrichment#derive}), which has no workspace to read
   */
  public Session session() {
    if (session == null) {
      throw new IllegalStateException("this enrichment runs detached from any workspace (Enrichment.derive), so a step"
          + " that reads the workspace cannot run in it; run that step through a session instead");
    }
    return session;
  }

  /** The document as the session sees it, with its full text (as read, before this run's changes). */
  public Document document() {
    return original;
  }

  /** The document's language (ISO 639-1) as known so far — from ingest or an earlier step — or {@code ""}. */
  public String language() {
    return language;
  }

  /** The document's sentences and tokens for {@link #language()}, computed once on first use. */
  public List<Sentence> sentences() {
    if (sentences == null) {
      sentences = TextAnalysis.create().sentences(original.text(), language);
    }
    return sentences;
  }

  /**
   * A provenance for something derived from this document by {@code method} ({@code ner:opennlp@3fa9c2d1e0b4}): the
   * document's dataset, with the document's provenance as its input.
   */
  public Provenance derived(String method) {
    return Provenance.derived(original.provenance().dataset(), method, List.of(original.provenance()));
  }

  /** Sets the document's language (written back to the document, so search analyses it in that language). */
  public void language(String iso6391) {
    Objects.requireNonNull(iso6391, "iso6391");
    String l = LanguageGuess.UNKNOWN.equals(iso6391) ? "" : iso6391;
    if (!l.equals(language)) {
      language = l;
      sentences = null;
    }
  }

  /** Sets a metadata field of the document (written back with it), e.g. {@code language.passages}. */
  public void metadata(String key, List<String> values) {
    metadata.put(Objects.requireNonNull(key, "key"), List.copyOf(values));
  }

  /** Adds mentions in this document; the workspace conjoins each one's label with the document's. */
  public void addMentions(Collection<Mention> found) {
    for (Mention m : found) {
      if (!m.documentId().equals(original.id())) {
        throw new IllegalArgumentException("step " + step + " gave a mention of document " + m.documentId()
            + " while enriching " + original.id());
      }
      mentions.add(m);
    }
    counts.computeIfAbsent(step, s -> new int[2])[0] += found.size();
  }

  /**
   * Adds derived statements (a translation, a same-as link). Each statement's label is conjoined with the document's
   * here, since it was derived from the document's text (rule 3).
   */
  public void addEntity(Entity entity) {
    List<Statement> conjoined = new ArrayList<>();
    for (Statement s : entity.statements()) {
      conjoined.add(s.withLabel(s.label().andOrStricter(original.label()))); // the id follows the label
    }
    entities.add(new Entity(entity.id(), entity.schema(), conjoined));
    counts.computeIfAbsent(step, s -> new int[2])[1] += conjoined.size();
  }

  /** Notes something the report should say about this document (a skipped input, a fallback taken). */
  public void note(String message) {
    notes.add(step + ": " + original.id() + ": " + message);
  }

  void step(String name) {
    step = name;
  }

  /** The document with this run's language and metadata, or the same instance if nothing changed. */
  Document updated() {
    if (language.equals(original.language()) && metadata.equals(original.metadata())) {
      return original;
    }
    return new Document(original.id(), original.contentHash(), original.title(), original.text(), language, metadata,
        original.parentId(), original.extraction(), original.label(), original.provenance());
  }
}
