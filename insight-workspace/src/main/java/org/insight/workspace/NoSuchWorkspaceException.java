package org.insight.workspace;

import java.nio.file.Path;
import org.insight.InsightException;

/**
 * There is no workspace in a directory that was opened with {@link Workspace.Builder#mustExist()} or
 * {@link Workspace.Builder#readOnly()}; nothing was created there.
 */
public final class NoSuchWorkspaceException extends InsightException {
  private static final long serialVersionUID = 1L;

  private final Path directory;

  NoSuchWorkspaceException(Path directory) {
    super("there is no workspace in " + directory + " (no workspace.properties); check the path, or open it"
        + " for writing to create one there");
    this.directory = directory;
  }

  /** The directory that holds no workspace. */
  public Path directory() {
    return directory;
  }
}
