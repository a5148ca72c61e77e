package org.insight.workspace;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.insight.InsightException;
import org.insight.core.FileEvidenceStore;
import org.insight.core.Schema;
import org.insight.core.StoreException;
import org.insight.policy.AuditCheckpoint;
import org.insight.policy.AuditEvent;
import org.insight.policy.AuditLog;
import org.insight.policy.AuditVerification;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.Writers;
import org.insight.search.Index;

/**
 * A workspace: one directory holding the Lucene index of statements and documents, the evidence store of original
 * bytes, the hash-chained audit log and the configuration. Data is read only through a {@link Session}.
 *
 * <pre>{@code
 * try (Workspace ws = Workspace.open(Path.of("/cases/op-heron"));
 *      Session s = ws.session(Principal.of("alice", "INTERPOL", "FR"), Purpose.CRIMINAL_INVESTIGATION)) {
 *   Optional<Entity> e = s.entity(EntityId.of("ent-42")); // empty when missing OR not visible
 * }
 * }</pre>
 *
 * <p>A workspace is thread-safe; open one per directory per process and share it. Sessions are cheap.
 */
public final class Workspace implements AutoCloseable {
  /** The on-disk format this code reads and writes. */
  public static final int FORMAT = 1;

  /** The file that makes a directory a workspace: its format and creation time. */
  private static final String PROPERTIES = "workspace.properties";

  /** The dataset writers configuration ({@link Writers}), saved by {@link Builder#writers}. */
  static final String WRITERS = "writers.properties";

  private final Path directory;
  private final Schema schema;
  private final Policy policy;
  private final Writers writers;
  private final Clock clock;
  final Index store;
  final FileEvidenceStore evidence;
  final AuditLog audit;
  private final Cache<DecisionKey, Boolean> decisions = Caffeine.newBuilder().maximumSize(100_000).build();
  final WatchListScreening screening;
  /** Standing queries and alerts (see {@link Alerts}). */
  final StandingQueries standing;
  /** Erasures run one at a time (each plans over the store and then deletes). */
  final Object erasures = new Object();
  /**
   * A document write holds the read side from its check that the original bytes are stored until its commit; an
   * erasure removes unreferenced blobs under the write side. So a blob is never removed between the two, which would
   * leave an acknowledged document without its bytes (writers still run side by side).
   */
  final java.util.concurrent.locks.ReentrantReadWriteLock evidenceGuard =
      new java.util.concurrent.locks.ReentrantReadWriteLock();
  /** Built graphs by what decides them (see {@link Graphs}); a few, since one can be large. */
  final Cache<Graphs.Key, Graphs.Entry> graphs = Caffeine.newBuilder().maximumSize(4).build();
  private CaseJournal cases;
  private volatile boolean closed;

  /** A decision depends on the label, who asks, why, and the day (retention dates are days). */
  private record DecisionKey(String label, Principal principal, Purpose purpose, LocalDate day) {}

  private Workspace(Builder b) {
    this.directory = b.directory;
    this.clock = b.clock;
    this.policy = b.policy;
    if ((b.mustExist || b.readOnly) && !Files.isRegularFile(directory.resolve(PROPERTIES))) {
      // checked before anything is created: a reader pointed at the wrong path must leave no trace there
      throw new NoSuchWorkspaceException(directory);
    }
    try {
      Files.createDirectories(directory);
      checkFormat(directory, b.readOnly);
      this.schema = b.schema != null ? b.schema : schemaWithExtensions(directory);
      this.writers = writers(directory, b.writers, b.readOnly);
    } catch (IOException e) {
      throw new StoreException("could not open the workspace in " + directory + ": " + e.getMessage(), e);
    }
    this.audit = AuditLog.open(auditFile(directory), b.auditKey);
    Index opened = null;
    try {
      opened = b.readOnly ? Index.openReadOnly(directory.resolve("index"), schema) : Index.open(directory.resolve("index"), schema);
      this.evidence = FileEvidenceStore.open(directory.resolve("evidence"));
    } catch (RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      audit.close();
      throw e;
    }
    this.store = opened;
    this.standing = new StandingQueries(this, b.principals, b.alertListener);
    this.screening = WatchListScreening.from(this,
        WatchListScreening.configure(directory, b.watchLists, b.flagThreshold, b.readOnly));
    if (!b.readOnly) {
      Eraser.recover(this); // an erasure a crash interrupted is finished before anything is read
    }
  }

  /**
   * Opens the workspace in {@code directory} for reading and writing, creating it if it does not exist; see
   * {@link Builder#mustExist()} to refuse a path with no workspace instead.
   */
  public static Workspace open(Path directory) {
    return builder(directory).open();
  }

