package org.insight.search;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.search.internal.LuceneStore;

/**
 * The durable store of statements, documents and mentions, and their search. Every read takes the reader's
 * {@link Visibility} and runs it inside the index query, so what the reader may not see reaches no result, count,
 * score or order. This is a building block: a workspace {@code Session} is the one read path that decides the
 * visibility, audits the read, and hands the result out (rule 1); do not hand an {@code Index} to code that reads on
 * someone's behalf.
 *
 * <p>A write replaces anything with the same id and returns only once it is durable (synced), so an acknowledged
 * write survives kill -9. Reads see every write of this process at once; {@link #refresh()} picks up another
 * process's commits. Thread-safe.
 */
public interface Index extends AutoCloseable {
  /**
   * Opens the index in {@code directory} for reading and writing, creating it if there is none. One writer per
   * directory: a second one (this process or another) is refused.
   *
   * @param schema the schema whose property types decide how values are indexed (names, dates, identifiers, …)
   * @throws org.insight.core.StoreException when the directory is locked by another writer or unreadable
   */
  static Index open(Path directory, Schema schema) {
    return LuceneStore.open(directory, false, schema);
  }

  /**
   * Opens an existing index for reading only, e.g. beside a process that is writing it.
   *
   * @throws org.insight.core.StoreException when there is no index in {@code directory}
   */
  static Index openReadOnly(Path directory, Schema schema) {
    return LuceneStore.open(directory, true, schema);
  }

  /**
   * A new, empty index in memory, for a scratch index that lives for one computation (a batch matched against
   * standing queries): not durable — "durable when it returns" does not hold for it —, gone when closed.
   */
  static Index inMemory(Schema schema) {
    return LuceneStore.inMemory(schema);
  }

  boolean readOnly();

  /** Writes statements and documents (replacing any with the same id); durable when it returns. */
  void write(Collection<Statement> statements, Collection<Document> documents);

  /**
   * Removes the statement with id {@code id} and writes {@code replacement} in one commit — a correction, which the
   * workspace allows only to a writer who sees the statement (rule 7); durable when it returns.
   */
  void supersede(String id, Statement replacement);

  /** Writes mentions (replacing any with the same id); durable when it returns. */
  void writeMentions(Collection<Mention> mentions);

  /**
   * Erases statements, documents and mentions by id, in one commit, and then rewrites the segments that held them so
   * their values, terms and statistics are gone from disk too (not only marked deleted); durable when it returns.
   * Ids that are not in the index are ignored. A crash leaves either all of them or none of them.
   */
  void delete(Collection<String> ids);

  /** The visible statements with these ids (of any entity), in index order. */
  List<Statement> statementsById(Set<String> ids, Visibility visibility);

  /**
   * The visible statements, of any entity and type, whose exact value is one of {@code values} (how derived data
   * that names an id — a flag's subject, a link's records — is found). Values longer than 1,000 chars are not
   * indexed for this lookup.
   */
  List<Statement> statementsWithValue(Set<String> values, Visibility visibility);

  /** The visible statements of one entity; empty when it is missing or nothing of it is visible. */
  List<Statement> statements(EntityId entity, Visibility visibility);

  /** How many entities have at least one visible statement of one of {@code types}. */
  long countEntities(Set<String> types, Visibility visibility);

  /**
   * The ids of the entities with at least one visible statement of one of {@code types}, in id order, from
   * {@code offset}, at most {@code limit}.
   */
  List<EntityId> entityIds(Set<String> types, long offset, int limit, Visibility visibility);

  /**
   * Every entity with at least one visible statement of one of {@code types}, each with all its visible statements,
   * in index order, over one snapshot. Close the scan.
   */
  Scan<Entity> scanEntities(Set<String> types, Visibility visibility);

  /** Every visible statement of one of {@code properties}, of any type, in index order, over one snapshot. */
  Scan<Statement> scanStatements(Set<String> properties, Visibility visibility);

  /**
   * Every visible statement of an entity type in {@code types}, in index order, over one snapshot: what an entity scan
   * reads, without assembling entities (a graph is built from statements). Close the scan.
   */
  Scan<Statement> scanStatementsOf(Set<String> types, Visibility visibility);

  /**
   * Where this index's writes stand: read it before and after a read, and when both are equal and no write was under
   * way, the read saw exactly the data of that generation.
   */
  Generation generation();

  /**
   * The visible statements of {@code types} added by the writes after generation {@code after} up to {@code upTo}
   * (sequence numbers, see {@link Generation}), in index order, over one snapshot. Together with what was visible at
   * {@code after}, they are what is visible at {@code upTo} only when {@link Generation#grewOnlySince} says so.
   */
  Scan<Statement> statementsAdded(long after, long upTo, Set<String> types, Visibility visibility);

  /** The visible mentions added by the writes after {@code after} up to {@code upTo}; see {@link #statementsAdded}. */
  List<Mention> mentionsAdded(long after, long upTo, Visibility visibility);

  /** The visible statements of {@code types} from {@code datasets} (a watch list as a reader sees it), in index order. */
  List<Statement> statementsOf(Set<String> datasets, Set<String> types, Visibility visibility);

  /** The visible statements of {@code types} from any dataset, in index order. */
  List<Statement> statementsOfTypes(Set<String> types, Visibility visibility);

  /** A document by id, if visible. */
  Optional<Document> document(String id, Visibility visibility);

  /** Visible documents in id order, from {@code offset}, at most {@code limit}. */
  List<Document> documents(int offset, int limit, Visibility visibility);

  /** How many documents are visible. */
  long countDocuments(Visibility visibility);

  /** The visible mentions in one document, in text order. */
  List<Mention> mentions(String documentId, Visibility visibility);

  /** Every visible mention in any document, in index order. */
  List<Mention> allMentions(Visibility visibility);

  /** Runs a search; hits, totals, facets, scores and snippets are computed over visible data only. */
  SearchResult search(Query query, Visibility visibility);

  /** Names completing {@code prefix} among the visible statements, at most {@code limit}. */
  List<Suggestion> suggest(String prefix, int limit, Visibility visibility);

  /** Whether some visible statement or document traces to the original bytes with this hash. */
  boolean evidenceVisible(ContentHash hash, Visibility visibility);

  /**
   * The distinct label texts in the index: few, so a session decides each once and builds its {@link Visibility}
   * from the allowed ones.
   */
  Set<String> labels();

  /** The version of the current snapshot: it changes with every commit, this process's or another's. */
  long version();

  /** Re-opens the snapshot if another process committed. */
  void refresh();

  /** Closes the index, committing nothing new (every write was committed when it returned). */
  @Override
  void close();
}
