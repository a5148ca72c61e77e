package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.policy.AuditEvent;
import org.insight.policy.AuditRecord;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.search.Query;

/**
 * Auditing reads ahead changes when the entry is made durable, not what it says nor what the read returns: for any
 * data, reader and sequence of lookups and searches, a workspace that audits ahead answers exactly as one that audits
 * after the read, writes for each call a request entry (principal, purpose, operation, query, no items) and then an
 * outcome entry equal to the one entry the other workspace writes — naming every id the call handed out — and its
 * chain verifies.
 */
class ReadAuditAheadProperties {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final List<String> LABELS = List.of("A", "B", "A&B", "C");
  private static final List<String> NAMES = List.of("Ivan Petrov", "Ivan Petrova", "Amina Benali", "Marco Rossi");

  /** A person: its name and its dataset's label. */
  record Person(int name, int label) {}

  /** A read: 0 entity, 1 entities, 2 search by name; {@code a} and {@code b} pick persons or a name. */
  record Call(int kind, int a, int b) {}

  @Property(tries = 20)
  void auditingAheadNamesWhatEachReadReturnedAndChangesNoAnswer(
      @ForAll("people") List<Person> people,
      @ForAll("auths") Set<String> auths,
      @ForAll("calls") List<Call> calls) throws IOException {
    Path after = Files.createTempDirectory("audit-after");
    Path ahead = Files.createTempDirectory("audit-ahead");
    try (Workspace plain = Workspace.builder(after).clock(Fixtures.FIXED).open();
         Workspace early = Workspace.builder(ahead).clock(Fixtures.FIXED).auditReadsAhead().open()) {
      List<Entity> entities = new ArrayList<>();
      for (int i = 0; i < people.size(); i++) {
        Person p = people.get(i);
        entities.add(Fixtures.person(Fixtures.dataset("ds" + p.label(), LABELS.get(p.label())), "r" + i,
            NAMES.get(p.name())));
      }
      plain.session(Fixtures.loader("loader"), CI).add(entities);
      early.session(Fixtures.loader("loader"), CI).add(entities);
      Principal reader = Principal.of("reader", auths);
      Session s = plain.session(reader, CI);
      Session t = early.session(reader, CI);
      for (Call c : calls) {
        long beforePlain = plain.audit.size();
        long beforeEarly = early.audit.size();
        EntityId one = c.a() < entities.size() ? entities.get(c.a()).id() : EntityId.of("missing-" + c.a());
        EntityId two = c.b() < entities.size() ? entities.get(c.b()).id() : EntityId.of("missing-" + c.b());
        Object expected;
        Object actual;
        List<String> returned;
        switch (c.kind()) {
          case 0 -> {
            expected = s.entity(one);
            var got = t.entity(one);
            actual = got;
            returned = got.map(e -> List.of(e.id().value())).orElse(List.of());
          }
          case 1 -> {
            expected = s.entities(List.of(one, two));
            actual = t.entities(List.of(one, two));
            returned = ((List<?>) actual).stream().map(e -> ((Entity) e).id().value()).toList();
          }
          default -> {
            Query q = Query.name(NAMES.get(c.a() % NAMES.size()));
            expected = s.search(q).hits().stream().map(h -> h.id() + "=" + h.score()).toList();
            var result = t.search(q);
            actual = result.hits().stream().map(h -> h.id() + "=" + h.score()).toList();
            returned = result.hits().stream().map(h -> h.id()).toList();
          }
        }
        assertEquals(expected, actual, "auditing ahead changed the answer to " + c);
        assertEquals(beforePlain + 1, plain.audit.size());
        assertEquals(beforeEarly + 2, early.audit.size(), "a request and an outcome entry per call");
        List<AuditRecord> mine = early.audit.tail(2);
        AuditEvent request = mine.get(0).event();
        AuditEvent outcome = mine.get(1).event();
        AuditEvent reference = plain.audit.tail(1).get(0).event();
        assertEquals(reference, outcome, "the outcome entry is the entry written after the read");
        assertEquals(returned, outcome.items(), "the outcome names every id handed out");
        assertEquals(new AuditEvent(reference.at(), reference.principal(), reference.purpose(),
            reference.operation(), reference.query(), List.of(), "started"), request);
      }
      assertTrue(early.verifyAudit().valid());
    } finally {
      delete(after);
      delete(ahead);
    }
  }

  @Provide
  Arbitrary<List<Person>> people() {
    return Combinators.combine(Arbitraries.integers().between(0, NAMES.size() - 1),
        Arbitraries.integers().between(0, LABELS.size() - 1)).as(Person::new).list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<Set<String>> auths() {
    return Arbitraries.of("A", "B", "C").set().ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<Call>> calls() {
    return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 9),
        Arbitraries.integers().between(0, 9)).as(Call::new).list().ofMinSize(1).ofMaxSize(6);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
