package org.insight.cli;

/**
 * A command could not do what was asked, for a reason that needs no stack trace (an id that is not visible, a broken
 * log, a path with no workspace): {@link Main} prints the message like every other error, as JSON with
 * {@code --json}, and exits with {@link #exit()}.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exit;

  /** A failure: exit 1. */
  CommandFailure(String message) {
    this(Main.FAILED, message);
  }

  CommandFailure(int exit, String message) {
    super(message, null, false, false);
    this.exit = exit;
  }

  int exit() {
    return exit;
  }
}
