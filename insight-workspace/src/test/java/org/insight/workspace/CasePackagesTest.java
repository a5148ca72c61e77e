package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasePackagesTest {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final Principal BOB = Principal.of("bob", "INTERPOL", "SECRET");
  private static final Principal ALICE = Principal.of("alice", "INTERPOL");
  private static final Principal RECEIVER = Principal.of("rita", "INTERPOL", "SECRET");

  @TempDir Path dir;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-06-01T10:00:00Z"));
  private Workspace from;
  private Workspace to;
  private KeyPair keys;
  private Entity open;
  private Entity secret;
  private Document doc;
  private String caseId;

  @BeforeEach
  void data() throws Exception {
    keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    from = Workspace.builder(dir.resolve("from")).clock(clock).open();
    to = Workspace.builder(dir.resolve("to")).clock(clock).open();
    Session loader = from.session(Fixtures.loader("loader"), CI);
    open = Fixtures.person(Fixtures.dataset("ds", "INTERPOL"), "1", "Ivan Petrov");
    secret = Fixtures.person(Fixtures.dataset("ds", "INTERPOL&SECRET"), "2", "Hidden Person CANARY");
    loader.add(open, secret);
    String text = "Report on Ivan Petrov";
    ContentHash hash = loader.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    doc = new Document(null, hash, "Report", text, "en", Map.of(), null, null, Label.of("INTERPOL"),
        Provenance.of("reports", "r1", "text:plain", null).withContentHash(hash));
    loader.add(doc);
    Cases bob = as(BOB);
    caseId = bob.create("Operation Heron", Label.of("INTERPOL")).id();
    as(BOB).addMember(caseId, "alice");
    as(BOB).add(caseId, CaseTarget.entity(open.id()), null);
    as(BOB).add(caseId, CaseTarget.entity(secret.id()), null);
    as(BOB).add(caseId, CaseTarget.document(doc.id()), null);
    as(BOB).note(caseId, "a source says CANARY", Label.of("SECRET"));
    as(BOB).annotate(caseId, CaseTarget.entity(open.id()), "same as the notice", null);
    CaseItem task = as(BOB).task(caseId, "Check the phone", "bob", LocalDate.of(2026, 7, 1), null);
    as(BOB).updateTask(caseId, task.id(), 1, "in-progress", null, null);
  }

  @AfterEach
  void close() {
    from.close();
    to.close();
  }

  private Cases as(Principal p) {
    clock.advanceSeconds(1);
    return from.session(p, CI).cases();
  }

  private Cases into(Principal p) {
    clock.advanceSeconds(1);
    return to.session(p, CI).cases();
  }

  private CasePackage export(Principal p, Path out, boolean bytes) {
    PackageOptions o = PackageOptions.signedWith(keys.getPrivate(), keys.getPublic(), "lyon");
    return as(p).exportPackage(caseId, bytes ? o.includingBytes() : o, out);
  }

  private static long count(Workspace ws, String operation) {
    long[] n = {0};
    ws.audit.forEach(r -> n[0] += r.event().operation().equals(operation) ? 1 : 0);
    return n[0];
  }

  private static Set<List<String>> statements(Workspace ws, Principal p, Entity e) {
    return ws.session(p, CI).entity(e.id()).map(x -> x.statements().stream()
        .map(s -> List.of(s.id(), s.property(), s.value(), s.label().toString(), s.provenance().dataset(),
            s.provenance().recordId(), s.provenance().method()))
        .collect(Collectors.toSet())).orElse(Set.of());
  }

  private static List<List<String>> items(CaseView v) {
    return java.util.stream.Stream.of(v.references(), v.notes(), v.tasks()).flatMap(List::stream)
        .map(i -> List.of(i.id(), i.kind().text(), Long.toString(i.version()), i.text(), i.state(), i.label().toString(),
            i.author(), i.target().map(Object::toString).orElse(""), i.createdAt().toString()))
        .toList();
  }

  @Test
  void anImportOfAnExportEqualsTheOriginalForAReaderClearedForAllOfIt() throws Exception {
    long before = from.audit.size();
    CasePackage p = export(BOB, dir.resolve("pkg"), true);
    assertEquals(before + 1, from.audit.size(), "one entry for the export");
    assertEquals(1, count(from, "case.export"));
    assertEquals(2, p.entities());
    assertEquals(1, p.documents());
    assertEquals(1, p.evidence());
    String ftm = Files.readString(p.directory().resolve("entities.ftm.csv"));
    assertTrue(ftm.contains("Ivan Petrov") && ftm.contains("INTERPOL&SECRET"), "FtM statements with their labels");
    long received = to.audit.size();
    CasePackageImport in = into(RECEIVER).importPackage(p.directory(), keys.getPublic());
    assertEquals(received + 1, to.audit.size(), "one entry for the import");
    assertEquals(1, count(to, "case.import"));
    assertEquals(caseId, in.caseId());
    assertEquals("lyon", in.origin());
    assertEquals("bob", in.exportedBy());
    for (Entity e : List.of(open, secret)) {
      assertEquals(statements(from, BOB, e), statements(to, RECEIVER, e));
    }
    CaseView original = as(BOB).show(caseId).orElseThrow();
    CaseView imported = into(RECEIVER).show(caseId).orElseThrow();
    assertEquals(items(original), items(imported));
    assertEquals(original.summary().title(), imported.summary().title());
    assertEquals(original.summary().label(), imported.summary().label());
    Document copy = to.session(RECEIVER, CI).document(doc.id()).orElseThrow();
    assertEquals(doc.text(), copy.text());
    assertEquals(doc.label(), copy.label());
    assertTrue(to.session(RECEIVER, CI).evidence(doc.contentHash()).isPresent(), "the bytes came along");
    // the originator is kept: every statement says where it came from
    Statement st = to.session(RECEIVER, CI).entity(open.id()).orElseThrow().statements().get(0);
    Provenance origin = st.provenance().derivedFrom().get(st.provenance().derivedFrom().size() - 1);
    assertEquals("package:lyon:bob", origin.method());
    assertEquals("loader", origin.ingestedBy());
  }

  @Test
  void importingTwiceIsIdempotent() throws Exception {
    CasePackage p = export(BOB, dir.resolve("pkg"), true);
    into(RECEIVER).importPackage(p.directory(), keys.getPublic());
    CaseView first = into(RECEIVER).show(caseId).orElseThrow();
    Set<List<String>> statements = statements(to, RECEIVER, open);
    long journal = Files.size(dir.resolve("to").resolve("cases").resolve("journal.jsonl"));
    into(RECEIVER).importPackage(p.directory(), keys.getPublic());
    assertEquals(journal, Files.size(dir.resolve("to").resolve("cases").resolve("journal.jsonl")), "nothing appended");
    assertEquals(items(first), items(into(RECEIVER).show(caseId).orElseThrow()));
    assertEquals(statements, statements(to, RECEIVER, open));
    assertEquals(1, to.session(RECEIVER, CI).entity(open.id()).orElseThrow().statements().get(0).provenance()
        .derivedFrom().stream().filter(d -> d.method().startsWith("package:")).count());
    assertEquals(2, count(to, "case.import"));
  }

  @Test
  void aPackageCannotMakeItsImporterAMemberOfACaseAlreadyHeldHere() throws Exception {
    CasePackage p = export(BOB, dir.resolve("pkg"), true);
    into(RECEIVER).importPackage(p.directory(), keys.getPublic());
    Path journal = dir.resolve("to").resolve("cases").resolve("journal.jsonl");
    long size = Files.size(journal);
    // another principal of the receiving workspace, cleared for everything in it, holding the same package
    Principal mallory = Principal.of("mallory", "INTERPOL", "SECRET");
    WriteRefusedException e = assertThrows(WriteRefusedException.class,
        () -> into(mallory).importPackage(p.directory(), keys.getPublic()));
    assertTrue(e.getMessage().contains("not an active member"), e.getMessage());
    assertEquals(size, Files.size(journal), "nothing appended to the case");
    assertTrue(into(mallory).show(caseId).isEmpty(), "and no membership gained");
    // a removed member is not re-activated by a package either
    into(RECEIVER).addMember(caseId, "mallory");
    into(RECEIVER).removeMember(caseId, "mallory");
    assertThrows(WriteRefusedException.class, () -> into(mallory).importPackage(p.directory(), keys.getPublic()));
    assertTrue(into(mallory).show(caseId).isEmpty());
  }

  @Test
  void aTamperedFileIsRefusedNamingItAndNothingIsWritten() throws Exception {
    CasePackage p = export(BOB, dir.resolve("pkg"), false);
    Path f = p.directory().resolve("entities.jsonl");
    Files.writeString(f, Files.readString(f).replace("Ivan Petrov", "Ivan Petrow"));
    PackageRefusedException e = assertThrows(PackageRefusedException.class,
        () -> into(RECEIVER).importPackage(p.directory(), keys.getPublic()));
    assertTrue(e.getMessage().contains("entities.jsonl"), e.getMessage());
    assertEquals("case.import", last(to).event().operation());
    assertEquals("error: package refused", last(to).event().outcome());
    assertTrue(to.session(RECEIVER, CI).entity(open.id()).isEmpty());
    assertTrue(into(RECEIVER).list().isEmpty());
  }

  @Test
  void aTamperedManifestAWrongKeyAndAnUnlistedFileAreRefused() throws Exception {
    CasePackage p = export(BOB, dir.resolve("pkg"), false);
    Path m = p.directory().resolve("manifest.json");
    String manifest = Files.readString(m);
    Files.writeString(m, manifest.replace("\"origin\":\"lyon\"", "\"origin\":\"paris\""));
    PackageRefusedException tampered = assertThrows(PackageRefusedException.class,
        () -> into(RECEIVER).importPackage(p.directory(), keys.getPublic()));
    assertTrue(tampered.getMessage().contains("manifest.json"), tampered.getMessage());
    Files.writeString(m, manifest);

    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    PackageRefusedException wrongKey = assertThrows(PackageRefusedException.class,
        () -> into(RECEIVER).importPackage(p.directory(), other.getPublic()));
    assertTrue(wrongKey.getMessage().contains("not by the trusted key"), wrongKey.getMessage());

    Files.writeString(p.directory().resolve("extra.jsonl"), "{}\n");
    PackageRefusedException unlisted = assertThrows(PackageRefusedException.class,
        () -> into(RECEIVER).importPackage(p.directory(), keys.getPublic()));
    assertTrue(unlisted.getMessage().contains("extra.jsonl"), unlisted.getMessage());
    Files.delete(p.directory().resolve("extra.jsonl"));
    assertEquals(caseId, into(RECEIVER).importPackage(p.directory(), keys.getPublic()).caseId(), "intact again");
  }

  @Test
  void anImporterWithoutEveryLabelIsRefusedNamingThem() {
    CasePackage p = export(BOB, dir.resolve("pkg"), false);
    WriteRefusedException e = assertThrows(WriteRefusedException.class,
        () -> into(Principal.of("ann", "INTERPOL")).importPackage(p.directory(), keys.getPublic()));
    assertTrue(e.getMessage().contains("INTERPOL&SECRET"), e.getMessage());
    assertEquals("denied: not authorised to write", last(to).event().outcome());
    assertTrue(to.session(RECEIVER, CI).entity(open.id()).isEmpty(), "nothing written");
  }

  @Test
  void aPartlyClearedExporterExportsOnlyWhatItSeesAndDocumentsWithoutBytesAreNamed() throws Exception {
    CasePackage p = export(ALICE, dir.resolve("pkg"), false);
    assertEquals(1, p.entities());
    try (var files = Files.walk(p.directory())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f);
        assertFalse(text.contains("CANARY"), f + " holds what alice cannot see");
        assertFalse(text.contains(secret.id().value()), f + " names an entity alice cannot see");
      }
    }
    CasePackageImport in = into(Principal.of("ann", "INTERPOL")).importPackage(p.directory(), keys.getPublic());
    assertEquals(List.of(doc.id()), in.documentsWithoutEvidence());
  }

  private static AuditRecord last(Workspace ws) {
    return ws.audit.tail(1).get(0);
  }

  @Test
  void aZipPackageCarriesMembersTasksAndHistoryAndImportsTwiceIdempotently() throws Exception {
    CasePackage p = export(BOB, dir.resolve("heron.zip"), true);
    assertTrue(Files.isRegularFile(p.directory()), "one file");
    try (var zip = new java.util.zip.ZipFile(p.directory().toFile())) {
      assertTrue(zip.getEntry("manifest.sig") != null && zip.getEntry("manifest.json") != null);
    }
    into(RECEIVER).importPackage(p.directory(), keys.getPublic());
    CaseView original = as(BOB).show(caseId).orElseThrow();
    CaseView imported = into(RECEIVER).show(caseId).orElseThrow();
    assertEquals(items(original), items(imported));
    assertEquals(List.of("bob", "alice", "rita"), imported.members().stream().map(CaseItem::principal).toList(),
        "the members as principal ids, and the importer");
    List<CaseEvent> history = imported.history().stream().filter(e -> !e.by().equals("rita")).toList();
    assertEquals(original.history(), history, "the history, each event with its original author and time");
    assertEquals("in-progress", imported.tasks().get(0).state());
    long journal = Files.size(dir.resolve("to").resolve("cases").resolve("journal.jsonl"));
    CasePackageImport again = into(RECEIVER).importPackage(p.directory(), keys.getPublic());
    assertEquals(caseId, again.caseId());
    assertEquals(journal, Files.size(dir.resolve("to").resolve("cases").resolve("journal.jsonl")), "nothing new");
    assertEquals(imported, into(RECEIVER).show(caseId).orElseThrow());
  }

  @Test
  void aZipWithAByteFlippedAnEntryAddedOrAnEntryRemovedIsRefusedClearly() throws Exception {
    CasePackage p = export(BOB, dir.resolve("heron.zip"), true);
    byte[] zip = Files.readAllBytes(p.directory());

    byte[] flipped = zip.clone();
    int at = dataOffset(zip, "entities.jsonl");
    flipped[at + 5] ^= 0x20;
    assertRefused(flipped, "flipped.zip", "entities.jsonl");

    assertRefused(rezip(zip, "extra.jsonl", "{}\n".getBytes(StandardCharsets.UTF_8), null), "added.zip",
        "extra.jsonl");
    assertRefused(rezip(zip, null, null, "documents.jsonl"), "removed.zip", "lacks documents.jsonl");
    assertRefused(rezip(zip, null, null, "manifest.sig"), "unsigned.zip", "no manifest.sig");
    assertRefused(java.util.Arrays.copyOf(zip, zip.length / 2), "cut.zip", "not a readable zip");
    assertTrue(into(RECEIVER).list().isEmpty(), "nothing was imported");
    assertTrue(to.session(RECEIVER, CI).entity(open.id()).isEmpty());
    assertEquals(caseId, into(RECEIVER).importPackage(p.directory(), keys.getPublic()).caseId(), "the original is fine");
  }

  private void assertRefused(byte[] bytes, String name, String expected) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    PackageRefusedException e = assertThrows(PackageRefusedException.class,
        () -> into(RECEIVER).importPackage(f, keys.getPublic()), name);
    assertTrue(e.getMessage().contains(expected), name + ": " + e.getMessage());
    assertTrue(e.getMessage().contains("nothing was imported") || e.getMessage().contains("give the file"),
        name + " says what to do: " + e.getMessage());
    assertEquals("error: package refused", last(to).event().outcome());
  }

  /** Where an entry's (compressed) data starts: after its local header, the first header naming it. */
  private static int dataOffset(byte[] zip, String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 30 + n.length < zip.length; i++) {
      if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4
          && java.util.Arrays.equals(zip, i + 30, i + 30 + n.length, n, 0, n.length)) {
        int nameLength = (zip[i + 26] & 0xff) | (zip[i + 27] & 0xff) << 8;
        int extraLength = (zip[i + 28] & 0xff) | (zip[i + 29] & 0xff) << 8;
        return i + 30 + nameLength + extraLength;
      }
    }
    throw new AssertionError("no entry " + name);
  }

  /** The zip again, with an entry added or one left out. */
  private static byte[] rezip(byte[] zip, String add, byte[] content, String drop) throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip));
        var z = new java.util.zip.ZipOutputStream(out)) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (!e.getName().equals(drop)) {
          z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
          z.write(in.readAllBytes());
          z.closeEntry();
        }
      }
      if (add != null) {
        z.putNextEntry(new java.util.zip.ZipEntry(add));
        z.write(content);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
