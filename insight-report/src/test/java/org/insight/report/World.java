package org.insight.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.EntityBuilder;
import org.insight.core.EntityId;
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
 * A small world around a subject, {@code p0}: persons with names, birth dates and phones, associate links, events with
 * a place and time involving them, and documents naming them — each cell under one of a few labels, so that a reader
 * sees part of it. {@link #pad} adds invisible data built to show up in a product if anything leaked: a canary in
 * invisible statements on the subject and its neighbours, an invisible person linked to the subject, invisible
 * documents and events naming the subject, and an invisible earlier birth date.
 */
record World(List<String> names, List<int[]> links, List<Integer> labels, List<Integer> documents) {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  static final List<Label> LABELS = List.of(Label.of("A"), Label.of("B"), Label.of("A&B"), Label.of("A|C"),
      Label.of("A").and(Label.builder("A").caveat("REL-EU").build()));
  static final Label NEVER = Label.of("Z");
  static final String CANARY = "CANARY7731";
  static final Principal WRITER = Principal.of("writer", Set.of("A", "B", "C", "Z"));
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
  static final EntityId SUBJECT = EntityId.of("p0");
  private static final Dataset DS = Dataset.of("police-records", Label.of("A"), SourceGrading.parse("B2"));
  private static final Dataset PAD = Dataset.of("pad", Label.of("A"), SourceGrading.parse("C3"));

  /** A fixed world whose subject everyone holding A sees, with the given display names (for hostile-value tests). */
  static World of(String... names) {
    List<int[]> links = new ArrayList<>();
    for (int i = 1; i < names.length; i++) {
      links.add(new int[] {0, i});
    }
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      labels.add(0);
    }
    return new World(List.of(names), links, labels, List.of(0, 0));
  }

  Label label(int k) {
    return LABELS.get(labels.get(k % labels.size()));
  }

  static String person(int i) {
    return "p" + i;
  }

  static Workspace open(Path dir) {
    return Workspace.builder(dir).clock(CLOCK).open();
  }

  /** Writes the world's cells whose label passes {@code keep}. */
  void write(Workspace ws, Predicate<Label> keep) {
    Map<String, EntityBuilder> out = new LinkedHashMap<>();
    int k = 0;
    for (int i = 0; i < names.size(); i++) {
      cell(DS, out, "Person", person(i), "name", names.get(i), label(k++), keep);
      cell(DS, out, "Person", person(i), "birthDate", (1970 + i) + "-0" + (1 + i % 9) + "-1" + i % 10, label(k++), keep);
      cell(DS, out, "Person", person(i), "phone", "+3361234567" + i % 10, label(k++), keep);
    }
    for (int l = 0; l < links.size(); l++) {
      int[] link = links.get(l);
      Label label = label(k++);
      cell(DS, out, "Associate", "as-" + l, "person", person(link[0]), label, keep);
      cell(DS, out, "Associate", "as-" + l, "associate", person(link[1]), label, keep);
      cell(DS, out, "Associate", "as-" + l, "startDate", "201" + l % 10 + "-05", label, keep);
      Label place = label(k++);
      cell(DS, out, "Event", "ev-" + l, "point", (48.85 + l * 0.01) + "," + (2.35 + l * 0.01), place, keep);
      cell(DS, out, "Event", "ev-" + l, "startTime", "2026-03-0" + (1 + l % 9) + "T10:00:00Z", place, keep);
      cell(DS, out, "Event", "ev-" + l, "involved", person(link[0]), place, keep);
      cell(DS, out, "Event", "ev-" + l, "involved", person(link[1]), place, keep);
    }
    Session s = ws.session(WRITER, CI);
    if (!out.isEmpty()) {
      s.add(out.values().stream().map(EntityBuilder::build).toList());
    }
    for (int d = 0; d < documents.size(); d++) {
      Label label = LABELS.get(documents.get(d));
      if (keep.test(label)) {
        int other = names.size() > 1 ? 1 + d % (names.size() - 1) : 0;
        document(s, "Report " + d + ": " + names.get(0) + " was seen with " + names.get(other) + " at the harbour.",
            label, DS.name(), person(0), person(other));
      }
    }
  }

  /** Invisible data that would show in a product if it leaked. */
  void pad(Workspace ws) {
    Map<String, EntityBuilder> out = new LinkedHashMap<>();
    Predicate<Label> all = l -> true;
    cell(PAD, out, "Person", person(0), "name", CANARY + " Alias", NEVER, all);
    cell(PAD, out, "Person", person(0), "birthDate", "1901-01-01", NEVER, all);
    cell(PAD, out, "Person", person(0), "notes", CANARY + " informant", NEVER, all);
    cell(PAD, out, "Person", "pad-1", "name", CANARY + " Hidden Partner", NEVER, all);
    cell(PAD, out, "Person", "pad-1", "phone", "+33612345670", NEVER, all);
    cell(PAD, out, "Associate", "pad-as", "person", person(0), NEVER, all);
    cell(PAD, out, "Associate", "pad-as", "associate", "pad-1", NEVER, all);
    cell(PAD, out, "Event", "pad-ev", "point", "48.85,2.35", NEVER, all);
    cell(PAD, out, "Event", "pad-ev", "startTime", "2026-03-01T10:00:00Z", NEVER, all);
    cell(PAD, out, "Event", "pad-ev", "involved", person(0), NEVER, all);
    cell(PAD, out, "Event", "pad-ev", "summary", CANARY, NEVER, all);
    for (int i = 1; i < names.size(); i++) {
      cell(PAD, out, "Person", person(i), "notes", CANARY + " " + i, NEVER, all);
      cell(PAD, out, "Person", person(i), "phone", "+33612345670", NEVER, all);
    }
    Session s = ws.session(WRITER, CI);
    s.add(out.values().stream().map(EntityBuilder::build).toList());
    document(s, CANARY + " says " + names.get(0) + " met " + CANARY + " Hidden Partner.", NEVER, PAD.name(), person(0),
        "pad-1");
  }

  private static void cell(Dataset ds, Map<String, EntityBuilder> out, String type, String id, String property,
      String value, Label label, Predicate<Label> keep) {
    if (keep.test(label)) {
      out.computeIfAbsent(ds.name() + "/" + type + "/" + id, x -> ds.entity(type, id).id(EntityId.of(id)))
          .add(property, value, label);
    }
  }

  private static void document(Session s, String text, Label label, String dataset, String... persons) {
    ContentHash hash = s.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    Document d = new Document(null, hash, "report " + Math.abs(text.hashCode() % 1000), text, "en", Map.of(), null,
        null, label, Provenance.of(dataset, "doc-" + Math.abs(text.hashCode()), "text:plain", SourceGrading.parse("B2"))
        .withContentHash(hash));
    s.add(d);
    List<Mention> mentions = new ArrayList<>();
    for (int i = 0; i < persons.length; i++) {
      mentions.add(new Mention(d.id(), i, i + 1, "x", PropertyType.NAME, persons[i],
          Optional.of(EntityId.of(persons[i])), 1.0, label, Provenance.of(dataset, "m", "spot:test",
          SourceGrading.UNGRADED)));
    }
    s.addMentions(mentions);
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