  /** A builder for a workspace with options: schema, policy, clock, read-only. */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /**
   * Opens a session: the only way to read or write workspace data. Every call on it is audited as
   * {@code principal} acting for {@code purpose}.
   *
   * @throws InsightException if the purpose is {@link Purpose#ANY}: a reader must say why it reads
   */
  public Session session(Principal principal, Purpose purpose) {
    ensureOpen();
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(purpose, "purpose");
    if (purpose.equals(Purpose.ANY)) {
      throw new InsightException("a session must declare the purpose it reads for (e.g. "
          + Purpose.CRIMINAL_INVESTIGATION + "), not '" + Purpose.ANY + "'");
    }
    return new Session(this, principal, purpose);
  }

  public Path directory() {
    return directory;
  }

  /** The schema entities are validated against: the defaults plus the workspace's {@code schema/*.json}. */
  public Schema schema() {
    return schema;
  }

  /** The datasets screened against: see {@link Builder#watchLists}. */
  public Set<String> watchLists() {
    return screening.watchLists();
  }

  public boolean readOnly() {
    return store.readOnly();
  }

  /** Where the audit log of the workspace in {@code directory} is, for offline verification. */
  public static Path auditFile(Path directory) {
    return directory.resolve("audit").resolve("audit.log");
  }

  /** Checks the audit log's hash chain from the first entry to the last. */
  public AuditVerification verifyAudit() {
    return audit.verify();
  }

  /** Checks the audit log and that it still holds the state a saved checkpoint saw (no truncation, no rollback). */
  public AuditVerification verifyAudit(AuditCheckpoint checkpoint) {
    return audit.verify(checkpoint);
  }

  /** The audit log's current entry count and head hash, to save and check later. */
  public AuditCheckpoint auditCheckpoint() {
    return audit.checkpoint();
  }

  Instant now() {
    return clock.instant();
  }

  /** The label terms this principal may see for this purpose today; each distinct label is decided once a day. */
  Set<String> visibleLabels(Principal principal, Purpose purpose) {
    Instant now = clock.instant();
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<String> visible = new ArrayList<>();
    for (String text : store.labels()) {
      if (allows(principal, purpose, text, now, day)) {
        visible.add(text);
      }
    }
    return Set.copyOf(visible);
  }

  /** Whether this principal may see data under the label with this canonical text for this purpose today. */
  boolean allows(Principal principal, Purpose purpose, String labelText) {
    Instant now = clock.instant();
    return allows(principal, purpose, labelText, now, LocalDate.ofInstant(now, ZoneOffset.UTC));
  }

  private boolean allows(Principal principal, Purpose purpose, String text, Instant now, LocalDate day) {
    return decisions.get(new DecisionKey(text, principal, purpose, day),
        k -> policy.decide(principal, purpose, label(text), now).allowed());
  }

  /** The case journal ({@link Cases}), opened on first use. */
  synchronized CaseJournal cases() {
    if (cases == null) {
      cases = new CaseJournal(directory, readOnly());
    }
    return cases;
  }

  /** Whether the deployment lets {@code principal} write into {@code dataset} (see {@link Builder#writers}). */
  org.insight.policy.Decision mayWrite(Principal principal, String dataset) {
    return writers.decide(principal, dataset);
  }

  /** Who may write into which dataset: see {@link Builder#writers}. */
  public Writers writers() {
    return writers;
  }

  /**
   * Whether {@code principal} may erase data of {@code dataset} (it must also see it): who may write a dataset may
   * erase from it, as the deployment's dataset writers say ({@link Builder#writers}).
   */
  boolean mayErase(Principal principal, String dataset) {
    return mayWrite(principal, dataset).allowed();
  }

  /** The decision for data under {@code label}, now. */
  org.insight.policy.Decision decide(Principal principal, Purpose purpose, Label label) {
    return policy.decide(principal, purpose, label, clock.instant());
  }

  private Label label(String text) {
    return org.insight.core.json.ModelJson.label(text); // a stored label's text: the stored form's memo
  }

  org.insight.policy.AuditRecord audit(AuditEvent event) {
    return audit.append(event);
  }

  void ensureOpen() {
    if (closed) {
      throw new InsightException("the workspace in " + directory + " is closed; open it again");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      store.close();
    } finally {
      audit.close();
    }
  }

