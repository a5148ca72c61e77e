package org.insight.examples;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.insight.core.Dataset;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.SourceGrading;
import org.insight.workspace.Alert;
import org.insight.workspace.Session;
import org.insight.workspace.StandingQuery;
import org.insight.workspace.Workspace;

/**
 * The demo's automation step: the Lyon investigator saves a standing query for the ferry; a batch of two vessel
 * records lands — one the investigator may see, one only counter-terrorism may see —; the visible one raises an alert with
 * its evidence and label, the other raises nothing, not even a count.
 */
final class AlertsStep {
  private AlertsStep() {}

  static List<Alert> run(Workspace ws, PrintWriter out) {
    out.println("Standing queries: investigator.lyon asks to be told of every new record about a ferry");
    Demo.Reader lyon = Demo.READERS.get(1);
    try (Session investigator = ws.session(lyon.principal(), lyon.purpose());
         Session feed = ws.session(Principal.of("message.feed", "FR", "POLICE", "CT"), lyon.purpose())) {
      StandingQuery q = investigator.alerts().save("ferry", "op heron: the ferry crossing", Label.of("FR&POLICE"));
      out.printf(Locale.ROOT, "   saved %s (%s, label %s)%n", q.id(), q.text(), q.label());
      // a batch of vessel records from the port authority's feed: one the investigator may see, one only CT may
      feed.add(List.of(
          Dataset.of("port-feed", Label.builder("FR&POLICE").purposes(Demo.CI).build(), SourceGrading.parse("B2"))
              .entity("Vessel", "IMO-9000001")
              .add("name", "Ferry Mediterranee").add("flag", "fr").build(),
          Dataset.of("port-feed-ct", Label.builder("CT").purposes(Demo.CT).build(),
              SourceGrading.parse("B2")).entity("Vessel", "IMO-9000002")
              .add("name", "Ferry Corsica Star").build()));
      List<Alert> alerts = investigator.alerts().list(null);
      out.printf(Locale.ROOT, "   a batch of 2 vessel records landed; investigator.lyon has %d alert(s):%n", alerts.size());
      for (Alert a : alerts) {
        out.printf(Locale.ROOT, "   alert %s: %s %s, label %s%n", a.id(), a.kind().name().toLowerCase(Locale.ROOT),
            a.itemId(), a.label());
      }
      out.println("   the counter-terrorism record matched too, but raised nothing for a reader who may not see it");
      out.println("   (./insight watch DIR ... ingests files as they arrive; ./insight alerts lists and acknowledges)");
      out.println();
      return alerts;
    }
  }
}
