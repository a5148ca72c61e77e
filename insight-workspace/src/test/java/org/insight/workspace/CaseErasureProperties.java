package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.test.Directories;

/**
 * The erasure law for cases: after {@link Session#erase} of entities and documents that a case refers to, annotates
 * (the whole entity, one of its statements, the document, a span of it) and references, every member reads the case
 * exactly as in a twin workspace that was never given the erased data — and so never got the items about it — and the
 * case journal on disk is byte for byte the twin's: no erased item's line (its note text holds the erased name)
 * stays. The erasure's audit entry names the tombstoned items (ids only). Members: cleared for A, for B, for both.
 */
class CaseErasureProperties {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final List<String> NAMES = List.of("Zoltan Quirkmeyer", "Ivan Petrov", "Maria Lopez", "Omar Rashid");
  private static final List<Label> LABELS = List.of(Label.of("A"), Label.of("B"), Label.of("A&B"));
  private static final Principal WRITER = Principal.of("w", "A", "B");
  private static final List<Principal> MEMBERS = List.of(WRITER, Principal.of("ra", "A"), Principal.of("rb", "B"),
      Principal.of("rab", "A", "B"));

  /** A person (record, name, label) or a document (dataset, name, label), erased or not. */
  record Item(boolean person, int record, int name, int label, boolean erase) {}

  @Property(tries = 15)
  void afterErasureEveryMemberReadsTheCaseAsInAWorkspaceThatNeverHadTheData(@ForAll("items") List<Item> items)
      throws IOException {
    List<Item> distinct = distinct(items);
    Path a = Files.createTempDirectory("case-erase-main");
    Path b = Files.createTempDirectory("case-erase-twin");
    try {
      String caseId;
      List<String> erasedItems;
      try (Workspace main = open(a); Workspace twin = open(b)) {
        caseId = build(main, distinct, true);
        assertEquals(caseId, build(twin, distinct.stream().filter(i -> !i.erase()).toList(), false));
        Erasure.Builder request = Erasure.builder().reason("property");
        boolean any = false;
        for (Item i : distinct) {
          if (i.erase()) {
            any = true;
            if (i.person()) {
              request.entities(person(i));
            } else {
              request.documents(document(i).id());
            }
          }
        }
        Set<String> before = itemIds(main.session(WRITER, CI).cases().show(caseId).orElseThrow());
        if (any) {
          main.session(WRITER, CI).erase(request.build());
          AuditRecord last = lastErase(main);
          Set<String> after = itemIds(main.session(WRITER, CI).cases().show(caseId).orElseThrow());
          Set<String> removed = new LinkedHashSet<>(before);
          removed.removeAll(after);
          assertTrue(last.event().items().containsAll(removed), "the erasure's audit entry names the items "
              + removed + ": " + last.event().items());
          assertFalse(last.event().query().contains("Report on"), "no value in the audit entry");
        }
        erasedItems = List.copyOf(before);
        for (Principal p : MEMBERS) {
          assertEquals(twin.session(p, CI).cases().show(caseId), main.session(p, CI).cases().show(caseId),
              "the case as " + p.id() + " sees it");
        }
      }
      assertArrayEquals(Files.readAllBytes(b.resolve("cases/journal.jsonl")),
          Files.readAllBytes(a.resolve("cases/journal.jsonl")), "the case journal on disk");
      for (Item i : distinct) {
        if (i.erase() && distinct.stream().noneMatch(x -> !x.erase() && x.name() == i.name())) {
          assertFalse(Files.readString(a.resolve("cases/journal.jsonl")).contains(NAMES.get(i.name())),
              "the erased name " + NAMES.get(i.name()) + " left the journal");
        }
      }
      // reopened (a new reader of the rewritten journal): still the twin's
      try (Workspace main = open(a); Workspace twin = open(b)) {
        for (Principal p : MEMBERS) {
          assertEquals(twin.session(p, CI).cases().show(caseId), main.session(p, CI).cases().show(caseId),
              "after reopening, the case as " + p.id() + " sees it (" + erasedItems.size() + " items before)");
        }
      }
    } finally {
      Directories.delete(a);
      Directories.delete(b);
    }
  }