  private static void checkFormat(Path dir, boolean readOnly) throws IOException {
    Path file = dir.resolve(PROPERTIES);
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      }
      String format = p.getProperty("format", "?");
      if (!format.equals(Integer.toString(FORMAT))) {
        throw new StoreException("the workspace in " + dir + " has format " + format + " but this version reads format "
            + FORMAT + "; use the INSIGHT version that wrote it, or migrate it");
      }
      return;
    }
    if (readOnly) {
      throw new StoreException("there is no workspace in " + dir + " to open read-only");
    }
    try (Stream<Path> existing = Files.list(dir)) {
      if (existing.findAny().isPresent()) {
        throw new StoreException(dir + " is not empty and is not a workspace (no workspace.properties);"
            + " give an empty or new directory");
      }
    }
    p.setProperty("format", Integer.toString(FORMAT));
    p.setProperty("created", Instant.now().toString());
    Path tmp = dir.resolve("workspace.properties.tmp");
    try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(out, "INSIGHT workspace");
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The given configuration, saved for later opens; else the saved one; else {@link Writers#anyone()}. */
  private static Writers writers(Path dir, Writers given, boolean readOnly) throws IOException {
    Path file = dir.resolve(WRITERS);
    if (given != null) {
      if (!readOnly) {
        Path tmp = dir.resolve(WRITERS + ".tmp");
        Files.writeString(tmp, given.text(), StandardCharsets.UTF_8);
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
          ch.force(true);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      return given;
    }
    if (Files.isRegularFile(file)) {
      try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        return Writers.parse(in);
      }
    }
    return Writers.anyone();
  }

  private static Schema schemaWithExtensions(Path dir) throws IOException {
    Path extensions = dir.resolve("schema");
    Schema schema = Schema.defaults();
    if (!Files.isDirectory(extensions)) {
      return schema;
    }
    try (Stream<Path> files = Files.list(extensions)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          schema = schema.extend(in);
        }
      }
    }
    return schema;
  }

  /** Options for opening a workspace. */
  public static final class Builder {
    private final Path directory;
    private Schema schema;
    private Policy policy = Policy.standard();
    private Clock clock = Clock.systemUTC();
    private boolean readOnly;
    private boolean mustExist;
    private List<String> watchLists;
    private Double flagThreshold;
    private Writers writers;
    private org.insight.policy.AuditKey auditKey;
    private java.util.function.Function<String, java.util.Optional<Principal>> principals;
    private AlertListener alertListener;

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }

    /** The schema to validate against, instead of the defaults plus the workspace's {@code schema/*.json}. */
    public Builder schema(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /**
     * Keys the audit chain (HMAC-SHA256) with a key the deployment holds outside the workspace, so that whoever can
     * write the workspace's files but lacks the key cannot forge or rewrite audit entries; see
     * docs/audit-threat-model.md. A workspace whose log is keyed refuses to open without its key.
     */
    public Builder auditKey(org.insight.policy.AuditKey key) {
      this.auditKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /** The access policy; {@link Policy#standard()} unless set. */
    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock that decides retention and stamps audit entries and provenance; the system UTC clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Opens without writing to the index, e.g. beside a process that is ingesting; reads are still audited. Implies
     * {@link #mustExist()}: there is nothing to read in a workspace that does not exist.
     */
    public Builder readOnly() {
      this.readOnly = true;
      return this;
    }

    /**
     * Opens only a workspace that exists: a directory with no workspace in it is refused with
     * {@link NoSuchWorkspaceException} and nothing is created there. Without it, {@link #open()} creates the workspace.
     */
    public Builder mustExist() {
      this.mustExist = true;
      return this;
    }

    /**
     * The datasets that are watch lists: {@link Session#screen} screens against them, and every person added later
     * (and every person name mentioned in a document) is screened against them, a hit becoming a {@link Flag}.
     * Saved in the workspace's {@code screening.properties}, so later opens (and the CLI) need not repeat it.
     */
    public Builder watchLists(String... datasets) {
      List<String> list = new ArrayList<>();
      for (String d : datasets) {
        if (d == null || d.isBlank() || d.contains(",")) {
          throw new IllegalArgumentException("a watch-list dataset name must be non-blank without commas; got '" + d + "'");
        }
        list.add(d.strip());
      }
      this.watchLists = List.copyOf(list);
      return this;
    }

    /** The match probability at or above which continuous screening raises a flag (default 0.9); saved too. */
    public Builder flagThreshold(double probability) {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("flagThreshold must be a probability in [0,1]; got " + probability);
      }
      this.flagThreshold = probability;
      return this;
    }

    /**
     * Who may write into which dataset (rule 7). Saved in the workspace's {@code writers.properties}, so later opens
     * (and the CLI) enforce it without repeating it; replace it by giving another. A workspace never given one lets
     * anyone write any dataset ({@link Writers#anyone()}) — labels are still checked: a writer attaches only labels
     * it satisfies, and never replaces what it cannot see.
     */
    public Builder writers(Writers writers) {
      this.writers = Objects.requireNonNull(writers, "writers");
      return this;
    }

    /**
     * Where standing queries learn their owners' current authorisations: the deployment's directory, by principal id
     * (empty for a principal who is gone: their queries then ask nothing). Without one, an owner's authorisations are
     * those their latest session presented (saving a query, listing alerts), so a clearance reduced later takes effect
     * the next time the owner opens one.
     */
    public Builder principals(java.util.function.Function<String, java.util.Optional<Principal>> directory) {
      this.principals = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Told of every alert once it is durable, to push it on ({@link AlertListener}). */
    public Builder alertListener(AlertListener listener) {
      this.alertListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Workspace open() {
      return new Workspace(this);
    }
  }
}
