package org.insight.search;

import java.util.List;
import java.util.Optional;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.Mention;

/**
 * One search hit: an entity (assembled from the statements the session may see) or a document.
 *
 * @param kind what the hit is
 * @param id the entity or document id
 * @param score relevance in [0, 1] relative to the best hit of its kind in this search
 * @param entity the entity, for entity hits
 * @param document the document, for document hits
 * @param highlights snippets of the document's text with the matches marked {@code <b>…</b>}
 * @param mentions the visible mentions in a document hit (names, identifiers, places found in its text)
 */
public record Hit(Kind kind, String id, double score, Optional<Entity> entity, Optional<Document> document,
    List<String> highlights, List<Mention> mentions) {
  public Hit {
    highlights = List.copyOf(highlights);
    mentions = List.copyOf(mentions);
  }

  /** Kind, id and score, never the caption or snippets: a log line must not bypass the labels. */
  @Override
  public String toString() {
    return "Hit[kind=" + kind + ", id=" + id + ", score=" + score + ", highlights=" + highlights.size() + ", mentions="
        + mentions.size() + "]";
  }

  /** What a hit is. */
  public enum Kind { ENTITY, DOCUMENT }

  /** A caption for display: the entity's caption or the document's title. */
  public String caption() {
    return entity.map(Entity::caption).or(() -> document.map(Document::title)).orElse(id);
  }
}
