package org.insight.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh workspace (or any store that lives in a directory) per test, closed after it; its directory is deleted
 * when the test passed and kept, with its path printed, when it failed, so the failing state can be inspected.
 *
 * <pre>{@code
 * @RegisterExtension
 * final TemporaryWorkspace<Workspace> ws = TemporaryWorkspace.of(dir -> Workspace.builder(dir).create());
 * ... ws.get().session(principal, purpose) ...
 * }</pre>
 *
 * <p>It opens what it is given, so this module needs no insight-workspace and workspace's own tests can use it.
 *
 * @param <W> what is opened in the directory
 */
public final class TemporaryWorkspace<W extends AutoCloseable> implements BeforeEachCallback, AfterEachCallback {
  /** Opens {@code W} in a new, empty directory. */
  @FunctionalInterface
  public interface Opener<W> {
    /** Opens it in {@code directory}. */
    W open(Path directory) throws Exception;
  }

  private final Opener<W> opener;
  private Path directory;
  private W opened;

  private TemporaryWorkspace(Opener<W> opener) {
    this.opener = opener;
  }

  /** An extension opening each test's workspace with {@code opener}. */
  public static <W extends AutoCloseable> TemporaryWorkspace<W> of(Opener<W> opener) {
    return new TemporaryWorkspace<>(Objects.requireNonNull(opener, "opener"));
  }

  /** The workspace of the running test. */
  public W get() {
    if (opened == null) {
      throw new IllegalStateException("no workspace outside a test: register the extension with @RegisterExtension");
    }
    return opened;
  }

  /** The directory of the running test's workspace. */
  public Path directory() {
    get();
    return directory;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    directory = Files.createTempDirectory("insight-ws-");
    opened = opener.open(directory.resolve("ws"));
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      if (opened != null) {
        opened.close();
      }
    } finally {
      opened = null;
      if (context.getExecutionException().isPresent()) {
        System.err.println(context.getDisplayName() + " failed; its workspace is kept in " + directory);
      } else {
        delete(directory);
      }
    }
  }

  static void delete(Path root) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          if (e != null) {
            throw e;
          }
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the test workspace " + root, e);
    }
  }
}
