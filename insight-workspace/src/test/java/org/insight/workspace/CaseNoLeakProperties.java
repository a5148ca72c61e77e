package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Entity;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.test.Directories;

/**
 * Rule 2 for cases: whatever other members write, a member sees of a case exactly what a workspace holding only the
 * data that member may see shows — the same header and version, members, references, notes, tasks, item versions and
 * history, the same list of cases, and the same errors. The full workspace is padded with what would move the answer
 * if anything leaked: notes and tasks by a higher-cleared member under a label the reader lacks, annotations and
 * references on entities the reader cannot see (same names as visible ones), edits of hidden items, other writers,
 * and cases with the same title that the reader may not see (a stricter label; not a member).
 */
class CaseNoLeakProperties {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  private static final Principal READER = Principal.of("alice", "INTERPOL");
  /** The reader and two other writers: one as cleared as the reader, one cleared for SECRET too. */
  private static final List<Principal> WRITERS = List.of(READER, Principal.of("carol", "INTERPOL"),
      Principal.of("bob", "INTERPOL", "SECRET"));
  private static final List<String> NAMES = List.of("Ivan Petrov", "Anna Schmidt", "Ivan Petrov");

  enum Kind { NOTE, ANNOTATE, ADD, TASK, UPDATE_TASK, EDIT_NOTE, RENAME, STATEMENT_NOTE }

  /**
   * One call: by {@code writer}; {@code secret} gives the item the label SECRET; {@code target} is an entity (even:
   * visible to the reader, odd: not); {@code ref} picks an earlier task or note.
   */
  record Op(Kind kind, int writer, boolean secret, int target, int ref) {}

