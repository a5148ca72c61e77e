package org.insight.workspace;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.ingest.IngestPipeline;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestTarget;
import org.insight.policy.Decision;
import org.insight.policy.Label;

/**
 * Runs the ingest pipeline into a workspace through a session: originals into the evidence store, documents
 * through {@link Session#addDocuments} (validated, stamped, audited, durable per batch), the ledger under
 * {@code ingest/}. Evidence writes are audited in one entry per batch rather than one per file. The ledger is keyed by
 * dataset, label and path, so an ingest never learns of (or skips its copy because of) one under another label.
 */
final class Ingestion implements IngestTarget {
  private final Session session;
  private final Workspace workspace;
  private final ConcurrentLinkedQueue<String> stored = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<CompletableFuture<Void>> syncing = new ConcurrentLinkedQueue<>();
  /** Starts each stored original's sync as soon as it is stored; threads that only wait on the disk. */
  private final ExecutorService syncer = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "insight-ingest-sync");
    t.setDaemon(true);
    return t;
  });
  private final Enrichment enrichment; // null: none
  private EnrichmentReport enriched = EnrichmentReport.empty();

  private Ingestion(Session session, Workspace workspace, Enrichment enrichment) {
    this.session = session;
    this.workspace = workspace;
    this.enrichment = enrichment;
  }

  static IngestReport run(Session session, Workspace workspace, IngestRequest request) {
    return run(session, workspace, request, null).ingest();
  }

  /** Ingests, and enriches each batch of documents once it is durable (when {@code enrichment} is not null). */
  static IngestResult run(Session session, Workspace workspace, IngestRequest request, Enrichment enrichment) {
    Label label = request.dataset().label();
    // before anything is read or stored: a dataset this principal may not write (the deployment's writers)
    session.authorise("ingest", List.of(request.dataset().name()), List.of());
    Decision d = workspace.decide(session.principal(), session.purpose(), label);
    if (!d.allowed()) {
      // a writer that could not read back what it writes could not check it, nor add mentions to it
      session.audit("ingest", "dataset=" + request.dataset().name(), List.of(), "denied: the writer could not see the label");
      throw new WriteRefusedException("principal '" + session.principal().id() + "' acting for " + session.purpose()
          + " could not see documents labelled " + label + " (" + d.reason() + "); ingest as a principal holding"
          + " the label's authorisations, for a purpose the label allows");
    }
    Ingestion target = new Ingestion(session, workspace, enrichment);
    IngestReport report;
    try {
      report = IngestPipeline.run(request, target);
      target.auditStored();
    } finally {
      target.syncer.shutdownNow();
    }
    session.audit("ingest", "dataset=" + report.dataset() + " found=" + report.found() + " ingested="
        + report.ingested() + " unchanged=" + report.unchanged() + " quarantined=" + report.quarantined(),
        report.failures().stream().map(IngestReport.Failure::path).toList(), "ok");
    return new IngestResult(report, target.enriched());
  }

  private synchronized EnrichmentReport enriched() {
    return enriched;
  }

  @Override
  public ContentHash storeEvidence(InputStream bytes) {
    // synced at the latest per batch in write(), before the batch is committed; the sync starts at once in the
    // background, so by then it is mostly done and the writer does not wait for it
    ContentHash h = workspace.evidence.putUnsynced(bytes);
    stored.add(h.hex());
    syncing.add(CompletableFuture.runAsync(() -> workspace.evidence.sync(List.of(h)), syncer));
    return h;
  }

  @Override
  public void write(List<Document> documents) {
    auditStored(); // the evidence first (synced), as Session.storeEvidence would
    if (!documents.isEmpty()) {
      session.addDocuments(documents);
      if (enrichment != null) {
        // after the batch is durable: a failed step never costs an ingested document
        EnrichmentReport r = enrichment.run(session, documents.stream().map(Document::id).toList());
        synchronized (this) {
          enriched = enriched.plus(r);
        }
      }
    }
  }

  @Override
  public void writeEntities(List<org.insight.core.Entity> entities) {
    session.add(entities);
  }

  @Override
  public boolean holds(String documentId) {
    return session.holdsDocument(documentId);
  }

  @Override
  public Path stateDirectory() {
    return workspace.directory().resolve("ingest");
  }

  private void auditStored() {
    List<String> hashes = new ArrayList<>();
    for (String h; (h = stored.poll()) != null; ) {
      hashes.add(h);
    }
    for (CompletableFuture<Void> f; (f = syncing.poll()) != null; ) {
      try {
        f.join();
      } catch (CompletionException | CancellationException e) {
        // the sync below does it again and reports the failure
      }
    }
    if (!hashes.isEmpty()) {
      // cheap when the background syncs succeeded: it is this call that makes the batch durable, whatever they did
      workspace.evidence.sync(hashes.stream().map(ContentHash::new).toList());
      session.audit("evidence.store", "items=" + hashes.size(), hashes, "ok");
    }
  }
}