  /** Writes the data, a case with every member, and references, annotations and a note about each item. */
  private static String build(Workspace ws, List<Item> items, boolean main) {
    Session w = ws.session(WRITER, CI);
    Set<EntityId> persons = new LinkedHashSet<>();
    for (Item i : items) {
      if (i.person()) {
        if (persons.add(person(i))) {
          var e = Fixtures.dataset("ds", LABELS.get(i.label())).entity("Person", "r" + i.record());
          items.stream().filter(x -> x.person() && x.record() == i.record())
              .forEach(x -> e.add("name", NAMES.get(x.name()), LABELS.get(x.label())));
          w.add(e.build());
        }
      } else {
        String text = text(i);
        ContentHash hash = w.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        w.add(new Document(null, hash, "report", text, "", Map.of(), null, null, LABELS.get(i.label()),
            Provenance.of("docs", "", "text:plain", SourceGrading.UNGRADED).withContentHash(hash)));
      }
    }
    Cases cases = w.cases();
    String caseId = cases.create("Operation Heron", Label.of("A|B")).id();
    MEMBERS.subList(1, MEMBERS.size()).forEach(m -> cases.addMember(caseId, m.id()));
    cases.note(caseId, "a note on the case", null);
    for (Item i : items) {
      String about = " about " + NAMES.get(i.name());
      if (i.person()) {
        if (!persons.remove(person(i))) {
          continue; // one set of items per person
        }
        EntityId id = person(i);
        cases.add(caseId, CaseTarget.entity(id), null);
        cases.annotate(caseId, CaseTarget.entity(id), "seen" + about, null);
        String statement = w.entity(id).orElseThrow().statements().get(0).id();
        cases.annotate(caseId, CaseTarget.statement(id, statement), "checked" + about, Label.of("A"));
      } else {
        String id = document(i).id();
        cases.add(caseId, CaseTarget.document(id), null);
        cases.annotate(caseId, CaseTarget.span(id, 10, 10 + NAMES.get(i.name()).length()), "named" + about, null);
      }
    }
    cases.task(caseId, "review", "ra", null, null);
    return caseId;
  }

  private static Set<String> itemIds(CaseView v) {
    Set<String> ids = new LinkedHashSet<>();
    for (List<CaseItem> l : List.of(v.members(), v.references(), v.notes(), v.tasks())) {
      l.forEach(i -> ids.add(i.id()));
    }
    return ids;
  }

  private static AuditRecord lastErase(Workspace ws) {
    AuditRecord[] last = {null};
    ws.audit.forEach(r -> {
      if (r.event().operation().equals("erase")) {
        last[0] = r;
      }
    });
    return last[0];
  }

  private static Workspace open(Path dir) {
    return Workspace.builder(dir).clock(Fixtures.FIXED).open();
  }

  private static EntityId person(Item i) {
    return EntityId.fromSource("ds", "r" + i.record());
  }

  private static String text(Item i) {
    return "Report on " + NAMES.get(i.name()) + " (" + i.record() + ")";
  }

  private static Document document(Item i) {
    ContentHash hash = ContentHash.of(text(i).getBytes(StandardCharsets.UTF_8));
    return new Document(null, hash, "report", text(i), "", Map.of(), null, null, LABELS.get(i.label()),
        Provenance.of("docs", "", "text:plain", SourceGrading.UNGRADED));
  }

  /**
   * One item per statement and per document; a person is erased whole or not at all (its items agree), so the twin
   * is well defined.
   */
  private static List<Item> distinct(List<Item> items) {
    Set<String> seen = new HashSet<>();
    Map<Integer, Boolean> erasePerson = new java.util.HashMap<>();
    List<Item> out = new ArrayList<>();
    for (Item i : items) {
      String key = i.person() ? "p" + i.record() + "|" + i.name() : "d" + text(i);
      if (seen.add(key)) {
        Item x = i.person() ? new Item(true, i.record(), i.name(), i.label(),
            erasePerson.computeIfAbsent(i.record(), r -> i.erase())) : i;
        out.add(x);
      }
    }
    return out;
  }

  @Provide
  Arbitrary<List<Item>> items() {
    return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, NAMES.size() - 1), Arbitraries.integers().between(0, 2),
        Arbitraries.of(true, false, false))
        .as(Item::new).list().ofMinSize(1).ofMaxSize(8);
  }
}
