package org.insight.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.insight.InsightException;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.Mention;
import org.insight.core.Statement;
import org.insight.spark.internal.extract.EvidenceFiles;
import org.insight.spark.internal.extract.ItemRows;
import org.insight.workspace.Session;

/**
 * Loads what an {@link ExtractJob} wrote into a workspace, through a {@link Session} — the normal write path, so
 * only authorised writes happen: the session's principal must be a writer of the dataset and satisfy every label it
 * writes, every batch is audited before it is stored, and provenance is stamped with that principal and the time.
 * Original bytes go into the evidence store first (verified against their hash), then documents, mentions and
 * statements, in batches, each one durable commit.
 *
 * <p>Idempotent: document, mention and statement ids are derived from their content and label, so loading the same
 * output again replaces each item with itself (restamped), never adds a copy. A refused batch stops the load with
 * the session's exception; the batches before it stay written, and loading again completes it.
 *
 * <pre>{@code
 * try (Workspace ws = Workspace.open(dir); Session s = ws.session(loader, Purpose.CRIMINAL_INVESTIGATION)) {
 *   WorkspaceLoader.Report r = WorkspaceLoader.load(spark, "hdfs:///jobs/heron-1", s);
 * }
 * }</pre>
 */
public final class WorkspaceLoader {
  /** Items per write (one durable, audited commit each). */
  static final int BATCH = 500;
  /**
   * Statements per write: one commit and one audit entry each is what a load's time goes to (SparkLoadBench: with 500
   * a load of FtM statements took 3× the embedded import, which writes 1,000 entities at a time); 5,000 statements
   * is about the embedded chunk.
   */
  static final int STATEMENT_BATCH = 5_000;
  /** Quarantined items listed in a report (all are counted). */
  static final int LISTED = 1_000;

  private WorkspaceLoader() {}

  /**
   * Loads {@code out} (an extraction job's output directory) through {@code session}.
   *
   * @throws org.insight.workspace.WriteRefusedException when the session's principal may not write a dataset or a
   *     label of the output
   * @throws InsightException when an original's bytes are missing from {@code out/evidence} or do not match their hash
   */
  public static Report load(SparkSession spark, String out, Session session) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(session, "session");
    EvidenceFiles evidence = new EvidenceFiles(out + "/evidence",
        EvidenceFiles.entries(spark.sparkContext().hadoopConfiguration()));
    Dataset<Row> items = spark.read().schema(ItemRows.SCHEMA).parquet(out + "/items");
    Counts c = new Counts();

    List<Document> documents = new ArrayList<>();
    for (Iterator<Row> it = items.where("kind = 'document'").toLocalIterator(); it.hasNext(); ) {
      documents.add(ItemRows.toDocument(it.next()));
      if (documents.size() == BATCH) {
        writeDocuments(documents, evidence, session, c);
      }
    }
    writeDocuments(documents, evidence, session, c);

    List<Mention> mentions = new ArrayList<>();
    for (Iterator<Row> it = items.where("kind = 'mention'").toLocalIterator(); it.hasNext(); ) {
      mentions.add(ItemRows.toMention(it.next()));
      if (mentions.size() == BATCH) {
        c.mentions += mentions.size();
        session.addMentions(mentions);
        mentions.clear();
      }
    }
    if (!mentions.isEmpty()) {
      c.mentions += mentions.size();
      session.addMentions(mentions);
    }

    List<Statement> statements = new ArrayList<>();
    for (Iterator<Row> it = items.where("kind = 'statement'").toLocalIterator(); it.hasNext(); ) {
      statements.add(ItemRows.toStatement(it.next()));
      if (statements.size() == STATEMENT_BATCH) {
        writeStatements(statements, evidence, session, c);
      }
    }
    writeStatements(statements, evidence, session, c);

