package org.insight.workspace;

import static org.insight.BuilderGuard.requireUnset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.insight.InsightException;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.Mention;
import org.insight.core.ProgressListener;

/**
 * Runs {@link EnrichmentStep}s — language, selectors, named entities, and any step a deployment adds (translation,
 * known-entity spotting) — over documents a {@link Session} may see, and writes what they derive through that
 * session: mentions ({@link Session#addMentions}, each with its document's label conjoined), derived statements
 * ({@link Session#add}, labels conjoined with the document's) and the document's detected language and metadata
 * (written back with its original label and provenance).
 *
 * <p>Robust by design: a step that is {@linkplain EnrichmentStep#unavailable() unavailable} is skipped for the run and
 * the report says why; a step failing on one document fails only that document for that step; a write that fails is
 * reported per document. Idempotent: mention and statement ids are content-derived, so a re-run replaces what an
 * earlier run of the same steps wrote instead of adding to it.
 *
 * <pre>{@code
 * Enrichment enrichment = Enrichment.builder()
 *     .step(EnrichmentSteps.language())
 *     .step(EnrichmentSteps.selectors(SelectorExtractor.create()))
 *     .step(EnrichmentSteps.ner(OpenNlpEntityRecognizer.load(model)))
 *     .build();
 * EnrichmentReport report = enrichment.run(session);
 * }</pre>
 */
public final class Enrichment {
  private final List<EnrichmentStep> steps;
  private final int batchSize;
  private final ProgressListener listener;

  private Enrichment(Builder b) {
    this.steps = List.copyOf(b.steps);
    this.batchSize = b.batchSize;
    this.listener = b.listener;
  }

  /** A builder with no steps and batches of 100 documents. */
  public static Builder builder() {
    return new Builder();
  }

  /** The steps, in the order they run. */
  public List<EnrichmentStep> steps() {
    return steps;
  }

  /** Enriches every document the session may see. */
  public EnrichmentReport run(Session session) {
    Objects.requireNonNull(session, "session");
    Run run = new Run(session);
    int offset = 0;
    while (true) {
      Page<Document> page = session.documents(offset, batchSize);
      run.total = page.total();
      run.batch(page.items());
      offset += page.items().size();
      if (page.items().isEmpty() || offset >= page.total()) {
        break;
      }
    }
    run.finish();
    return run.report();
  }

  /**
   * Enriches the given documents (as ingest does after writing them); ids this session cannot see are reported as
   * failures, exactly like missing ones.
   */
  public EnrichmentReport run(Session session, Collection<String> documentIds) {
    Objects.requireNonNull(session, "session");
    Run run = new Run(session);
    Set<String> ids = new LinkedHashSet<>(documentIds);
    run.total = ids.size();
    List<Document> batch = new ArrayList<>();
    for (String id : ids) {
      Optional<Document> d = session.document(id);
      if (d.isEmpty()) {
        run.failures.add(new EnrichmentReport.Failure(id, "read", "no such document visible to this session"));
        run.total--; // not enriched, so not counted as work done either
        continue;
      }
      batch.add(d.get());
      if (batch.size() == batchSize) {
        run.batch(batch);
        batch.clear();
      }
    }
    run.batch(batch);
    run.finish();
    return run.report();
  }

