package org.insight.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.insight.Hashing;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.core.json.ModelJson;
import org.insight.policy.Label;

/**
 * Writes and reads signed case packages (docs/collaboration.md, "Sharing packages"): the implementation behind
 * {@link Cases#exportPackage} and {@link Cases#importPackage}. A package is a directory of files listed with their
 * SHA-256 in {@code manifest.json}, which {@code manifest.sig} signs (Ed25519, base64).
 */
final class CasePackages {
  static final int FORMAT = 1;
  static final String KIND = "insight-case-package";
  static final String MANIFEST = "manifest.json";
  static final String SIGNATURE = "manifest.sig";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CasePackages() {}

  // ---------------------------------------------------------------------------------------------------- export

  static CasePackage export(Session session, Cases cases, String caseId, PackageOptions options, Path dir) {
    String query = "case=" + caseId + " bytes=" + options.bytes() + " origin=" + options.origin();
    boolean[] audited = {false};
    try {
      return export(session, cases, caseId, options, dir, query, audited);
    } catch (RuntimeException e) {
      if (!audited[0]) { // every call leaves one entry, a failed one too
        session.audit("case.export", query, List.of(), "error: " + e.getClass().getSimpleName());
      }
      throw e;
    }
  }

  private static CasePackage export(Session session, Cases cases, String caseId, PackageOptions options, Path dir,
      String query, boolean[] audited) {
    boolean zip = isZip(dir);
    if (zip && Files.exists(dir)) {
      throw new IllegalArgumentException("the package file " + dir + " exists; give a new file name");
    }
    if (!zip && Files.exists(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException("the package directory " + dir + " is not empty; give a new one");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
      }
    }
    Workspace ws = session.workspace();
    Map<String, List<CaseJournal.Entry>> all = ws.cases().read(caseId);
    Optional<CaseView> seen = cases.visible(caseId, all);
    if (seen.isEmpty()) {
      audited[0] = true;
      session.audit("case.export", query, List.of(), "error: no such case");
      throw Cases.noCase(caseId);
    }
    CaseView view = seen.get();
    // what the exporter sees of the case: the header and its visible items — members (as principal ids: what a
    // principal may see is the receiving deployment's business, never carried), references, notes, tasks —, each
    // with every version (the history the exporter may see), all carrying the item's label
    List<CaseItem> items = new ArrayList<>();
    items.addAll(view.members());
    items.addAll(view.references());
    items.addAll(view.notes());
    items.addAll(view.tasks());
    List<String> itemIds = new ArrayList<>();
    itemIds.add(caseId);
    items.forEach(i -> itemIds.add(i.id()));
    StringBuilder caseLines = new StringBuilder();
    Set<Label> labels = new LinkedHashSet<>();
    for (String id : itemIds) {
      for (CaseJournal.Entry e : all.get(id)) {
        caseLines.append(CaseJournal.toJson(e)).append('\n');
        labels.add(Label.parse(e.label()));
      }
    }
    // what the case is about, as the exporter sees it now
    Map<EntityId, Entity> entities = new LinkedHashMap<>();
    Map<String, Document> documents = new LinkedHashMap<>();
    for (CaseItem i : items) {
      if (i.target().isEmpty()) {
        continue;
      }
      CaseTarget t = i.target().get();
      if (t.kind() == CaseTarget.Kind.DOCUMENT || t.kind() == CaseTarget.Kind.SPAN) {
        session.visibleDocument(t.id()).ifPresent(d -> documents.putIfAbsent(d.id(), d));
      } else {
        EntityId id = EntityId.of(t.id());
        if (!entities.containsKey(id)) {
          session.visibleEntity(id).ifPresent(e -> entities.put(id, e));
        }
      }
    }
    StringBuilder entityLines = new StringBuilder();
    int statements = 0;
    for (Entity e : entities.values()) {
      ObjectNode n = JSON.objectNode();
      n.put("id", e.id().value());
      n.put("schema", e.schema());
      ArrayNode st = n.putArray("statements");
      for (Statement s : e.statements()) {
        st.add(ModelJson.statement(s));
        labels.add(s.label());
        statements++;
      }
      entityLines.append(ModelJson.write(n)).append('\n');
    }
    // the same entities for FollowTheMoney tools: FtM statement CSV, each value with its own label (docs/ftm.md)
    java.io.StringWriter ftm = new java.io.StringWriter();
    org.insight.core.ftm.FtmWriter.Sink sink = org.insight.core.ftm.FtmWriter.of(ws.schema())
        .statements(ftm, org.insight.core.ftm.FtmWriter.Lookup.of(entities.values()));
    entities.values().forEach(sink::write);
    sink.finish();
    StringBuilder documentLines = new StringBuilder();
    for (Document d : documents.values()) {
      documentLines.append(ModelJson.write(ModelJson.document(d))).append('\n');
      labels.add(d.label());
    }
    StringBuilder auditLines = new StringBuilder();
    Set<String> shown = new TreeSet<>(itemIds);
    entities.keySet().forEach(id -> shown.add(id.value()));
    shown.addAll(documents.keySet());
    int[] auditEntries = {0};
    String needle = "case=" + caseId;
    ws.audit.forEach(r -> {
      String q = r.event().query();
      int at = q.indexOf(needle);
      boolean aboutCase = at >= 0 && (at + needle.length() == q.length() || q.charAt(at + needle.length()) == ' ');
      // an entry naming anything the exporter does not see stays behind, and so does another principal's entry
      // naming nothing (a refused call on a hidden item); no entry's query text goes out
      boolean own = r.event().principal().equals(session.principal().id());
      if (aboutCase && shown.containsAll(r.event().items()) && (own || !r.event().items().isEmpty())) {
        ObjectNode n = JSON.objectNode();
        n.put("sequence", r.sequence());
        n.put("hash", r.hash());
        n.put("at", r.event().at().toString());
        n.put("principal", r.event().principal());
        n.put("operation", r.event().operation());
        n.put("outcome", r.event().outcome());
        ArrayNode ids = n.putArray("items");
        r.event().items().forEach(ids::add);
        auditLines.append(ModelJson.write(n)).append('\n');
        auditEntries[0]++;
      }
    });
    Label label = conjunction(labels);
    ObjectNode handling = JSON.objectNode();
    handling.put("format", FORMAT);
    handling.put("label", label.toString());
    handling.put("labelExpression", label.expression().canonical());
    ArrayNode caveats = handling.putArray("caveats");
    label.caveats().stream().sorted().forEach(caveats::add);
    ArrayNode purposes = handling.putArray("purposes");
    label.purposes().stream().map(Object::toString).sorted().forEach(purposes::add);
    ArrayNode originators = handling.putArray("originators");
    label.originators().stream().sorted().forEach(originators::add);
    label.reviewBy().ifPresentOrElse(d -> handling.put("reviewBy", d.toString()), () -> handling.putNull("reviewBy"));
    label.deleteAfter().ifPresentOrElse(d -> handling.put("deleteAfter", d.toString()),
        () -> handling.putNull("deleteAfter"));
    ArrayNode distinct = handling.putArray("labels");
    labels.stream().map(Label::toString).sorted().distinct().forEach(distinct::add);

    Map<String, byte[]> files = new TreeMap<>();
    files.put("case.jsonl", utf8(caseLines));
    files.put("entities.jsonl", utf8(entityLines));
    files.put("entities.ftm.csv", utf8(ftm.toString()));
    files.put("documents.jsonl", utf8(documentLines));
    files.put("audit.jsonl", utf8(auditLines));
    files.put("handling.json", utf8(ModelJson.write(handling) + "\n"));
    List<String> sent = new ArrayList<>(itemIds);
    entities.keySet().forEach(id -> sent.add(id.value()));
    sent.addAll(documents.keySet());
    Instant now = ws.now();
    // write-ahead: the one entry is durable before any byte reaches the directory
    audited[0] = true;
    session.audit("case.export", query + " entities=" + entities.size() + " statements=" + statements + " documents="
        + documents.size() + " label=" + label, sent, "ok");
    ObjectNode manifest = JSON.objectNode();
    manifest.put("format", FORMAT);
    manifest.put("kind", KIND);
    manifest.put("caseId", caseId);
    manifest.put("origin", options.origin());
    manifest.put("exportedBy", session.principal().id());
    manifest.put("purpose", session.purpose().name());
    manifest.put("exportedAt", now.toString());
    manifest.put("label", label.toString());
    byte[] publicKey = publicKey(options);
    manifest.put("publicKey", Base64.getEncoder().encodeToString(publicKey));
    manifest.put("keyFingerprint", fingerprint(publicKey));
    ArrayNode listed = manifest.putArray("files");
    if (options.bytes()) {
      for (String hex : new TreeSet<>(documents.values().stream().map(d -> d.contentHash().hex()).toList())) {
        files.put("evidence/" + hex, ws.evidence.read(ContentHash.parse(hex)));
      }
    }
    int evidence = (int) files.keySet().stream().filter(n -> n.startsWith("evidence/")).count();
    files.forEach((name, bytes) -> listed.add(fileEntry(name, Hashing.sha256Hex(bytes), bytes.length)));
    try {
      byte[] manifestBytes = utf8(ModelJson.write(manifest) + "\n");
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(options.signingKey());
      signer.update(manifestBytes);
      files.put(MANIFEST, manifestBytes);
      files.put(SIGNATURE, utf8(Base64.getEncoder().encodeToString(signer.sign()) + "\n"));
      if (zip) {
        writeZip(dir, files);
      } else {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
          Files.createDirectories(dir.resolve(f.getKey()).getParent());
          Files.write(dir.resolve(f.getKey()), f.getValue());
        }
      }
      return new CasePackage(caseId, dir, entities.size(), statements, documents.size(), evidence, itemIds.size(),
          auditEntries[0], label.toString(), Hashing.sha256Hex(manifestBytes), fingerprint(publicKey));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the package to " + dir + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with the given key: " + e.getMessage(), e);
    }
  }

  /** Whether a package path names the single-file form. */
  static boolean isZip(Path p) {
    return p.getFileName() != null && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
  }

  /**
   * Writes the package as one zip file: entries in name order with a fixed time (the same package, the same bytes),
   * written beside the target, synced, then renamed into place, so a half-written package never has its name.
   */
  private static void writeZip(Path file, Map<String, byte[]> files) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".part");
    try {
      try (java.io.OutputStream raw = Files.newOutputStream(tmp);
          java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(raw)) {
        for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
          java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(f.getKey());
          entry.setTime(0L);
          zip.putNextEntry(entry);
          zip.write(f.getValue());
          zip.closeEntry();
        }
      }
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
          java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The signing key's public half (X.509 DER), after checking the two halves are one pair. */
  private static byte[] publicKey(PackageOptions options) {
    try {
      byte[] probe = "insight-case-package".getBytes(StandardCharsets.UTF_8);
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(options.signingKey());
      signer.update(probe);
      Signature check = Signature.getInstance("Ed25519");
      check.initVerify(options.publicKey());
      check.update(probe);
      if (!check.verify(signer.sign())) {
        throw new IllegalArgumentException("the public key given is not the signing key's pair; give the matching one");
      }
      return options.publicKey().getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with the given key: " + e.getMessage(), e);
    }
  }

  /** The conjunction of the labels, folded in a fixed order as an export's (never too complex to write). */
  private static Label conjunction(Set<Label> labels) {
    List<Label> sorted = new ArrayList<>(labels);
    sorted.sort(java.util.Comparator.comparing(Label::toString));
    Label all = sorted.get(0);
    for (Label l : sorted.subList(1, sorted.size())) {
      all = all.andOrStricter(l);
    }
    return all;
  }

  private static ObjectNode fileEntry(String path, String sha256, long bytes) {
    ObjectNode n = JSON.objectNode();
    n.put("path", path);
    n.put("sha256", sha256);
    n.put("bytes", bytes);
    return n;
  }

  static String fingerprint(byte[] publicKeyDer) {
    return "sha256:" + Hashing.sha256Hex(publicKeyDer);
  }

  // ---------------------------------------------------------------------------------------------------- import

  /** A verified package's contents; the evidence is read from the package when stored. */
  private record Contents(JsonNode manifest, List<CaseJournal.Entry> entries, List<Entity> entities,
      List<Document> documents, Map<String, String> evidence) {}

  static CasePackageImport importPackage(Session session, Path dir, PublicKey trusted) {
    String query = "package=" + dir.getFileName();
    Source source = null;
    try {
      Contents c;
      try {
        source = Source.of(dir);
        c = verify(session, source, trusted);
      } catch (PackageRefusedException e) {
        session.audit("case.import", query, List.of(), "error: package refused");
        throw e;
      }
      return importVerified(session, source, c);
    } finally {
      if (source != null) {
        source.close();
      }
    }
  }

  private static CasePackageImport importVerified(Session session, Source source, Contents c) {
    String query;
    JsonNode m = c.manifest();
    String caseId = m.path("caseId").asText();
    String origin = m.path("origin").asText();
    String exportedBy = m.path("exportedBy").asText();
    query = "case=" + caseId + " origin=" + origin + " exportedBy=" + exportedBy + " key=" + m.path("keyFingerprint")
        .asText();
    // only authorised writes: every label, named at once, before anything is written or audited as written
    Set<Label> labels = new LinkedHashSet<>();
    c.entries().forEach(e -> labels.add(Label.parse(e.label())));
    c.entities().forEach(e -> e.statements().forEach(st -> labels.add(st.label())));
    c.documents().forEach(d -> labels.add(d.label()));
    Set<String> missing = new TreeSet<>();
    for (Label l : labels) {
      if (!l.expression().visibleTo(session.principal().authorizations())) {
        missing.add(l.toString());
      }
    }
    if (!missing.isEmpty()) {
      session.audit("case.import", query, List.of(), "denied: not authorised to write");
      throw new WriteRefusedException("principal '" + session.principal().id() + "' may not import this package: it"
          + " does not hold the labels " + missing + ", and a writer attaches only labels it holds; import as a"
          + " principal cleared for them");
    }
    Set<String> datasets = new TreeSet<>();
    datasets.add(Cases.DATASET);
    c.entities().forEach(e -> e.statements().forEach(st -> datasets.add(st.provenance().dataset())));
    c.documents().forEach(d -> datasets.add(d.provenance().dataset()));
    session.authorise("case.import", datasets, labels);
    Label caseLabel = Label.parse(c.entries().get(0).label());
    Workspace ws = session.workspace();
    if (!ws.decide(session.principal(), session.purpose(), caseLabel).allowed()) {
      session.audit("case.import", query, List.of(), "denied: not authorised to write");
      throw new WriteRefusedException("principal '" + session.principal().id() + "' could not see a case labelled "
          + caseLabel + " for " + session.purpose() + "; import it for a purpose its label allows");
    }
    // a case already held here changes only through its members: a package must not make its importer a member,
    // re-activate a removed one or write new versions of others' items into a case the importer is not in
    Map<String, List<CaseJournal.Entry>> here = ws.cases().read(caseId);
    if (!here.isEmpty() && !activeMember(here, caseId, session.principal().id())) {
      session.audit("case.import", query, List.of(), "denied: not a member of the case held here");
      throw new WriteRefusedException("case " + caseId + " is already held in this workspace and principal '"
          + session.principal().id() + "' is not an active member of it; ask one of its members to add you, then"
          + " import the package again");
    }
    // the originator is kept: each statement and document records who held it where, from the package
    String from = "package:" + origin + ":" + exportedBy;
    List<Entity> entities = new ArrayList<>();
    int statements = 0;
    for (Entity e : c.entities()) {
      List<Statement> kept = new ArrayList<>();
      for (Statement st : e.statements()) {
        kept.add(st.withProvenance(originated(st.provenance(), from)));
      }
      statements += kept.size();
      entities.add(Entity.of(e.id(), kept, ws.schema()));
    }
    List<Document> documents = new ArrayList<>();
    List<String> withoutEvidence = new ArrayList<>();
    java.util.concurrent.locks.Lock guard = ws.evidenceGuard.readLock();
    guard.lock(); // from the check that a document's bytes are stored to its commit, no erasure removes them
    try {
      for (Document d : c.documents()) {
        if (c.evidence().containsKey(d.contentHash().hex()) || ws.evidence.contains(d.contentHash())) {
          documents.add(d.withProvenance(originated(d.provenance(), from)
              .stamped(session.principal().id(), ws.now())));
        } else {
          withoutEvidence.add(d.id());
        }
      }
      List<String> ids = new ArrayList<>();
      ids.add(caseId);
      entities.forEach(e -> ids.add(e.id().value()));
      documents.forEach(d -> ids.add(d.id()));
      new LinkedHashSet<>(c.entries().stream().map(CaseJournal.Entry::itemId).toList()).forEach(i -> {
        if (!i.equals(caseId)) {
          ids.add(i);
        }
      });
      // write-ahead: the one entry is durable before anything is stored
      session.audit("case.import", query + " entities=" + entities.size() + " statements=" + statements + " documents="
          + documents.size(), ids, "ok");
      try {
        for (Map.Entry<String, String> ev : c.evidence().entrySet()) {
          try (InputStream in = source.open(ev.getValue())) {
            ws.evidence.put(in);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the package's evidence: " + e.getMessage(), e);
      }
      if (!entities.isEmpty()) {
        session.write(entities, w -> { }); // audited above, as part of the import
      }
      if (!documents.isEmpty()) {
        ws.store.write(List.of(), documents);
      }
    } finally {
      guard.unlock();
    }
    String importer = session.principal().id();
    Instant now = ws.now();
    int[] items = {0};
    ws.cases().write(caseId, existing -> {
      List<CaseJournal.Entry> add = new ArrayList<>();
      Set<String> itemIds = new LinkedHashSet<>();
      for (CaseJournal.Entry e : c.entries()) {
        itemIds.add(e.itemId());
        List<CaseJournal.Entry> have = existing.get(e.itemId());
        long at = have == null ? 0 : have.get(have.size() - 1).version();
        if (e.version() > at) {
          add.add(e); // each version once: importing again appends nothing
        }
      }
      items[0] = itemIds.size();
      if (here.isEmpty()) { // a new case here: its importer is a member (active, whatever the package says)
        String own = Cases.memberId(caseId, importer);
        CaseJournal.Entry last = null;
        for (CaseJournal.Entry e : c.entries()) {
          last = e.itemId().equals(own) ? e : last;
        }
        if (last == null) {
          add.add(new CaseJournal.Entry(caseId, own, CaseItem.Kind.MEMBER, 1, caseLabel.toString(), importer, now,
              "add", Map.of("principal", importer, "state", "active")));
        } else if (!last.field("state").equals("active")) {
          add.add(new CaseJournal.Entry(caseId, own, CaseItem.Kind.MEMBER, last.version() + 1, last.label(), importer,
              now, "add", Map.of("principal", importer, "state", "active")));
        }
      }
      return new CaseJournal.Planned(add, caseId);
    });
    return new CasePackageImport(caseId, origin, exportedBy, entities.size(), statements, documents.size(),
        withoutEvidence, items[0], m.path("keyFingerprint").asText());
  }

  private static boolean activeMember(Map<String, List<CaseJournal.Entry>> items, String caseId, String principal) {
    List<CaseJournal.Entry> versions = items.get(Cases.memberId(caseId, principal));
    return versions != null && versions.get(versions.size() - 1).field("state").equals("active");
  }

  /** The provenance with the package's originator added to what it was derived from (once). */
  private static Provenance originated(Provenance p, String from) {
    Provenance origin = new Provenance(p.dataset(), p.recordId(), p.contentHash(), p.ingestedAt(), p.ingestedBy(), from,
        p.grading(), List.of());
    if (p.derivedFrom().contains(origin)) {
      return p;
    }
    List<Provenance> derived = new ArrayList<>(p.derivedFrom());
    derived.add(origin);
    return new Provenance(p.dataset(), p.recordId(), p.contentHash(), p.ingestedAt(), p.ingestedBy(), p.method(),
        p.grading(), derived);
  }

  /**
   * Where a package's files are read from: a zip file (the form {@link #export} writes for a {@code .zip} name) or a
   * directory (the older form, still read). Names are '/'-separated; reads are bounded by what the signed manifest
   * says a file holds, so a doctored entry cannot make the reader inflate more than that.
   */
  private interface Source extends java.io.Closeable {
    /** The package, for messages. */
    String where();

    /** Every file in the package. */
    Set<String> names();

    /** A file's bytes, at most {@code limit} of them (one more than that: it is then not the file signed). */
    byte[] read(String name, long limit);

    /** A file's bytes as a stream. */
    InputStream open(String name) throws IOException;

    @Override
    void close();

    static Source of(Path path) {
      if (Files.isDirectory(path)) {
        return new DirectorySource(path);
      }
      if (!Files.isRegularFile(path)) {
        throw new PackageRefusedException("there is no package at " + path + "; give the .zip file (or the"
            + " directory) insight case export wrote");
      }
      return new ZipSource(path);
    }
  }

  private static final class DirectorySource implements Source {
    private final Path dir;

    DirectorySource(Path dir) {
      this.dir = dir;
    }

    @Override
    public String where() {
      return dir.toString();
    }

    @Override
    public Set<String> names() {
      Set<String> present = new TreeSet<>();
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile).forEach(p -> present.add(dir.relativize(p).toString().replace('\\', '/')));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
      }
      return present;
    }

    @Override
    public byte[] read(String name, long limit) {
      try (InputStream in = open(name)) {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name + " in " + dir + ": " + e.getMessage(), e);
      }
    }

    @Override
    public InputStream open(String name) throws IOException {
      return Files.newInputStream(dir.resolve(name));
    }

    @Override
    public void close() {}
  }

  private static final class ZipSource implements Source {
    private final Path file;
    private final java.util.zip.ZipFile zip;
    private final Set<String> names = new TreeSet<>();

    ZipSource(Path file) {
      this.file = file;
      try {
        this.zip = new java.util.zip.ZipFile(file.toFile());
      } catch (IOException e) {
        throw new PackageRefusedException(file + " is not a readable zip file (" + e.getMessage() + "): it was"
            + " altered or is not a case package; nothing was imported: ask the sender for the package again");
      }
      for (java.util.Enumeration<? extends java.util.zip.ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
        java.util.zip.ZipEntry e = en.nextElement();
        if (e.isDirectory()) {
          continue;
        }
        if (!names.add(e.getName())) {
          close();
          throw new PackageRefusedException(file + " holds the entry " + e.getName() + " twice: it was altered;"
              + " nothing was imported: ask the sender for the package again");
        }
      }
    }

    @Override
    public String where() {
      return file.toString();
    }

    @Override
    public Set<String> names() {
      return names;
    }

    @Override
    public byte[] read(String name, long limit) {
      try (InputStream in = open(name)) {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      } catch (IOException e) {
        throw new PackageRefusedException(name + " in " + file + " cannot be read (" + e.getMessage() + "): the zip"
            + " was altered or damaged; nothing was imported: ask the sender for the package again");
      }
    }

    @Override
    public InputStream open(String name) throws IOException {
      java.util.zip.ZipEntry e = zip.getEntry(name);
      if (e == null) {
        throw new java.io.FileNotFoundException(name);
      }
      return zip.getInputStream(e);
    }

    @Override
    public void close() {
      try {
        zip.close();
      } catch (IOException e) {
        // read-only: nothing to lose
      }
    }
  }

  /** The largest manifest or signature a package may have: both are small; a bigger one is not a package's. */
  private static final long SMALL = 16L << 20;

  /** Checks the signature with the trusted key, then every file's SHA-256; reads the contents only then. */
  private static Contents verify(Session session, Source source, PublicKey trusted) {
    String dir = source.where();
    Set<String> present = new TreeSet<>(source.names());
    for (String required : List.of(MANIFEST, SIGNATURE)) {
      if (!present.contains(required)) {
        throw new PackageRefusedException("the package in " + dir + " has no " + required + "; give the file"
            + " insight case export wrote");
      }
    }
    byte[] manifestBytes = source.read(MANIFEST, SMALL);
    byte[] sig;
    try {
      sig = Base64.getDecoder().decode(new String(source.read(SIGNATURE, SMALL), StandardCharsets.UTF_8).strip());
    } catch (IllegalArgumentException e) {
      throw new PackageRefusedException(SIGNATURE + " in " + dir + " is not a base64 signature; the package was"
          + " altered or is not a case package: ask its sender for it again");
    }
    String trustedPrint = fingerprint(trusted.getEncoded());
    boolean valid;
    try {
      Signature check = Signature.getInstance("Ed25519");
      check.initVerify(trusted);
      check.update(manifestBytes);
      valid = check.verify(sig);
    } catch (GeneralSecurityException e) {
      valid = false;
    }
    JsonNode manifest;
    try {
      manifest = ModelJson.read(new String(manifestBytes, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      manifest = null;
    }
    if (!valid) {
      String signer = manifest == null ? "" : manifest.path("keyFingerprint").asText("");
      throw new PackageRefusedException(!signer.isEmpty() && !signer.equals(trustedPrint)
          ? "the package in " + dir + " says it was signed by key " + signer + ", not by the trusted key "
              + trustedPrint + ", and its signature does not verify with the trusted key; nothing was imported: get"
              + " the sender's public key through a channel you trust"
          : MANIFEST + " in " + dir + " does not match its signature (" + SIGNATURE + ") under the trusted key "
              + trustedPrint + ": it was altered; nothing was imported: ask the sender for the package again");
    }
    if (manifest == null || !KIND.equals(manifest.path("kind").asText()) || manifest.path("format").asInt(0) < 1) {
      throw new PackageRefusedException(MANIFEST + " in " + dir + " is not a case package manifest");
    }
    if (manifest.path("format").asInt() > FORMAT) {
      throw new PackageRefusedException("the package in " + dir + " is of format " + manifest.path("format").asInt()
          + ", newer than this library reads (" + FORMAT + "); upgrade the INSIGHT SDK to import it");
    }
    Map<String, String> listed = new TreeMap<>();
    Map<String, Long> sizes = new TreeMap<>();
    for (JsonNode f : manifest.path("files")) {
      String name = f.path("path").asText();
      if (name.isEmpty() || name.startsWith("/") || name.contains("..") || name.contains("\\")) {
        throw new PackageRefusedException(MANIFEST + " in " + dir + " lists a file outside the package: " + name);
      }
      listed.put(name, f.path("sha256").asText());
      sizes.put(name, f.path("bytes").asLong(0));
    }
    present.remove(MANIFEST);
    present.remove(SIGNATURE);
    for (String name : present) {
      if (!listed.containsKey(name)) {
        throw new PackageRefusedException("the package in " + dir + " holds " + name + ", which its manifest does not"
            + " list: it was altered; nothing was imported: ask the sender for the package again");
      }
    }
    Map<String, byte[]> bytes = new TreeMap<>();
    Map<String, String> evidence = new TreeMap<>();
    for (Map.Entry<String, String> f : listed.entrySet()) {
      if (!present.contains(f.getKey())) {
        throw new PackageRefusedException("the package in " + dir + " lacks " + f.getKey() + ", which its manifest"
            + " lists; nothing was imported: ask the sender for the whole package");
      }
      String actual;
      if (f.getKey().startsWith("evidence/")) {
        actual = sha256(source, f.getKey(), sizes.get(f.getKey()));
        evidence.put(f.getKey().substring("evidence/".length()), f.getKey());
      } else {
        byte[] b = source.read(f.getKey(), sizes.get(f.getKey()));
        actual = Hashing.sha256Hex(b);
        bytes.put(f.getKey(), b);
      }
      if (!actual.equals(f.getValue())) {
        throw new PackageRefusedException(f.getKey() + " in " + dir + " does not match the SHA-256 its signed manifest"
            + " gives (" + f.getValue() + ", the file's is " + actual + "): it was altered; nothing was imported: ask"
            + " the sender for the package again");
      }
    }
    for (String required : List.of("case.jsonl", "entities.jsonl", "documents.jsonl")) {
      if (!bytes.containsKey(required)) {
        throw new PackageRefusedException("the package in " + dir + " has no " + required + "; it is not a case package");
      }
    }
    try {
      List<CaseJournal.Entry> entries = new ArrayList<>();
      String caseId = manifest.path("caseId").asText();
      for (String line : lines(bytes.get("case.jsonl"))) {
        CaseJournal.Entry e = CaseJournal.entry(ModelJson.read(line));
        if (!e.caseId().equals(caseId) || CaseJournal.ERASED.equals(e.action())) {
          throw new PackageRefusedException("case.jsonl in " + dir + " holds an item of another case or a tombstone");
        }
        entries.add(e);
      }
      if (entries.isEmpty() || entries.get(0).kind() != CaseItem.Kind.CASE) {
        throw new PackageRefusedException("case.jsonl in " + dir + " does not start with the case's header");
      }
      List<Entity> entities = new ArrayList<>();
      for (String line : lines(bytes.get("entities.jsonl"))) {
        JsonNode n = ModelJson.read(line);
        List<Statement> st = new ArrayList<>();
        n.path("statements").forEach(s -> st.add(ModelJson.statement(s)));
        entities.add(Entity.of(EntityId.of(n.path("id").asText()), st, session.workspace().schema()));
      }
      List<Document> documents = new ArrayList<>();
      for (String line : lines(bytes.get("documents.jsonl"))) {
        documents.add(ModelJson.document(ModelJson.read(line)));
      }
      for (Map.Entry<String, String> ev : evidence.entrySet()) {
        if (!ContentHash.parse(ev.getKey()).hex().equals(listed.get(ev.getValue()))) {
          throw new PackageRefusedException(ev.getValue() + " in " + dir + " is not the bytes its name says; nothing"
              + " was imported");
        }
      }
      return new Contents(manifest, entries, entities, documents, evidence);
    } catch (PackageRefusedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new PackageRefusedException("the package in " + dir + " is signed but unreadable (" + e.getMessage()
          + "); nothing was imported");
    }
  }

  private static List<String> lines(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }

  /** The SHA-256 of a file, reading at most one byte more than the manifest says it has. */
  private static String sha256(Source source, String name, long limit) {
    try (InputStream in = source.open(name)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      long left = limit + 1;
      for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
        md.update(buf, 0, n);
        left -= n;
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new PackageRefusedException(name + " in " + source.where() + " cannot be read (" + e.getMessage() + "):"
          + " the package was altered or damaged; nothing was imported: ask the sender for it again");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
