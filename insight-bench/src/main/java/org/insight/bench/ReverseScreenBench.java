package org.insight.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * What screening a new watch-list entry against the workspace's subjects costs: adding notices one at a time to a
 * workspace holding SUBJECTS persons and MENTIONS person-name mentions, against the same adds to a workspace with
 * the watch list but no subjects (the store write, forward screening and audit alone), side by side in one JVM.
 * Reports the first add (which builds the writer's subject index), the p50/p99 of the later ones, the p50 of a notice
 * added right after a new subject (the index updated in place), the ratio to the baseline and peak heap.
 *
 * <pre>./run-bench reverse [SUBJECTS] [MENTIONS] [NOTICES]</pre>
 */
public final class ReverseScreenBench {
  private static final String[] GIVEN = {"Ivan", "Amina", "Marco", "Lucia", "Jean", "Karim", "Dieter", "Olga", "Omar",
      "Fatima", "Pavel", "Claire", "Yusuf", "Elena", "Tomas", "Leila"};
  private static final String[] SYLLABLES = {"ka", "ro", "mi", "sa", "del", "ben", "ov", "ez", "al", "ra", "shid",
      "lin", "ter", "mo", "ny", "vic", "ha", "dad", "kov", "ski"};
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;

  private ReverseScreenBench() {}

  public static void main(String[] args) throws Exception {
    int subjects = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int mentions = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int notices = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    Random random = new Random(42);
    List<String[]> people = new ArrayList<>(); // name, birth date
    for (int i = 0; i < subjects + mentions + notices + 100; i++) {
      people.add(new String[] {GIVEN[random.nextInt(GIVEN.length)] + " " + family(random),
          String.format(Locale.ROOT, "%d-%02d-%02d", 1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28))});
    }
    System.out.printf(Locale.ROOT, "ReverseScreenBench: %,d persons and %,d name mentions in the workspace, %d notices added one"
        + " at a time (half of them listing a person of the workspace); load average %.2f%n", subjects, mentions,
        notices, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Path root = Files.createTempDirectory("insight-reverse-bench");
    try (PeakHeap heap = PeakHeap.start(); Workspace with = open(root.resolve("with")); Workspace without = open(root.resolve("without"))) {
      long t0 = System.nanoTime();
      load(with, people, subjects, mentions);
      System.out.printf(Locale.ROOT, "  loading the subjects: %,d ms%n", (System.nanoTime() - t0) / 1_000_000);
      Dataset list = Dataset.of("notices", Label.of("INTERPOL"), SourceGrading.UNGRADED);
      List<Entity> entries = new ArrayList<>();
      for (int i = 0; i < notices; i++) {
        String[] p = i % 2 == 0 ? people.get(random.nextInt(subjects)) : people.get(subjects + mentions + i);
        entries.add(list.entity("Person", "n" + i).add("name", p[0]).add("birthDate", p[1]).build());
      }
      Session desk = with.session(Principal.of("desk", "FR", "INTERPOL"), CI);
      Session baseDesk = without.session(Principal.of("desk", "FR", "INTERPOL"), CI);
      // alternate the two workspaces so neither gains from the JIT warming on the other
      double[] withTimes = new double[notices];
      double[] withoutTimes = new double[notices];
      for (int i = 0; i < notices; i++) {
        long a = System.nanoTime();
        desk.add(entries.get(i));
        withTimes[i] = (System.nanoTime() - a) / 1e6;
        long b = System.nanoTime();
        baseDesk.add(entries.get(i));
        withoutTimes[i] = (System.nanoTime() - b) / 1e6;
      }
      // a subject, then a notice: the subject index is updated in place, not rebuilt
      Dataset records = Dataset.of("records", Label.of("FR"), SourceGrading.UNGRADED);
      Session clerk = with.session(Principal.of("clerk", "FR"), CI);
      double[] interleaved = new double[50];
      for (int i = 0; i < interleaved.length; i++) {
        String[] p = people.get(subjects + mentions + notices + i);
        clerk.add(records.entity("Person", "late" + i).add("name", p[0]).add("birthDate", p[1]).build());
        Entity entry = list.entity("Person", "late-n" + i).add("name", p[0]).add("birthDate", p[1]).build();
        long a = System.nanoTime();
        desk.add(entry);
        interleaved[i] = (System.nanoTime() - a) / 1e6;
      }
      long flags = with.session(Principal.of("analyst", "FR", "INTERPOL"), CI).flags(null, 0, 1).total();
      double[] later = Arrays.copyOfRange(withTimes, 1, notices);
      double[] baseLater = Arrays.copyOfRange(withoutTimes, 1, notices);
      System.out.printf(Locale.ROOT, "  first notice (builds the subject index): %,.0f ms (baseline %,.0f ms)%n", withTimes[0],
          withoutTimes[0]);
      System.out.printf(Locale.ROOT, "  later notices: p50 %.1f ms, p99 %.1f ms; baseline (no subjects) p50 %.1f ms, p99 %.1f ms;"
          + " ratio p50 %.2f%n", pct(later, 50), pct(later, 99), pct(baseLater, 50), pct(baseLater, 99),
          pct(later, 50) / pct(baseLater, 50));
      System.out.printf(Locale.ROOT, "  a notice right after a new subject (index updated in place): p50 %.1f ms, p99 %.1f ms%n",
          pct(interleaved, 50), pct(interleaved, 99));
      System.out.printf(Locale.ROOT, "  flags raised: %d (of %d notices listing a person of the workspace, + %d late pairs)%n",
          flags, (notices + 1) / 2, interleaved.length);
      System.out.printf(Locale.ROOT, "  peak heap (largest single sample of used heap, every 20 ms): %,d MB%n",
          heap.peakBytes() >> 20);
    } finally {
      delete(root);
    }
  }

  private static Workspace open(Path dir) {
    return Workspace.builder(dir).watchLists("notices").open();
  }

  private static String family(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = 2 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
  }

  private static void load(Workspace ws, List<String[]> people, int subjects, int mentions) {
    Session clerk = ws.session(Principal.of("clerk", "FR"), CI);
    Dataset records = Dataset.of("records", Label.of("FR"), SourceGrading.UNGRADED);
    List<Entity> batch = new ArrayList<>();
    for (int i = 0; i < subjects; i++) {
      batch.add(records.entity("Person", "p" + i).add("name", people.get(i)[0]).add("birthDate", people.get(i)[1])
          .build());
      if (batch.size() == 1_000 || i == subjects - 1) {
        clerk.add(batch);
        batch.clear();
      }
    }
    List<Document> documents = new ArrayList<>();
    List<Mention> found = new ArrayList<>();
    for (int i = 0; i < mentions; i++) {
      String name = people.get(subjects + i)[0];
      String text = "Report " + i + ": " + name + " was seen at the port.";
      ContentHash hash = clerk.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      Document d = new Document(null, hash, "Report " + i, text, "en", Map.of(), null, null, Label.of("FR"),
          Provenance.of("reports", "r" + i, "text:plain", null).withContentHash(hash));
      documents.add(d);
      int start = text.indexOf(name);
      found.add(new Mention(d.id(), start, start + name.length(), name, PropertyType.NAME, name, Optional.empty(), 0.9,
          Label.of("FR"), Provenance.derived("reports", "ner:bench", List.of(d.provenance()))));
      if (documents.size() == 500 || i == mentions - 1) {
        clerk.addDocuments(documents);
        clerk.addMentions(found);
        documents.clear();
        found.clear();
      }
    }
  }

  private static double pct(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