  /**
   * Runs the steps over one document outside any workspace — on a distributed job's executor, where no session
   * exists — and returns what a {@link #run} would write for it: the document with its detected language and
   * metadata, its mentions and its derived statements, each mention's and statement's label already conjoined with
   * the document's (rule 3), exactly as the session's write would. Steps that read the workspace (known-entity
   * spotting) fail on every document here, reported as failures. Nothing is written and nothing is audited: the
   * caller writes the results through a session later ({@code WorkspaceLoader}), which checks and audits them then.
   */
  public Derived derive(Document document) {
    Objects.requireNonNull(document, "document");
    EnrichmentContext ctx = new EnrichmentContext(null, document);
    List<EnrichmentReport.Failure> failed = new ArrayList<>();
    for (EnrichmentStep s : steps) {
      Optional<String> why;
      try {
        why = s.unavailable();
      } catch (RuntimeException e) {
        why = Optional.of("could not be checked: " + e.getMessage());
      }
      if (why.isPresent()) {
        continue; // as in run(): an unavailable step is skipped; run() reports why once per run
      }
      ctx.step(s.name());
      int mentionsBefore = ctx.mentions.size();
      int entitiesBefore = ctx.entities.size();
      try {
        s.enrich(ctx);
      } catch (RuntimeException e) {
        ctx.mentions.subList(mentionsBefore, ctx.mentions.size()).clear();
        ctx.entities.subList(entitiesBefore, ctx.entities.size()).clear();
        failed.add(new EnrichmentReport.Failure(document.id(), s.name(), reason(e)));
      }
    }
    List<Mention> mentions = new ArrayList<>();
    for (Mention m : ctx.mentions) {
      mentions.add(m.withLabel(m.label().and(document.label()))); // as Session.addMentions conjoins
    }
    return new Derived(ctx.updated(), mentions, List.copyOf(ctx.entities), failed, List.copyOf(ctx.notes));
  }

  /**
   * What {@link #derive} found for one document.
   *
   * @param document the document with this enrichment's language and metadata (the same instance if unchanged)
   * @param mentions mentions in it, labels conjoined with the document's
   * @param entities derived statements' entities, labels conjoined with the document's
   * @param failures the steps that failed on it, with the reason
   * @param notes what steps noted
   */
  public record Derived(Document document, List<Mention> mentions, List<Entity> entities,
      List<EnrichmentReport.Failure> failures, List<String> notes) {
    /** Copies the lists. */
    public Derived {
      Objects.requireNonNull(document, "document");
      mentions = List.copyOf(mentions);
      entities = List.copyOf(entities);
      failures = List.copyOf(failures);
      notes = List.copyOf(notes);
    }
  }

  /** The state of one run. */
  private final class Run {
    private final Session session;
    private final List<EnrichmentStep> available = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final int[][] perStep; // documents, -, -, failed
    final List<EnrichmentReport.Failure> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int documents;
    private int updated;
    long total = -1;
    private long reportedTotal = -1;

    private void report(long of) {
      reportedTotal = of;
      listener.progress("enrich", documents, of);
    }

    /** The last report of the run says done == total, also when there was nothing to do. */
    void finish() {
      if (reportedTotal != documents) {
        report(documents);
      }
    }

    Run(Session session) {
      this.session = session;
      this.perStep = new int[steps.size()][4];
      for (EnrichmentStep s : steps) {
        Optional<String> why;
        try {
          why = s.unavailable();
        } catch (RuntimeException e) {
          why = Optional.of("could not be checked: " + e.getMessage());
        }
        reasons.add(why.orElse(""));
        if (why.isEmpty()) {
          available.add(s);
        }
      }
    }

    void batch(List<Document> docs) {
      if (docs.isEmpty()) {
        return;
      }
      List<Mention> mentions = new ArrayList<>();
      List<Entity> entities = new ArrayList<>();
      List<Document> changed = new ArrayList<>();
      for (Document d : docs) {
        documents++;
        EnrichmentContext ctx = new EnrichmentContext(session, d);
        for (int i = 0; i < steps.size(); i++) {
          EnrichmentStep s = steps.get(i);
          if (!available.contains(s)) {
            continue;
          }
          ctx.step(s.name());
          int mentionsBefore = ctx.mentions.size();
          int entitiesBefore = ctx.entities.size();
          try {
            s.enrich(ctx);
            perStep[i][0]++;
          } catch (RuntimeException e) {
            // drop what the step added before it failed: a half-done step is not written
            ctx.mentions.subList(mentionsBefore, ctx.mentions.size()).clear();
            ctx.entities.subList(entitiesBefore, ctx.entities.size()).clear();
            ctx.counts.remove(s.name());
            perStep[i][3]++;
            failures.add(new EnrichmentReport.Failure(d.id(), s.name(), reason(e)));
            continue;
          }
        }
        for (int i = 0; i < steps.size(); i++) {
          int[] c = ctx.counts.get(steps.get(i).name());
          if (c != null) {
            totals(i, c);
          }
        }
        mentions.addAll(ctx.mentions);
        entities.addAll(ctx.entities);
        Document u = ctx.updated();
        if (u != d) {
          changed.add(u);
        }
        report(Math.max(total, documents));
        for (String n : ctx.notes) {
          if (notes.size() < 1_000) {
            notes.add(n);
          }
        }
      }
      write(changed, mentions, entities);
    }

