package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;

/** A release is refused for exactly the (recipient, item) pairs whose label the recipient's authorisations fail. */
class ProductionReleaseProperties {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final List<String> TOKENS = List.of("A", "B", "C", "D");
  private static final Principal AUTHOR = Principal.of("author", TOKENS);
  private static final Principal REVIEWER = Principal.of("reviewer", TOKENS);

  @Property(tries = 25)
  void refusedItemsAreExactlyThoseARecipientCannotSee(@ForAll("labels") List<String> labels,
      @ForAll("grants") List<Set<String>> grants) throws IOException {
    Path dir = Files.createTempDirectory("production");
    SettableClock clock = new SettableClock(Instant.parse("2026-06-01T10:00:00Z"));
    try (Workspace ws = Workspace.builder(dir).clock(clock).open()) {
      String caseId = ws.session(AUTHOR, CI).cases().create("c", Label.of("A|B|C|D")).id();
      ws.session(AUTHOR, CI).cases().addMember(caseId, "reviewer");
      List<ProductItem> items = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        items.add(new ProductItem("item-" + i, Label.of(labels.get(i))));
      }
      Production p = ws.session(AUTHOR, CI).cases().productions().draft(caseId, "p", "b".repeat(64), items);
      p = ws.session(AUTHOR, CI).cases().productions().submit(caseId, p.id(), 1, "reviewer");
      p = ws.session(REVIEWER, CI).cases().productions().approve(caseId, p.id(), 2);
      List<Recipient> recipients = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int r = 0; r < grants.size(); r++) {
        Principal who = Principal.of("r" + r, grants.get(r));
        recipients.add(Recipient.of(who));
        for (ProductItem i : items) {
          if (!i.label().expression().visibleTo(who.authorizations())) {
            expected.add(who.id() + " " + i.id());
          }
        }
      }
      List<String> refused;
      String state;
      try {
        state = ws.session(REVIEWER, CI).cases().productions().release(caseId, p.id(), 3, recipients).state();
        refused = List.of();
      } catch (ReleaseRefusedException e) {
        refused = e.refusals().stream().map(x -> x.recipient() + " " + x.itemId()).toList();
        state = ws.session(REVIEWER, CI).cases().productions().show(caseId, p.id()).orElseThrow().state();
      }
      assertEquals(expected, refused);
      assertEquals(expected.isEmpty() ? "released" : "approved", state);
    }
  }

  @Provide
  Arbitrary<List<String>> labels() {
    Arbitrary<String> token = Arbitraries.of(TOKENS);
    Arbitrary<String> label = token.set().ofMinSize(1).ofMaxSize(3).flatMap(s -> Arbitraries.of("&", "|")
        .map(op -> String.join(op, new java.util.TreeSet<>(s))));
    return label.list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<Set<String>>> grants() {
    return Arbitraries.of(TOKENS).set().ofMaxSize(4).map(s -> (Set<String>) new LinkedHashSet<>(s)).list()
        .ofMinSize(1).ofMaxSize(4);
  }
}
