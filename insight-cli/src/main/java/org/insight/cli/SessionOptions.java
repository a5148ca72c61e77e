package org.insight.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.Writers;
import org.insight.workspace.Session;
import org.insight.workspace.NoSuchWorkspaceException;
import org.insight.workspace.Workspace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every command over a workspace shares — where it is, and who reads it for what — and the one place
 * that opens it: {@link #read()} for commands that only read, {@link #write()} for commands that write.
 *
 * <p>Reading is always read-only: a read never takes the writer's lock (so it works beside an application that is
 * ingesting) and never creates a workspace where there is none. Only commands that write create one.
 */
public final class SessionOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  /** Options picocli fills; insight spark's commands mix them in too. */
  public SessionOptions() {}

  @Option(names = "--workspace", paramLabel = "DIR", description = "The workspace directory (default: $INSIGHT_WORKSPACE or ./insight-data).")
  Path workspace;

  @Option(names = "--user", paramLabel = "ID", description = "Who is reading (default: $USER).")
  String user;

  @Option(names = "--auths", paramLabel = "A,B", split = ",", description = "The reader's authorizations, e.g. INTERPOL,FR,POLICE.")
  List<String> auths = new ArrayList<>();

  @Option(names = "--purpose", paramLabel = "PURPOSE", defaultValue = "criminal-investigation",
      description = "Why the reader reads: criminal-investigation, counter-terrorism, missing-persons, border-control, ... (default: ${DEFAULT-VALUE}).")
  String purpose;

  @Option(names = "--profiles", paramLabel = "FILE", description = "The deployment's member-country access profiles"
      + " (default: $INSIGHT_PROFILES): with --profile, the reader's authorisations and allowed purposes come from it.")
  Path profiles;

  @Option(names = "--profile", paramLabel = "NAME", description = "Read as a user of this profile (from --profiles):"
      + " its authorisations instead of --auths, and only a purpose it allows.")
  String profile;

  @Option(names = "--json", description = "Print JSON for machines instead of tables.")
  boolean json;

  /** Whether the command was asked for JSON ({@code --json}) instead of text. */
  public boolean json() {
    return json;
  }

  @Option(names = "--debug", description = "Print stack traces on errors.")
  boolean debug;

  @Option(names = "--read-only", description = "Never write to the workspace: commands that only read always open it"
      + " read-only (beside a writer, creating nothing); a command that would write refuses to run.")
  boolean readOnly;

  @Option(names = "--writers", paramLabel = "FILE", description = "For commands that write: who may write into which"
      + " dataset, one line per dataset ('hr = alice, auth:HR_WRITE'; '*' for every dataset or anyone). Saved in the"
      + " workspace, so later runs enforce it without repeating it. A workspace never given one lets anyone write any"
      + " dataset; either way a writer attaches only labels it holds and never replaces what it cannot see.")
  Path writers;

  @Option(names = "--audit-key", paramLabel = "FILE", description = "The key file of the workspace's keyed audit chain"
      + " (default: $INSIGHT_AUDIT_KEY); keep it off the workspace's host. Make one with 'insight audit keygen'.")
  Path auditKey;

  /** The audit key from --audit-key or $INSIGHT_AUDIT_KEY, or null when neither is set. */
  org.insight.policy.AuditKey auditKey() {
    Path file = auditKey;
    if (file == null) {
      String env = System.getenv("INSIGHT_AUDIT_KEY");
      file = env != null && !env.isBlank() ? Path.of(env) : null;
    }
    if (file == null) {
      return null;
    }
    Path f = file;
    return Arguments.parse(mixee, "--audit-key", () -> org.insight.policy.AuditKey.read(f));
  }

  private Workspace.Builder builder() {
    Workspace.Builder b = Workspace.builder(workspaceDir());
    org.insight.policy.AuditKey key = auditKey();
    return key == null ? b : b.auditKey(key);
  }

  /** A workspace and a session on it, closed together. */
  public record Opened(Workspace workspace, Session session) implements AutoCloseable {
    @Override
    public void close() {
      try {
        session.close();
      } finally {
        workspace.close();
      }
    }
  }

  Path workspaceDir() {
    if (workspace != null) {
      return workspace;
    }
    String env = System.getenv("INSIGHT_WORKSPACE");
    return Path.of(env != null && !env.isBlank() ? env : "insight-data");
  }

  /** Opens the workspace for reading and writing, creating it when there is none, and a session on it. */
  public Opened write() {
    if (readOnly) {
      throw new ParameterException(mixee.commandLine(),
          "'" + mixee.qualifiedName(" ") + "' writes to the workspace, so it cannot run with --read-only");
    }
    // who and why first: a bad --auths or --purpose is refused before anything is opened or created
    Principal principal = principal();
    Purpose purpose = purpose();
    Workspace.Builder b = builder();
    if (writers != null) {
      b.writers(Arguments.parse(mixee, "--writers", () -> {
        try (var in = Files.newBufferedReader(writers, java.nio.charset.StandardCharsets.UTF_8)) {
          return Writers.parse(in);
        } catch (java.io.IOException e) {
          throw new IllegalArgumentException("cannot read the writers file " + writers + ": " + e.getMessage(), e);
        }
      }));
    }
    return session(b.open(), principal, purpose);
  }

  /** Opens the workspace read-only, and a session on it; refuses a path that holds no workspace. */
  Opened read() {
    if (writers != null) {
      throw new ParameterException(mixee.commandLine(), "--writers configures who may write; '"
          + mixee.qualifiedName(" ") + "' only reads, so give it to a command that writes (add, ingest)");
    }
    Principal principal = principal();
    Purpose purpose = purpose();
    try {
      return session(builder().readOnly().open(), principal, purpose);
    } catch (NoSuchWorkspaceException e) {
      throw noWorkspace(e.directory());
    }
  }

  /** The audit log of the workspace, for the commands that read it directly; refused as {@link #read()} does. */
  Path existingAuditLog() {
    Path log = Workspace.auditFile(workspaceDir());
    if (!Files.isRegularFile(log)) {
      throw noWorkspace(workspaceDir().toAbsolutePath().normalize());
    }
    return log;
  }

  private static CommandFailure noWorkspace(Path directory) {
    return new CommandFailure(Main.USAGE, "there is no workspace in " + directory
        + "; give --workspace DIR (or set $INSIGHT_WORKSPACE), or create one with a command that writes:"
        + " insight ingest, add or demo");
  }

  private static Opened session(Workspace ws, Principal principal, Purpose purpose) {
    try {
      return new Opened(ws, ws.session(principal, purpose));
    } catch (RuntimeException e) {
      ws.close();
      throw e;
    }
  }

  /** The reader; a bad --user or --auths, or a --profile with --auths, is a usage error. */
  Principal principal() {
    String id = user != null ? user : System.getProperty("user.name", "cli");
    if (profile != null) {
      if (!auths.isEmpty()) {
        throw new ParameterException(mixee.commandLine(), "--profile gives the reader's authorisations; drop --auths");
      }
      org.insight.policy.Profile p = profiles().profile(profile);
      return Arguments.parse(mixee, "--user", () -> p.principal(id));
    }
    return Arguments.parse(mixee, "--user/--auths", () -> Principal.of(id, auths));
  }

  /** Why; a bad --purpose, or one the --profile does not allow, is a usage error. */
  Purpose purpose() {
    Purpose p = Arguments.parse(mixee, "--purpose", () -> Purpose.of(purpose));
    return profile == null ? p : Arguments.parse(mixee, "--purpose", () -> profiles().profile(profile).purpose(p));
  }

  /** The profile file from --profiles or $INSIGHT_PROFILES; a missing or invalid one is a usage error. */
  org.insight.policy.Profiles profiles() {
    Path file = profiles;
    if (file == null) {
      String env = System.getenv("INSIGHT_PROFILES");
      file = env != null && !env.isBlank() ? Path.of(env) : null;
    }
    if (file == null) {
      throw new ParameterException(mixee.commandLine(), "give the profile file with --profiles FILE (or set"
          + " $INSIGHT_PROFILES)");
    }
    Path f = file;
    return Arguments.parse(mixee, "--profiles", () -> org.insight.policy.Profiles.read(f));
  }
}