    private final int[][] totals = new int[steps.size()][2];

    private void totals(int step, int[] c) {
      totals[step][0] += c[0];
      totals[step][1] += c[1];
    }

    private void write(List<Document> changed, List<Mention> mentions, List<Entity> entities) {
      // documents first: a document's language decides how search analyses it, and mentions need it visible
      if (!changed.isEmpty()) {
        try {
          session.updateDocuments(changed);
          updated += changed.size();
        } catch (InsightException e) {
          changed.forEach(d -> failures.add(new EnrichmentReport.Failure(d.id(), "write", reason(e))));
        }
      }
      if (!mentions.isEmpty()) {
        try {
          session.addMentions(mentions);
        } catch (InsightException e) {
          mentions.stream().map(Mention::documentId).distinct()
              .forEach(id -> failures.add(new EnrichmentReport.Failure(id, "write", reason(e))));
        }
      }
      if (!entities.isEmpty()) {
        try {
          session.add(entities);
        } catch (InsightException e) {
          failures.add(new EnrichmentReport.Failure("", "write", "derived statements: " + reason(e)));
        }
      }
    }

    EnrichmentReport report() {
      List<EnrichmentReport.StepReport> out = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        boolean ran = reasons.get(i).isEmpty();
        out.add(new EnrichmentReport.StepReport(steps.get(i).name(), ran, reasons.get(i), perStep[i][0], totals[i][0],
            totals[i][1], perStep[i][3]));
      }
      return new EnrichmentReport(documents, updated, out, failures, notes);
    }
  }

  private static String reason(RuntimeException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** Builds an {@link Enrichment}. */
  public static final class Builder {
    private final List<EnrichmentStep> steps = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();
    private int batchSize = 100;
    private boolean batchSizeSet;
    private ProgressListener listener = ProgressListener.NONE;
    private boolean listenerSet;

    private Builder() {}

    /** Adds a step; steps run in the order added, and names must be distinct. */
    public Builder step(EnrichmentStep step) {
      Objects.requireNonNull(step, "step");
      if (!names.add(step.name())) {
        throw new IllegalArgumentException("a step named " + step.name() + " was already added; steps are " + names);
      }
      steps.add(step);
      return this;
    }

    /** Adds steps in order. */
    public Builder steps(Collection<? extends EnrichmentStep> more) {
      more.forEach(this::step);
      return this;
    }

    /** Documents per write (one durable commit each for documents, mentions and statements); 1..10,000. */
    public Builder batchSize(int n) {
      requireUnset(batchSizeSet, "batchSize", batchSize);
      if (n < 1 || n > 10_000) {
        throw new IllegalArgumentException("batchSize must be in [1, 10000], got " + n);
      }
      batchSize = n;
      batchSizeSet = true;
      return this;
    }

    /**
     * Told of stage {@code enrich} after each document: documents enriched of those the run covers; each
     * {@code run} is a stage of its own.
     */
    public Builder progress(ProgressListener listener) {
      if (listenerSet) {
        throw new IllegalStateException("progress was already set to " + this.listener);
      }
      this.listener = Objects.requireNonNull(listener, "listener");
      listenerSet = true;
      return this;
    }

    /** The pipeline. */
    public Enrichment build() {
      if (steps.isEmpty()) {
        throw new IllegalStateException("no enrichment steps: add at least one, e.g. EnrichmentSteps.language()");
      }
      return new Enrichment(this);
    }
  }
}
