package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Provenance;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.test.Directories;

/**
 * Rule 2 for case packages: what a partly cleared member exports of a case is, file for file, what it would export from
 * a workspace holding only the data it may see — and never holds a canary planted in what it cannot see. The full
 * workspace is padded with a hidden statement on the visible entity (same entity id, same property), a hidden entity
 * with the visible one's name, a hidden document, hidden notes and tasks by a higher-cleared member, annotations on the
 * hidden entity, and references to all of them.
 */
class CasePackageNoLeakProperties {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final Principal READER = Principal.of("alice", "INTERPOL");
  private static final Principal BOB = Principal.of("bob", "INTERPOL", "SECRET");
  private static final String CANARY = "CANARY-7f3a";
  private static final KeyPair KEYS = keys();

  @Property(tries = 8)
  void aPackageHoldsOnlyWhatItsExporterSees(@ForAll @IntRange(min = 0, max = 3) int padding,
      @ForAll boolean bytes) throws IOException {
    Path full = Files.createTempDirectory("pkg-full");
    Path only = Files.createTempDirectory("pkg-only");
    try {
      Path a = world(full, true, padding, bytes);
      Path b = world(only, false, padding, bytes);
      for (String f : List.of("entities.jsonl", "entities.ftm.csv", "documents.jsonl", "case.jsonl", "handling.json")) {
        assertEquals(Files.readString(b.resolve(f)), Files.readString(a.resolve(f)), f);
      }
      assertEquals(auditShape(b), auditShape(a), "audit.jsonl");
      try (Stream<Path> files = Files.walk(a)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(CANARY),
              f.getFileName() + " holds what the exporter cannot see");
        }
      }
    } finally {
      Directories.delete(full);
      Directories.delete(only);
    }
  }

  /** Builds a workspace, has alice export its case, and returns the package directory. */
  private static Path world(Path dir, boolean padded, int padding, boolean bytes) {
    try (Workspace ws = Workspace.builder(dir.resolve("ws")).clock(Fixtures.FIXED).open()) {
      Session loader = ws.session(Fixtures.loader("loader"), CI);
      var visible = Fixtures.person(Fixtures.dataset("ds", "INTERPOL"), "1", "Ivan Petrov");
      loader.add(visible);
      Document doc = document(loader, "Report on Ivan Petrov", "INTERPOL", "r1");
      Session bob = ws.session(BOB, CI);
      String caseId = bob.cases().create("Operation Heron", Label.of("INTERPOL")).id();
      bob.cases().addMember(caseId, "alice");
      bob.cases().add(caseId, CaseTarget.entity(visible.id()), null);
      bob.cases().add(caseId, CaseTarget.document(doc.id()), null);
      bob.cases().annotate(caseId, CaseTarget.entity(visible.id()), "same as the notice", null);
      ws.session(READER, CI).cases().note(caseId, "alice's own note", null);
      if (padded) {
        // the same entity id, a hidden value: the visible entity goes out without it
        loader.add(Fixtures.person(Fixtures.dataset("ds", "INTERPOL&SECRET"), "1", "Ivan " + CANARY));
        var hidden = Fixtures.person(Fixtures.dataset("ds2", "INTERPOL&SECRET"), "1", "Ivan Petrov " + CANARY);
        loader.add(hidden);
        Document secret = document(loader, "Secret report " + CANARY, "INTERPOL&SECRET", "r2");
        bob.cases().add(caseId, CaseTarget.entity(hidden.id()), null);
        bob.cases().add(caseId, CaseTarget.document(secret.id()), null);
        for (int i = 0; i < padding; i++) {
          bob.cases().note(caseId, "source " + i + " " + CANARY, Label.of("SECRET"));
          bob.cases().annotate(caseId, CaseTarget.entity(hidden.id()), "seen " + i + " " + CANARY, null);
          CaseItem t = bob.cases().task(caseId, "task " + i + " " + CANARY, "bob", null, Label.of("SECRET"));
          bob.cases().updateTask(caseId, t.id(), 1, "done", null, null);
        }
      }
      PackageOptions o = PackageOptions.signedWith(KEYS.getPrivate(), KEYS.getPublic(), "lyon");
      return ws.session(READER, CI).cases().exportPackage(caseId, bytes ? o.includingBytes() : o,
          dir.resolve("pkg")).directory();
    }
  }

  private static Document document(Session loader, String text, String label, String record) {
    ContentHash hash = loader.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    Document d = new Document(null, hash, "Report", text, "en", Map.of(), null, null, Label.of(label),
        Provenance.of("reports", record, "text:plain", null).withContentHash(hash));
    loader.add(d);
    return d;
  }

  /** The audit extract without positions in the log (the padded log is longer by design). */
  private static List<String> auditShape(Path pkg) throws IOException {
    return Files.readAllLines(pkg.resolve("audit.jsonl")).stream()
        .map(l -> l.replaceAll("\"sequence\":\\d+,\"hash\":\"[^\"]*\",", "")).toList();
  }

  private static KeyPair keys() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
