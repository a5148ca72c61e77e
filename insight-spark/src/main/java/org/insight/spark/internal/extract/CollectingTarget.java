package org.insight.spark.internal.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.ingest.IngestTarget;

/**
 * Where the embedded ingest pipeline writes when it runs inside a Spark task: original bytes go to the job's
 * content-addressed evidence directory (on any Hadoop file system), documents and entities are collected for the
 * task to emit as rows. The state directory (ledger, temporary copies) is the task's own, so nothing is skipped as
 * "unchanged": a job extracts every file it is given.
 */
final class CollectingTarget implements IngestTarget {
  private final Path state;
  private final EvidenceFiles evidence;
  final List<Document> documents = new ArrayList<>();
  final List<Entity> entities = new ArrayList<>();

  CollectingTarget(Path state, EvidenceFiles evidence) {
    this.state = state;
    this.evidence = evidence;
  }

  @Override
  public ContentHash storeEvidence(InputStream bytes) {
    Path tmp = state.resolve("evidence-" + UUID.randomUUID());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(bytes, sha); OutputStream out = Files.newOutputStream(tmp)) {
        in.transferTo(out);
      }
      ContentHash hash = new ContentHash(HexFormat.of().formatHex(sha.digest()));
      evidence.put(hash, tmp);
      return hash;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // a leftover in the task's temporary directory is deleted with it
      }
    }
  }

  @Override
  public synchronized void write(List<Document> batch) {
    documents.addAll(batch);
  }

  @Override
  public synchronized void writeEntities(List<Entity> batch) {
    entities.addAll(batch);
  }

  @Override
  public boolean holds(String documentId) {
    return false; // a fresh ledger per task: never consulted
  }

  @Override
  public Path stateDirectory() {
    return state;
  }
}
