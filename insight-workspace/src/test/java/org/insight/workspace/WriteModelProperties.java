package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.InvalidDataException;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;

/**
 * Rule 7 as a law: for random sequences of writes (adds of the same records, values and properties under different
 * labels, and supersessions of any statement, visible to the writer or not) by principals of different clearances, a
 * reader's view of the statements it can see is never changed by a write of a principal that cannot see them, and a
 * refused write leaves every reader's whole view exactly as it was.
 */
class WriteModelProperties {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final List<Principal> PRINCIPALS = List.of(Principal.of("p-none"), Principal.of("p-a", "A"),
      Principal.of("p-b", "B"), Principal.of("p-ab", "A", "B"));
  private static final List<Label> LABELS = List.of(Label.of("A"), Label.of("B"), Label.of("A&B"), Label.of("A|B"));

  /**
   * One write: {@code supersede} of the {@code target}-th statement in the workspace (whoever can see it), else an
   * add of {@code property=value} on record {@code record} under {@code label}.
   */
  record Op(int writer, boolean supersede, int record, String property, String value, int label, int target) {}

  @Property(tries = 30)
  void aWriteNeverChangesWhatItsWriterCannotSee(@ForAll("ops") List<Op> ops) throws IOException {
    Path dir = Files.createTempDirectory("write-model");
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      for (Op op : ops) {
        Principal writer = PRINCIPALS.get(op.writer());
        Map<String, Map<String, String>> before = views(ws);
        boolean refused = apply(ws, writer, op);
        Map<String, Map<String, String>> after = views(ws);
        for (Principal reader : PRINCIPALS) {
          Map<String, String> was = before.get(reader.id());
          Map<String, String> is = after.get(reader.id());
          if (refused) {
            assertEquals(was, is, op + " was refused, so " + reader.id() + " sees exactly what it saw");
            continue;
          }
          was.forEach((id, view) -> {
            if (!id.startsWith("#") && !visible(writer, view)) {
              assertEquals(view, is.get(id), op + " by " + writer.id() + " changed what it cannot see, for "
                  + reader.id());
            }
          });
        }
      }
    } finally {
      ScanNoLeakProperties.delete(dir);
    }
  }

  /** Applies one write; true when it was refused (as it must be exactly when the writer lacks the label). */
  private static boolean apply(Workspace ws, Principal writer, Op op) {
    Session s = ws.session(writer, CI);
    if (op.supersede()) {
      List<Statement> all = everything(ws);
      if (all.isEmpty()) {
        return true; // nothing to supersede: nothing was written
      }
      Statement target = all.get(op.target() % all.size());
      if (!target.label().expression().visibleTo(writer.authorizations())) {
        assertThrows(InvalidDataException.class, () -> s.supersede(target.entityId(), target.id(), op.value()));
        return true;
      }
      s.supersede(target.entityId(), target.id(), op.value());
      return false;
    }
    Label label = LABELS.get(op.label());
    Entity e = Fixtures.dataset("ds", label).entity("Person", "r" + op.record()).add(op.property(), op.value()).build();
    if (!label.expression().visibleTo(writer.authorizations())) {
      assertThrows(WriteRefusedException.class, () -> s.add(e));
      return true;
    }
    s.add(e);
    return false;
  }

  private static boolean visible(Principal writer, String view) {
    String label = view.substring(view.lastIndexOf('@') + 1);
    return Label.parse(label).expression().visibleTo(writer.authorizations());
  }

  /** Every reader's view: statement id → everything a reader gets of it (value, label, provenance). */
  private static Map<String, Map<String, String>> views(Workspace ws) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (Principal reader : PRINCIPALS) {
      Session s = ws.session(reader, CI);
      Map<String, String> view = new TreeMap<>();
      Page<Entity> page = s.entities(null, 0, 1000);
      view.put("#total", "entities=" + page.total() + " count=" + s.count(null)); // compared after a refusal only
      for (Entity e : page.items()) {
        for (Statement st : e.statements()) {
          view.put(st.id(), e.id() + " " + st.property() + "=" + st.value() + " " + st.original() + " "
              + st.provenance() + "@" + st.label());
        }
      }
      out.put(reader.id(), view);
    }
    return out;
  }

  private static List<Statement> everything(Workspace ws) {
    Session all = ws.session(Principal.of("all", "A", "B"), CI);
    List<Statement> out = new ArrayList<>();
    for (Entity e : all.entities(null, 0, 1000).items()) {
      out.addAll(e.statements());
    }
    out.sort(java.util.Comparator.comparing(Statement::id));
    return out;
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op = Combinators.combine(
        Arbitraries.integers().between(0, PRINCIPALS.size() - 1),
        Arbitraries.of(false, false, false, true),
        Arbitraries.integers().between(1, 2),
        Arbitraries.of("name", "alias"),
        Arbitraries.of("Ivan Petrov", "Amina Diallo", "Marco Rossi"),
        Arbitraries.integers().between(0, LABELS.size() - 1),
        Arbitraries.integers().between(0, 50))
        .as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(10);
  }

  @Property(tries = 1)
  void theLawIsNotVacuous() throws IOException {
    // an OPEN-style writer (here p-a) adding the same record and value a B writer wrote leaves B's statement
    aWriteNeverChangesWhatItsWriterCannotSee(List.of(new Op(2, false, 1, "name", "Ivan Petrov", 1, 0),
        new Op(1, false, 1, "name", "Ivan Petrov", 0, 0), new Op(1, true, 1, "name", "Marco Rossi", 0, 0)));
    Path dir = Files.createTempDirectory("write-model");
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      apply(ws, PRINCIPALS.get(2), new Op(2, false, 1, "name", "Ivan Petrov", 1, 0));
      apply(ws, PRINCIPALS.get(1), new Op(1, false, 1, "name", "Ivan Petrov", 0, 0));
      assertEquals(2, everything(ws).size(), "the A and B statements of one value coexist");
      assertTrue(apply(ws, PRINCIPALS.get(0), new Op(0, false, 1, "name", "Ivan Petrov", 0, 0)));
    } finally {
      ScanNoLeakProperties.delete(dir);
    }
  }
}
