package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.graph.EdgeKind;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graph-pattern and trend-alarm standing queries: what they raise, what they never raise, and their audit. */
class AlertPatternsTest {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  @TempDir Path dir;

  @Test
  void aLinkQueryRaisesOneAlertPerNewVisibleEdgeToItsEntityOfTheKindsAsked() throws Exception {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Dataset fr = Fixtures.dataset("ds", "FR");
      Dataset secret = Fixtures.dataset("sx", "SECRET");
      Entity petrov = fr.entity("Person", "1").add("name", "Ivan Petrov").add("phone", "+33 6 12 34 56 78").build();
      writer.add(petrov);
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      alice.alerts().saveLink(petrov.id(), Set.of(EdgeKind.LINK, EdgeKind.SHARED_IDENTIFIER), "op heron: petrov",
          Label.of("FR"));
      alice.alerts().save("nightjar", "op heron: the word", Label.of("FR"));

      // a SECRET person on the same phone: an edge only others may see
      writer.add(secret.entity("Person", "2").add("name", "Hidden Man").add("phone", "+33612345678").build());
      assertEquals(List.of(), alice.alerts().list(null), "an invisible link raises nothing");

      // an FR person on the same phone, in one batch with a search match: one audit entry for the batch
      long before = ws.audit.size();
      Entity berg = fr.entity("Person", "3").add("name", "Anna Berg").add("phone", "0033612345678")
          .add("notes", "nightjar").build();
      writer.add(berg);
      List<AuditRecord> entries = ws.audit.tail((int) (ws.audit.size() - before));
      assertEquals(1, entries.stream().filter(r -> r.event().operation().equals("alert.evaluate")).count());
      List<Alert> alerts = alice.alerts().list(null);
      Alert link = alerts.stream().filter(a -> a.kind() == Alert.Kind.LINK).findFirst().orElseThrow();
      assertEquals(2, alerts.size(), alerts.toString());
      assertEquals(berg.id().value(), link.itemId());
      assertEquals(Label.of("FR"), link.label());
      assertTrue(link.statementIds().size() >= 2, "both phone statements behind the shared number");
      assertTrue(alerts.stream().anyMatch(a -> a.kind() == Alert.Kind.ENTITY), "the search query in the same pass");

      // an explicit link: raised; a co-mention is a kind not asked for
      Entity li = fr.entity("Person", "4").add("name", "Li Wei").build();
      writer.add(li, fr.entity("Associate", "a").add("person", petrov.id().value()).add("associate", li.id().value())
          .build());
      assertEquals(3, alice.alerts().list(null).size());
      assertTrue(alice.alerts().list(null).stream().anyMatch(a -> a.kind() == Alert.Kind.LINK
          && a.itemId().equals(li.id().value())));

      // the same edges again raise nothing new
      writer.add(berg);
      assertEquals(3, alice.alerts().list(null).size());
      // an unrelated batch neither
      writer.add(fr.entity("Person", "5").add("name", "Omar Said").build());
      assertEquals(3, alice.alerts().list(null).size());
      assertEquals(1, alice.alerts().queries().stream().filter(q -> q.kind() == StandingQuery.Kind.LINK).count());
    }
  }

  @Test
  void aTrendQueryRaisesAnAlarmOnItsCategoryFromVisibleEventsOnly() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      TrendSource source = TrendSource.of("Event", "country");
      alice.alerts().saveTrend(source, "fr", "op heron: burglaries in France", Label.of("FR"));
      alice.alerts().saveTrend(source, "de", "op heron: burglaries in Germany", Label.of("FR"));
      Dataset fr = Fixtures.dataset("ds", "FR");
      Dataset secret = Fixtures.dataset("sx", "SECRET");
      List<Entity> background = new ArrayList<>();
      LocalDate monday = LocalDate.of(2026, 1, 5);
      for (int w = 0; w < 20; w++) {
        for (String c : List.of("fr", "de")) {
          background.add(fr.entity("Event", "bg-" + c + w).add("date", monday.plusWeeks(w).toString())
              .add("country", c).build());
        }
      }
      writer.add(background);
      assertEquals(List.of(), alice.alerts().list(null), "a flat history: no alarm");

      List<Entity> spike = new ArrayList<>();
      LocalDate last = monday.plusWeeks(20);
      for (int i = 0; i < 25; i++) {
        spike.add(fr.entity("Event", "fr-" + i).add("date", last.toString()).add("country", "fr").build());
        spike.add(secret.entity("Event", "de-" + i).add("date", last.toString()).add("country", "de").build());
      }
      writer.add(spike);
      List<Alert> alerts = alice.alerts().list(null);
      assertEquals(1, alerts.size(), "the visible French spike alarms, the SECRET German one does not: " + alerts);
      Alert a = alerts.get(0);
      assertEquals(Alert.Kind.ALARM, a.kind());
      assertTrue(a.itemId().startsWith("alarm:fr:"), a.itemId());
      assertEquals(Label.of("FR"), a.label());
      assertTrue(a.statementIds().size() >= 25, "the spike's time and country statements");
      writer.add(fr.entity("Event", "fr-late").add("date", last.toString()).add("country", "fr").build());
      assertEquals(1, alice.alerts().list(null).size(), "the same alarm raises nothing new");
    }
  }

  @Test
  void patternQueriesAreCheckedWhenSaved() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      assertThrows(IllegalArgumentException.class, () -> alice.alerts().saveTrend(TrendSource.of("Event", "country"),
          " ", "r", Label.of("FR")));
      assertThrows(org.insight.InsightException.class, () -> alice.alerts().saveTrend(
          TrendSource.of("NoSuchType", "country"), "fr", "r", Label.of("FR")));
      assertThrows(WriteRefusedException.class, () -> alice.alerts().saveLink(EntityId.of("x"), Set.of(), "r",
          Label.of("SECRET")));
      StandingQuery q = alice.alerts().saveLink(EntityId.of("x"), Set.of(), "r", Label.of("FR"));
      assertEquals(q, alice.alerts().saveLink(EntityId.of("x"), Set.of(EdgeKind.values()), "r", Label.of("FR")),
          "no kinds means every kind: the same query");
    }
  }
}