  @Property(tries = 30)
  void aMemberSeesOfACaseWhatAWorkspaceOfOnlyItsVisibleDataShows(@ForAll("ops") List<Op> ops) throws IOException {
    Path full = Files.createTempDirectory("case-full");
    Path only = Files.createTempDirectory("case-only");
    try (World a = new World(full, true); World b = new World(only, false)) {
      String caseId = a.create();
      assertEquals(caseId, b.create());
      List<Item> items = new ArrayList<>(); // what the full world created, and whether the reader sees it
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        Instant at = T0.plusSeconds(100 + i);
        Principal writer = WRITERS.get(op.writer());
        boolean hiddenTarget = op.target() % 2 == 1;
        Label label = op.secret() ? Label.of("SECRET") : null;
        switch (op.kind()) {
          case NOTE, TASK, ANNOTATE, ADD, STATEMENT_NOTE -> {
            if (hiddenTarget && !writer.authorizations().contains("SECRET") && op.kind() != Kind.NOTE
                && op.kind() != Kind.TASK) {
              continue; // a writer can only refer to what it sees
            }
            if (op.secret() && !writer.authorizations().contains("SECRET")) {
              continue; // a writer attaches only labels it holds
            }
            boolean targeted = op.kind() == Kind.ANNOTATE || op.kind() == Kind.ADD || op.kind() == Kind.STATEMENT_NOTE;
            boolean visible = !op.secret() && !(targeted && hiddenTarget);
            String id = a.add(op, writer, label, at);
            if (visible) {
              assertEquals(id, b.add(op, writer, label, at), "the same call makes the same item");
            }
            items.add(new Item(id, op.kind() == Kind.TASK ? Kind.TASK : Kind.NOTE, writer, visible,
                op.kind() == Kind.ADD));
          }
          case UPDATE_TASK, EDIT_NOTE -> {
            Kind want = op.kind() == Kind.UPDATE_TASK ? Kind.TASK : Kind.NOTE;
            List<Item> candidates = items.stream().filter(x -> x.kind() == want && !x.reference()).toList();
            if (candidates.isEmpty()) {
              continue;
            }
            Item item = candidates.get(op.ref() % candidates.size());
            Principal editor = want == Kind.NOTE ? item.author() : writer;
            if (!item.visible() && !editor.authorizations().contains("SECRET")) {
              continue;
            }
            a.edit(item, editor, op, at);
            if (item.visible()) {
              b.edit(item, editor, op, at);
            }
          }
          case RENAME -> {
            a.rename(writer, op, at);
            b.rename(writer, op, at);
          }
          default -> throw new IllegalStateException();
        }
      }
      Cases ra = a.ws.session(READER, CI).cases();
      Cases rb = b.ws.session(READER, CI).cases();
      assertEquals(rb.list(), ra.list());
      assertEquals(rb.show(caseId), ra.show(caseId));
      for (Item hidden : items.stream().filter(x -> !x.visible()).toList()) {
        // a hidden item is answered as a missing one: in the small world it does not exist
        assertEquals(error(() -> rb.editNote(caseId, hidden.id(), 1, "x")),
            error(() -> ra.editNote(caseId, hidden.id(), 1, "x")));
        assertEquals(error(() -> rb.updateTask(caseId, hidden.id(), 1, "done", null, null)),
            error(() -> ra.updateTask(caseId, hidden.id(), 1, "done", null, null)));
      }
    } finally {
      Directories.delete(full);
      Directories.delete(only);
    }
  }

  record Item(String id, Kind kind, Principal author, boolean visible, boolean reference) {}

  /** A workspace with the reader's visible entities, and in the full one also hidden ones and padding cases. */
  private static final class World implements AutoCloseable {
    final SettableClock clock = new SettableClock(T0);
    final Workspace ws;
    final List<Entity> entities = new ArrayList<>();

    World(Path dir, boolean padded) {
      ws = Workspace.builder(dir).clock(clock).open();
      Session loader = ws.session(Fixtures.loader("loader"), CI);
      for (int i = 0; i < 6; i++) {
        boolean hidden = i % 2 == 1;
        // a hidden entity shares a visible one's name; in the small world it is simply not there
        Entity e = Fixtures.person(Fixtures.dataset("ds", hidden ? "INTERPOL&SECRET" : "INTERPOL"), "p" + i,
            NAMES.get(i / 2 % NAMES.size()));
        entities.add(e);
        if (padded || !hidden) {
          loader.add(e);
        }
      }
      if (padded) {
        // the same title under a label the reader lacks (it is a member), and where it is not a member
        clock.set(T0.plusSeconds(1));
        Cases bob = ws.session(WRITERS.get(2), CI).cases();
        CaseSummary secret = bob.create("Operation Heron", Label.of("INTERPOL&SECRET"));
        bob.addMember(secret.id(), "alice");
        bob.note(secret.id(), "padding", null);
        CaseSummary other = ws.session(WRITERS.get(1), CI).cases().create("Operation Heron", Label.of("INTERPOL"));
        ws.session(WRITERS.get(1), CI).cases().note(other.id(), "padding", null);
      }
    }

    String caseId;

    String create() {
      clock.set(T0.plusSeconds(10));
      Cases alice = ws.session(READER, CI).cases();
      caseId = alice.create("Operation Heron", Label.of("INTERPOL")).id();
      clock.set(T0.plusSeconds(11));
      alice.addMember(caseId, "bob");
      clock.set(T0.plusSeconds(12));
      alice.addMember(caseId, "carol");
      return caseId;
    }

    String add(Op op, Principal writer, Label label, Instant at) {
      clock.set(at);
      Cases c = ws.session(writer, CI).cases();
      Entity target = entities.get(op.target() % entities.size());
      return switch (op.kind()) {
        case NOTE -> c.note(caseId, "note " + op.ref() % 3, label).id();
        case TASK -> c.task(caseId, "task " + op.ref() % 3, "carol", LocalDate.of(2026, 7, 1 + op.ref() % 3), label).id();
        case ANNOTATE -> c.annotate(caseId, CaseTarget.entity(target.id()), "about " + op.ref() % 3, label).id();
        case STATEMENT_NOTE -> c.annotate(caseId, CaseTarget.statement(target.id(), target.statements().get(0).id()),
            "this value", label).id();
        case ADD -> c.add(caseId, CaseTarget.entity(target.id()), label).id();
        default -> throw new IllegalStateException();
      };
    }

    void edit(Item item, Principal editor, Op op, Instant at) {
      clock.set(at);
      Cases c = ws.session(editor, CI).cases();
      CaseView v = c.show(caseId).orElseThrow();
      if (item.kind() == Kind.TASK) {
        long version = v.tasks().stream().filter(t -> t.id().equals(item.id())).findFirst().orElseThrow().version();
        c.updateTask(caseId, item.id(), version, CaseItem.TASK_STATES.get(op.ref() % 4), editor.id(), null);
      } else {
        long version = v.notes().stream().filter(t -> t.id().equals(item.id())).findFirst().orElseThrow().version();
        c.editNote(caseId, item.id(), version, "edited " + op.ref());
      }
    }

    void rename(Principal writer, Op op, Instant at) {
      clock.set(at);
      Cases c = ws.session(writer, CI).cases();
      c.rename(caseId, c.show(caseId).orElseThrow().summary().version(), "Heron " + op.ref());
    }

    @Override
    public void close() {
      ws.close();
    }
  }

  private static Optional<String> error(Runnable call) {
    try {
      call.run();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 2),
        Arbitraries.of(true, false), Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 20))
        .as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(25);
  }
}
