package org.insight.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;
import picocli.CommandLine.Option;

/**
 * The options every command over a workspace shares — where it is, and who reads it for what — and the one place
 * that opens it: {@link #read()} for commands that only read, {@link #write()} for commands that write.
 */
final class SessionOptions {
  @Option(names = "--workspace", paramLabel = "DIR", description = "The workspace directory (default: $INSIGHT_WORKSPACE or ./insight-data).")
  Path workspace;

  @Option(names = "--user", paramLabel = "ID", description = "Who is reading (default: $USER).")
  String user;

  @Option(names = "--auths", paramLabel = "A,B", split = ",", description = "The reader's authorizations, e.g. INTERPOL,FR,POLICE.")
  List<String> auths = new ArrayList<>();

  @Option(names = "--purpose", paramLabel = "PURPOSE", defaultValue = "criminal-investigation",
      description = "Why the reader reads: criminal-investigation, counter-terrorism, missing-persons, border-control, ... (default: ${DEFAULT-VALUE}).")
  String purpose;

  @Option(names = "--json", description = "Print JSON for machines instead of tables.")
  boolean json;

  @Option(names = "--debug", description = "Print stack traces on errors.")
  boolean debug;

  /** A workspace and a session on it, closed together. */
  record Opened(Workspace workspace, Session session) implements AutoCloseable {
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
  Opened write() {
    return session(Workspace.open(workspaceDir()));
  }

  /** Opens the workspace for a command that only reads, and a session on it. */
  Opened read() {
    return session(Workspace.open(workspaceDir()));
  }

  private Opened session(Workspace ws) {
    try {
      return new Opened(ws, ws.session(principal(), purpose()));
    } catch (RuntimeException e) {
      ws.close();
      throw e;
    }
  }

  Principal principal() {
    String id = user != null ? user : System.getProperty("user.name", "cli");
    return Principal.of(id, auths);
  }

  Purpose purpose() {
    return Purpose.of(purpose);
  }
}
