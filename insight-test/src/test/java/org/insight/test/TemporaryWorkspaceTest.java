package org.insight.test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TemporaryWorkspaceTest {
  /** Stands for a workspace: a directory with a file, and whether it was closed. */
  static final class Store implements AutoCloseable {
    final Path dir;
    boolean closed;

    Store(Path dir) throws Exception {
      this.dir = Files.createDirectories(dir);
      Files.writeString(dir.resolve("data"), "x");
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  static Store first;

  @RegisterExtension final TemporaryWorkspace<Store> ws = TemporaryWorkspace.of(Store::new);

  @Test
  @Order(1)
  void eachTestGetsAFreshOpenStore() {
    first = ws.get();
    assertTrue(Files.exists(first.dir.resolve("data")));
    assertTrue(first.dir.startsWith(ws.directory()));
    assertFalse(first.closed);
  }

  @Test
  @Order(2)
  void theLastOneWasClosedAndDeletedAfterPassing() {
    assertTrue(first.closed);
    assertFalse(Files.exists(first.dir), "a passing test's workspace is deleted");
    assertTrue(ws.get() != first);
  }

  @AfterAll
  static void outsideATestThereIsNone() {
    assertThrows(IllegalStateException.class, () -> TemporaryWorkspace.of(Store::new).get());
  }
}
