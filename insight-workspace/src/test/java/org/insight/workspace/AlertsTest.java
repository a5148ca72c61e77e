package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Provenance;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsTest {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  @TempDir Path dir;

  static Document document(Session writer, String label, String text) {
    ContentHash hash = writer.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    Document d = new Document(null, hash, "t", text, "en", Map.of(), null, null, Label.of(label),
        Provenance.of("reports", "r-" + hash.hex().substring(0, 8), "text:plain", SourceGrading.UNGRADED)
            .withContentHash(hash));
    writer.add(d);
    return d;
  }

  @Test
  void aStandingQueryRaisesOneAlertPerNewVisibleMatchWithItsEvidenceAndLabel() {
    List<Alert> pushed = new ArrayList<>();
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).alertListener(pushed::add).open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      StandingQuery q = alice.alerts().save("\"blue van\"", "op heron: the van", Label.of("FR"));
      assertEquals(q, alice.alerts().save("\"blue van\"", "op heron: the van", Label.of("FR")), "idempotent");

      Document seen = document(writer, "FR", "A blue van was parked by the port.");
      document(writer, "SECRET", "The blue van again, seen by a secret source."); // alice cannot see it
      document(writer, "FR", "A red car.");
      writer.add(Fixtures.person(Fixtures.dataset("ds", "FR"), "p1", "Blue Van Owner"));

      List<Alert> alerts = alice.alerts().list(null);
      assertEquals(1, alerts.stream().filter(a -> a.kind() == Alert.Kind.DOCUMENT).count(), alerts.toString());
      Alert a = alerts.stream().filter(x -> x.kind() == Alert.Kind.DOCUMENT).findFirst().orElseThrow();
      assertEquals(seen.id(), a.itemId());
      assertEquals(List.of(seen.id()), a.documentIds());
      assertEquals(Label.of("FR"), a.label());
      assertEquals(alerts, pushed, "the listener is told of each alert once");

      // the same document written again raises nothing new
      writer.add(seen);
      assertEquals(alerts.size(), alice.alerts().list(null).size());

      // another principal sees none of alice's queries or alerts
      Session bob = ws.session(Principal.of("bob", "FR", "SECRET"), CI);
      assertTrue(bob.alerts().list(null).isEmpty());
      assertTrue(bob.alerts().queries().isEmpty());
      assertEquals(Optional.empty(), bob.alerts().acknowledge(a.id()));

      Alert acked = alice.alerts().acknowledge(a.id()).orElseThrow();
      assertTrue(acked.acknowledged().isPresent());
      assertTrue(alice.alerts().list(null).stream().filter(x -> x.id().equals(a.id())).findFirst().orElseThrow()
          .acknowledged().isPresent());
    }
    // durable: a reopened workspace lists the same
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).readOnly().open()) {
      List<Alert> again = ws.session(Principal.of("alice", "FR"), CI).alerts().list(null);
      assertEquals(pushed.size(), again.size());
      assertEquals(1, again.stream().filter(x -> x.acknowledged().isPresent()).count());
    }
  }

  @Test
  void anEntityMatchCarriesTheConjunctionOfTheVisibleStatementsAndNamesThem() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Session alice = ws.session(Principal.of("alice", "FR", "DE"), CI);
      alice.alerts().saveSubject("Ivan Petrov", "op heron: the suspect", Label.of("FR"));
      writer.add(Fixtures.dataset("ds", "DE").entity("Person", "p1").add("name", "Ivan Petrov").build());
      writer.add(Fixtures.dataset("ds", "SECRET").entity("Person", "p1").add("name", "Ivan Petrov")
          .add("nationality", "ru").build());
      List<Alert> alerts = alice.alerts().list(null);
      assertEquals(1, alerts.size(), alerts.toString());
      Alert a = alerts.get(0);
      assertEquals(Alert.Kind.ENTITY, a.kind());
      assertEquals(Label.of("FR&DE"), a.label(), "the query's label and the visible statement's, never SECRET");
      assertEquals(1, a.statementIds().size(), "only the visible statement is evidence");
    }
  }

  @Test
  void aReducedClearanceStopsMatchingAndHidesWhatItLost() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Session before = ws.session(Principal.of("alice", "FR", "DE"), CI);
      before.alerts().save("heron", "op heron", Label.of("FR"));
      document(writer, "DE", "heron seen in Hamburg");
      assertEquals(1, before.alerts().list(null).size());

      Session after = ws.session(Principal.of("alice", "FR"), CI); // DE withdrawn
      assertTrue(after.alerts().list(null).isEmpty(), "the DE alert is hidden now");
      document(writer, "DE", "heron seen in Bremen");
      document(writer, "FR", "heron seen in Lyon");
      List<Alert> now = after.alerts().list(null);
      assertEquals(1, now.size(), now.toString());
      assertEquals(Label.of("FR"), now.get(0).label());
      assertEquals(2, before.alerts().list(null).size(),
          "a session presenting DE again sees its DE alert and the FR one; Bremen arrived while DE was withdrawn");
    }
  }

  @Test
  void aPrincipalDirectoryDecidesTheOwnersAuthorisations() {
    Map<String, Principal> directory = new java.util.concurrent.ConcurrentHashMap<>();
    directory.put("alice", Principal.of("alice", "FR", "DE"));
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED)
        .principals(id -> Optional.ofNullable(directory.get(id))).open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Session alice = ws.session(Principal.of("alice", "FR", "DE"), CI);
      alice.alerts().save("heron", "op heron", Label.of("FR"));
      directory.put("alice", Principal.of("alice", "FR"));
      document(writer, "DE", "heron seen in Hamburg");
      assertTrue(alice.alerts().list(null).isEmpty(), "evaluated with the directory's reduced clearance");
      directory.remove("alice");
      document(writer, "FR", "heron seen in Lyon");
      assertTrue(alice.alerts().list(null).isEmpty(), "a principal gone from the directory asks nothing");
    }
  }

  @Test
  void erasingTheItemErasesItsAlert() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      alice.alerts().save("heron", "op heron", Label.of("FR"));
      Document gone = document(writer, "FR", "heron seen in Hamburg");
      document(writer, "FR", "heron seen in Lyon");
      assertEquals(2, alice.alerts().list(null).size());
      writer.erase(Erasure.builder().documents(gone.id()).reason("court order").build());
      List<Alert> left = alice.alerts().list(null);
      assertEquals(1, left.size());
      assertTrue(left.stream().noneMatch(a -> a.itemId().equals(gone.id())));
    }
  }

  @Test
  void eachBatchIsAuditedOnceWhateverTheNumberOfQueries() throws Exception {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      for (int i = 0; i < 5; i++) {
        ws.session(Principal.of("u" + i, "FR"), CI).alerts().save("report", "watch " + i, Label.of("FR"));
      }
      Path inbox = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-inbox"));
      for (int i = 0; i < 3; i++) {
        Files.writeString(inbox.resolve("r" + i + ".txt"), "report number " + i);
      }
      Session writer = ws.session(Fixtures.loader("w"), CI);
      long before = ws.audit.size();
      writer.ingest(IngestRequest.builder(Fixtures.dataset("inbox", "FR")).source(IngestSource.directory(inbox))
          .build());
      List<AuditRecord> entries = ws.audit.tail((int) (ws.audit.size() - before));
      long evaluations = entries.stream().filter(r -> r.event().operation().equals("alert.evaluate")).count();
      long batches = entries.stream().filter(r -> r.event().operation().equals("add")).count();
      assertEquals(batches, evaluations, "one evaluation entry per batch written");
      assertEquals(15, entries.stream().filter(r -> r.event().operation().equals("alert.evaluate"))
          .mapToLong(r -> r.event().items().size()).sum(), "5 owners x 3 documents");
      assertEquals(3, ws.session(Principal.of("u3", "FR"), CI).alerts().list(null).size());
    }
  }

  @Test
  void aQueryWithAnUnknownPropertyOrALabelTheOwnerLacksIsRefused() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      assertThrows(WriteRefusedException.class, () -> alice.alerts().save("heron", "op", Label.of("SECRET")));
      assertThrows(org.insight.search.QuerySyntaxException.class,
          () -> alice.alerts().save("nosuchproperty:x", "op", Label.of("FR")));
      assertThrows(IllegalArgumentException.class, () -> alice.alerts().save("heron", " ", Label.of("FR")));
      assertTrue(alice.alerts().queries().isEmpty());
    }
  }
}
