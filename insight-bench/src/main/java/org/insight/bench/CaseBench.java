package org.insight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.workspace.CasePackage;
import org.insight.workspace.CaseTarget;
import org.insight.workspace.CaseView;
import org.insight.workspace.Cases;
import org.insight.workspace.PackageOptions;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * Cases, against plain baselines in the same JVM (wall time: every step here syncs to disk):
 * <ul>
 *   <li><b>append</b>: {@code Cases.note} (checks, one synced audit entry, one synced journal line) vs appending the
 *       same JSON line to a file and syncing it, APPENDS times, on an empty case and on a case of EVENTS events;
 *   <li><b>open</b> (replay): the first {@code Cases.show} of a case of EVENTS events in a freshly opened workspace
 *       (reads and folds the whole journal, builds the member's view) vs reading the same file as JSON lines with
 *       Jackson into a map by item; for 10,000 and EVENTS events;
 *   <li><b>package</b>: a case referring to ENTITIES entities exported as one signed zip, then verified and imported
 *       into a second workspace;
 * </ul>
 * and the peak heap of each. The big journals are filled with note lines written directly in the journal's format
 * (docs/architecture.md, "Cases"), after a header and a member written through the API.
 *
 * <pre>./run-bench cases [EVENTS] [APPENDS] [ENTITIES]</pre>
 */
public final class CaseBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final Principal WHO = Principal.of("bench", "A");

  private CaseBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int appends = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int entities = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    Path root = Files.createTempDirectory("case-bench");
    try (PeakHeap heap = PeakHeap.start()) {
      append(root.resolve("append-empty"), 0, appends, heap);
      for (int n : events > 10_000 ? List.of(10_000, events) : List.of(events)) {
        open(root.resolve("open-" + n), n, heap);
      }
      append(root.resolve("append-" + events), events, Math.max(1, appends / 5), heap);
      pack(root.resolve("package"), entities, heap);
    } finally {
      delete(root);
    }
  }

  /** APPENDS notes through the API vs the same lines appended and synced to a plain file. */
  private static void append(Path dir, int prefill, int n, PeakHeap heap) throws Exception {
    String caseId;
    try (Workspace ws = Workspace.open(dir)) {
      caseId = ws.session(WHO, CI).cases().create("Bench", Label.of("A")).id();
    }
    if (prefill > 0) {
      fill(dir, caseId, prefill);
    }
    Path plain = dir.resolve("plain.jsonl");
    long w0 = System.nanoTime();
    try (FileChannel ch = FileChannel.open(plain, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      for (int i = 0; i < n; i++) {
        ch.write(ByteBuffer.wrap((line(caseId, "plain-" + i, i, "A") + "\n").getBytes(StandardCharsets.UTF_8)));
        ch.force(false);
      }
    }
    long base = System.nanoTime() - w0;
    heap.reset();
    try (Workspace ws = Workspace.open(dir)) {
      Cases cases = ws.session(WHO, CI).cases();
      cases.show(caseId); // the journal is read once before timing
      w0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        cases.note(caseId, "note " + i + " of the bench", null);
      }
    }
    long ours = System.nanoTime() - w0;
    System.out.printf(Locale.ROOT, "append to a case of %,7d events: %,6.0f notes/s (%d) | plain JSON line + fsync:"
        + " %,6.0f lines/s | ratio %.2fx | peak heap %d MB%n", prefill, n / (ours / 1e9), n, n / (base / 1e9),
        (double) base / ours, heap.peakBytes() >> 20);
  }

  /** The first show of a case of N events in a fresh workspace vs a plain JSON-lines read of its journal. */
  private static void open(Path dir, int n, PeakHeap heap) throws Exception {
    String caseId;
    try (Workspace ws = Workspace.open(dir)) {
      caseId = ws.session(WHO, CI).cases().create("Bench", Label.of("A")).id();
    }
    fill(dir, caseId, n);
    Path journal = dir.resolve("cases").resolve("journal.jsonl");
    for (int round = 0; round < 2; round++) {
      long w0 = System.nanoTime();
      Map<String, List<JsonNode>> byItem = new HashMap<>();
      try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
        for (String l; (l = in.readLine()) != null; ) {
          JsonNode node = JSON.readTree(l);
          byItem.computeIfAbsent(node.get("item").asText(), k -> new ArrayList<>()).add(node);
        }
      }
      long base = System.nanoTime() - w0;
      heap.reset();
      long ours;
      int notes;
      try (Workspace ws = Workspace.open(dir)) {
        Session s = ws.session(WHO, CI);
        w0 = System.nanoTime();
        CaseView v = s.cases().show(caseId).orElseThrow();
        ours = System.nanoTime() - w0;
        notes = v.notes().size();
      }
      System.out.printf(Locale.ROOT, "open a case of %,7d events (%s): %,7.0f ms, %d notes seen | plain JSON-lines"
          + " read: %,6.0f ms, %d items | ratio %.2fx | peak heap %d MB | journal %d MB%n", n,
          round == 0 ? "cold" : "warm", ours / 1e6, notes, base / 1e6, byItem.size(), (double) ours / base,
          heap.peakBytes() >> 20, Files.size(journal) >> 20);
    }
  }

  /** A case referring to N entities: export as a signed zip, then verify and import elsewhere. */
  private static void pack(Path dir, int n, PeakHeap heap) throws Exception {
    Dataset ds = Dataset.of("bench", Label.of("A"), SourceGrading.UNGRADED);
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path zip = dir.resolve("case.zip");
    String caseId;
    try (Workspace ws = Workspace.open(dir.resolve("from"))) {
      Session s = ws.session(WHO, CI);
      List<Entity> people = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        people.add(ds.entity("Person", "p" + i).add("name", "Person " + i).add("birthDate", "1970-01-01")
            .add("nationality", "fr").build());
      }
      s.add(people.toArray(Entity[]::new));
      Cases cases = s.cases();
      caseId = cases.create("Bench package", Label.of("A")).id();
      for (Entity e : people) {
        cases.add(caseId, CaseTarget.entity(e.id()), null);
      }
      heap.reset();
      long w0 = System.nanoTime();
      CasePackage p = cases.exportPackage(caseId, PackageOptions.signedWith(keys.getPrivate(), keys.getPublic(),
          "bench"), zip);
      long export = System.nanoTime() - w0;
      System.out.printf(Locale.ROOT, "package of %,d entities (%,d statements, %,d items): export %,.0f ms, zip %,d"
          + " kB | peak heap %d MB%n", p.entities(), p.statements(), p.items(), export / 1e6, Files.size(zip) >> 10,
          heap.peakBytes() >> 20);
    }
    try (Workspace ws = Workspace.open(dir.resolve("to"))) {
      heap.reset();
      long w0 = System.nanoTime();
      var in = ws.session(WHO, CI).cases().importPackage(zip, keys.getPublic());
      long first = System.nanoTime() - w0;
      w0 = System.nanoTime();
      ws.session(WHO, CI).cases().importPackage(zip, keys.getPublic());
      long again = System.nanoTime() - w0;
      System.out.printf(Locale.ROOT, "  verify + import: %,.0f ms (%d entities, %d items); again (idempotent): %,.0f"
          + " ms | peak heap %d MB%n", first / 1e6, in.entities(), in.items(), again / 1e6, heap.peakBytes() >> 20);
    }
  }

  /** Appends N note lines for the case, in the journal's format, after its header and member. */
  private static void fill(Path dir, String caseId, int n) throws Exception {
    Path journal = dir.resolve("cases").resolve("journal.jsonl");
    String label;
    try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
      label = JSON.readTree(in.readLine()).get("label").asText(); // the case's label, as the journal writes it
    }
    try (BufferedWriter w = Files.newBufferedWriter(journal, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
      for (int i = 0; i < n; i++) {
        w.write(line(caseId, String.format(Locale.ROOT, "note-%024d", i), i, label));
        w.write('\n');
      }
    }
  }

  private static String line(String caseId, String item, int i, String label) {
    ObjectNode n = JSON.createObjectNode();
    n.put("f", 1);
    n.put("case", caseId);
    n.put("item", item);
    n.put("kind", "note");
    n.put("v", 1);
    n.put("label", label);
    n.put("by", WHO.id());
    n.put("at", Instant.ofEpochSecond(1_780_000_000L + i).toString());
    n.put("action", "create");
    n.putObject("fields").put("text", "note " + i + " of the bench, a line of ordinary length about a subject");
    return n.toString();
  }

  private static void delete(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
