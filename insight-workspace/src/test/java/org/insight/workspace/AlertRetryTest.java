package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.insight.InsightException;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Provenance;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures are recorded and retried, never lost and never doubled: a listener that throws gets the alert again after
 * the next batch or on {@link Alerts#retry}; an evaluation that fails (here: the principal directory is down) is
 * evaluated again over the same batch, durably across a reopen; and a directory from the profile file evaluates
 * standing queries with the clearance the file gives now; and a batch stored by a process that stopped before
 * evaluating it is evaluated after the restart.
 */
class AlertRetryTest {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  @TempDir Path dir;

  @Test
  void aRefusedDeliveryIsHandedOverAgainOnceAndOnlyOnce() {
    List<String> pushed = new ArrayList<>();
    AtomicBoolean down = new AtomicBoolean(true);
    AlertListener listener = a -> {
      if (down.get()) {
        throw new IllegalStateException("the messaging is down");
      }
      pushed.add(a.id());
    };
    String first;
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).alertListener(listener).open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      alice.alerts().save("heron", "op heron", Label.of("FR"));
      AlertsTest.document(writer, "FR", "heron seen in Lyon");
      first = alice.alerts().list(null).get(0).id();
      assertEquals(List.of(), pushed, "refused, but kept and listed");
      AlertsTest.document(writer, "FR", "heron seen in Nice"); // still down
      assertEquals(List.of(), pushed);
    }
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).alertListener(listener).open()) {
      down.set(false);
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      assertEquals(List.of(), alice.alerts().retry(), "a retry raises nothing new");
      List<String> listed = alice.alerts().list(null).stream().map(Alert::id).toList();
      assertEquals(2, listed.size());
      assertEquals(listed, pushed, "both handed over after the reopen, in the order raised");
      assertEquals(first, pushed.get(0));
      Session writer = ws.session(Fixtures.loader("w"), CI);
      AlertsTest.document(writer, "FR", "heron seen in Brest");
      alice.alerts().retry();
      assertEquals(3, pushed.size(), "the new one once, the old ones not again: " + pushed);
      assertEquals(3, pushed.stream().distinct().count());
    }
  }

  @Test
  void aFailedEvaluationIsRecordedAndRetriedOverItsBatchEvenAfterAReopen() throws Exception {
    AtomicBoolean down = new AtomicBoolean(false);
    AtomicInteger lookups = new AtomicInteger();
    java.util.function.Function<String, Optional<Principal>> directory = id -> {
      lookups.incrementAndGet();
      if (down.get()) {
        throw new InsightException("the directory service does not answer");
      }
      return Optional.of(Principal.of(id, "FR"));
    };
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).principals(directory).open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      alice.alerts().save("heron", "op heron", Label.of("FR"));
      down.set(true);
      long before = ws.audit.size();
      AlertsTest.document(writer, "FR", "heron seen in Lyon");
      List<AuditRecord> entries = ws.audit.tail((int) (ws.audit.size() - before));
      assertTrue(entries.stream().anyMatch(r -> r.event().operation().equals("alert.evaluate")
          && r.event().query().contains("failed=1")), entries.toString());
      assertEquals(List.of(), alice.alerts().list(null), "nothing raised while the owner cannot be looked up");
      assertEquals(List.of(), alice.alerts().retry(), "still down: still pending");
    }
    down.set(false);
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).principals(directory).open()) {
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      List<Alert> retried = alice.alerts().retry();
      assertEquals(1, retried.size(), "the failed evaluation, done again after the reopen");
      assertEquals(retried, alice.alerts().list(null));
      assertEquals(List.of(), alice.alerts().retry(), "done once: nothing twice");
      Session writer = ws.session(Fixtures.loader("w"), CI);
      AlertsTest.document(writer, "FR", "an unrelated report");
      assertEquals(1, alice.alerts().list(null).size());
    }
  }

  @Test
  void aFailureIsRetriedByTheNextBatchToo() {
    AtomicBoolean down = new AtomicBoolean(false);
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).principals(id -> {
      if (down.get()) {
        throw new InsightException("down");
      }
      return Optional.of(Principal.of(id, "FR"));
    }).open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      alice.alerts().save("heron", "op heron", Label.of("FR"));
      down.set(true);
      AlertsTest.document(writer, "FR", "heron seen in Lyon");
      down.set(false);
      AlertsTest.document(writer, "FR", "heron seen in Nice");
      assertEquals(2, alice.alerts().list(null).size(), "Lyon by the retry, Nice by its own batch");
    }
  }

  @Test
  void aProfileDirectoryEvaluatesWithTheClearanceTheProfileFileGivesNow() throws Exception {
    Path profiles = dir.resolve("profiles.ini");
    Files.writeString(profiles, profileFile("DE"), StandardCharsets.UTF_8);
    Path ws = dir.resolve("ws");
    try (Workspace w = Workspace.builder(ws).clock(Fixtures.FIXED)
        .principals(ProfileDirectory.of(profiles, Map.of("alice", "fr-analyst"))).open()) {
      Session writer = w.session(Fixtures.loader("w"), CI);
      Session alice = w.session(Principal.of("alice", "FR", "DE"), CI);
      alice.alerts().save("heron", "op heron", Label.of("FR"));
      AlertsTest.document(writer, "DE", "heron seen in Hamburg");
      assertEquals(1, alice.alerts().list(null).size(), "DE granted by the analyst role");

      Files.writeString(profiles, profileFile("POLICE") + "\n# DE withdrawn\n", StandardCharsets.UTF_8);
      AlertsTest.document(writer, "DE", "heron seen in Bremen");
      AlertsTest.document(writer, "FR", "heron seen in Lyon");
      List<Alert> alerts = alice.alerts().list(null);
      assertEquals(2, alerts.size(), "Hamburg (listed to a session presenting DE) and Lyon, never Bremen: " + alerts);

      Files.writeString(profiles, "[nonsense", StandardCharsets.UTF_8); // a broken file: fail, never widen
      AlertsTest.document(writer, "FR", "heron seen in Nice");
      assertEquals(2, alice.alerts().list(null).size());
      Files.writeString(profiles, profileFile("POLICE") + "\n\n", StandardCharsets.UTF_8);
      assertEquals(1, alice.alerts().retry().size(), "Nice, once the file is right again");
    }
  }

  private static String profileFile(String roleToken) {
    return "[country FR]\nauthorizations = FR\n\n[role analyst]\nauthorizations = " + roleToken
        + "\npurposes = criminal-investigation\n\n[profile fr-analyst]\ncountry = FR\nrole = analyst\n";
  }

  @Test
  void aBatchStoredByAProcessThatStoppedBeforeEvaluatingItIsEvaluatedAfterTheRestart() {
    String text = "heron seen in Lyon";
    String documentId;
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      alice.alerts().save("heron", "op heron", Label.of("FR"));
      AlertsTest.document(writer, "FR", "a kestrel, nothing else"); // a whole write: nothing left pending
      // what Session.add does, stopped (as by kill -9) after the store write and before the evaluation
      ContentHash hash = writer.storeEvidence(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      Document d = new Document(Document.idFor("reports", Label.of("FR"), hash), hash, "t", text, "en", Map.of(), null,
          null, Label.of("FR"), Provenance.of("reports", "r-stopped", "text:plain", SourceGrading.UNGRADED)
              .withContentHash(hash));
      documentId = d.id();
      assertTrue(ws.standing.beforeWrite(List.of(), List.of(d.id())) != null, "written ahead: a query exists");
      ws.store.write(List.of(), List.of(d));
      assertEquals(List.of(), alice.alerts().list(null), "not evaluated yet");
    }
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      List<Alert> raised = alice.alerts().retry();
      assertEquals(1, raised.size(), "the stopped batch is evaluated on the next pass: " + raised);
      assertEquals(documentId, raised.get(0).itemId());
      assertEquals(List.of(), alice.alerts().retry(), "and only once");
      Session writer = ws.session(Fixtures.loader("w"), CI);
      AlertsTest.document(writer, "FR", "heron seen in Nice");
      assertEquals(2, alice.alerts().list(null).size(), "the next batch as usual, the stopped one not twice");
    }
  }

  @Test
  void aPassOfAnotherWriterLeavesABatchBeingStoredToItsOwnWriter() {
    String text = "heron seen in Lyon";
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      alice.alerts().save("heron", "op heron", Label.of("FR"));
      // one writer has recorded its batch ahead and is storing it ...
      ContentHash hash = writer.storeEvidence(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      Document d = new Document(Document.idFor("reports", Label.of("FR"), hash), hash, "t", text, "en", Map.of(), null,
          null, Label.of("FR"), Provenance.of("reports", "r-slow", "text:plain", SourceGrading.UNGRADED)
              .withContentHash(hash));
      assertTrue(ws.standing.beforeWrite(List.of(), List.of(d.id())) != null, "written ahead: a query exists");
      // ... while another writer's whole write runs its pass, which must not take the unstored batch as evaluated
      AlertsTest.document(ws.session(Fixtures.loader("w2"), CI), "FR", "a kestrel, nothing else");
      ws.store.write(List.of(), List.of(d));
      // and the first writer stops (kill -9) before its own evaluation
    }
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      List<Alert> raised = alice.alerts().retry();
      assertEquals(1, raised.size(), "the batch the other pass left alone is evaluated after the restart: " + raised);
    }
  }
}
