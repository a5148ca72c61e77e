package org.insight.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.ContentHash;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.core.json.ModelJson;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;

/**
 * The scan's decoder, which reuses labels, provenances and entity ids from one statement to the next, reads every
 * sequence of stored statements exactly as the store's own decoding does.
 */
class StatementReaderProperties {
  @Property(tries = 200)
  void decodesEveryStatementAsTheStoreDoes(@ForAll("statements") List<Statement> statements) {
    StatementReader reader = new StatementReader();
    List<Statement> expected = new ArrayList<>();
    List<Statement> decoded = new ArrayList<>();
    for (Statement s : statements) {
      String json = ModelJson.write(ModelJson.statement(s));
      expected.add(LuceneStore.readStatement(json));
      decoded.add(reader.read(json));
    }
    assertEquals(expected, decoded);
    assertEquals(statements, decoded, "and it is a round trip");
  }

  @Provide
  Arbitrary<List<Statement>> statements() {
    Arbitrary<Label> label = Arbitraries.of("A", "A&B", "A|(B&C)", "A;purposes=counter-terrorism", "B;delete-after=2027-01-01")
        .map(Label::parse);
    Arbitrary<Provenance> base = Combinators.combine(Arbitraries.of("ds-1", "ds-2"), Arbitraries.of("r1", "r2", ""),
            Arbitraries.of("record:api", "pattern:iban@1"), Arbitraries.of("B2", "X4"),
            Arbitraries.of(0L, 1_700_000_000L), Arbitraries.of("", "alice"), Arbitraries.of(false, true))
        .as((ds, rec, method, grading, at, by, hashed) -> {
          Provenance p = new Provenance(ds, rec, java.util.Optional.empty(), Instant.ofEpochSecond(at), by, method,
              SourceGrading.parse(grading), List.of());
          return hashed ? p.withContentHash(ContentHash.of(rec.getBytes(StandardCharsets.UTF_8))) : p;
        });
    Arbitrary<Provenance> provenance = Arbitraries.oneOf(base,
        base.list().ofMinSize(1).ofMaxSize(2).map(in -> Provenance.derived("ds-3", "match:fs-em@1", in)));
    Arbitrary<Statement> statement = Combinators.combine(Arbitraries.of("e1", "e2", "ds-1.abc"),
            Arbitraries.of("Person", "Organization"), Arbitraries.of("name", "notes"),
            Arbitraries.of("Ivan", "x y", "É"), Arbitraries.of("", "IVAN "), label, provenance)
        .as((e, type, prop, value, original, l, p) ->
            Statement.of(EntityId.of(e), type, prop, value, original.isEmpty() ? null : original, l, p));
    return statement.list().ofMaxSize(12);
  }
}