    List<Quarantined> listed = new ArrayList<>();
    for (Iterator<Row> it = items.where("kind = 'quarantine'").toLocalIterator(); it.hasNext(); ) {
      Row r = it.next();
      String hash = r.getAs("content_hash");
      if (!hash.isEmpty()) {
        store(new ContentHash(hash), evidence, session, c); // kept like an ingest keeps a quarantined original
      }
      c.quarantined++;
      if (listed.size() < LISTED) {
        listed.add(new Quarantined(r.getAs("record"), r.getAs("reason"), r.getAs("message"), hash));
      }
    }
    return new Report(c.documents, c.mentions, c.statements, c.evidence, c.quarantined, listed);
  }

  private static void writeDocuments(List<Document> batch, EvidenceFiles evidence, Session session, Counts c) {
    if (batch.isEmpty()) {
      return;
    }
    for (Document d : batch) {
      store(d.contentHash(), evidence, session, c); // a document is written only with its original (rule 4)
    }
    session.addDocuments(batch);
    c.documents += batch.size();
    batch.clear();
  }

  private static void writeStatements(List<Statement> batch, EvidenceFiles evidence, Session session, Counts c) {
    if (batch.isEmpty()) {
      return;
    }
    for (Statement s : batch) {
      // a mapped or FtM record file's bytes, kept as the embedded ingest keeps them (rule 4); a derived statement's
      // are its document's, stored already
      s.provenance().contentHash().ifPresent(h -> store(h, evidence, session, c));
    }
    Map<String, List<Statement>> byEntity = new LinkedHashMap<>();
    for (Statement s : batch) {
      byEntity.computeIfAbsent(s.entityId().value() + "\n" + s.schema(), k -> new ArrayList<>()).add(s);
    }
    List<Entity> entities = new ArrayList<>();
    for (List<Statement> of : byEntity.values()) {
      Statement first = of.get(0);
      entities.add(new Entity(first.entityId(), first.schema(), of));
    }
    session.add(entities);
    c.statements += batch.size();
    batch.clear();
  }

  private static void store(ContentHash hash, EvidenceFiles evidence, Session session, Counts c) {
    if (!c.stored.add(hash.hex())) {
      return;
    }
    ContentHash got;
    try (InputStream in = evidence.open(hash)) {
      got = session.storeEvidence(in);
    } catch (java.io.FileNotFoundException e) {
      throw new InsightException("the original bytes " + hash.hex() + " are missing from the job's evidence"
          + " directory; load the whole output directory of one extraction run");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the original bytes " + hash.hex() + ": " + e.getMessage(), e);
    }
    if (!got.equals(hash)) {
      throw new InsightException("the bytes kept for " + hash.hex() + " in the job's evidence directory hash to "
          + got.hex() + "; the output was altered or damaged, run the extraction again");
    }
    c.evidence++;
  }

  /** Running totals of one load; the hashes already stored, so each original is read once. */
  private static final class Counts {
    final Set<String> stored = new LinkedHashSet<>();
    long documents;
    long mentions;
    long statements;
    long evidence;
    long quarantined;
  }

  /**
   * What a load wrote.
   *
   * @param documents documents written (embedded items included)
   * @param mentions mentions written
   * @param statements statements written
   * @param evidence originals put into the evidence store (each once)
   * @param quarantined items the job quarantined, all counted
   * @param listed the first {@value #LISTED} of them
   */
  public record Report(long documents, long mentions, long statements, long evidence, long quarantined,
      List<Quarantined> listed) {
    public Report {
      listed = List.copyOf(listed);
    }
  }

  /**
   * An item the extraction quarantined.
   *
   * @param record its record id (a file's path relative to the job's root; {@code a.zip!/b.pdf} for an embedded one)
   * @param reason the code the embedded ingest reports ({@code corrupt}, {@code encrypted}, …), or
   *     {@code enrichment-failed:STEP}
   * @param message what went wrong
   * @param sha256 its bytes' hash, "" when they could not be read
   */
  public record Quarantined(String record, String reason, String message, String sha256) {}
}
