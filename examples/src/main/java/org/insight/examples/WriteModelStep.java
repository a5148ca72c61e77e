package org.insight.examples;

import java.io.PrintWriter;
import java.util.List;
import org.insight.InsightException;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * The demo's write-model step (rule 7): a clerk cleared only for OPEN data tries to overwrite an INTERPOL notice's
 * name — by writing it under a label it does not hold, and by superseding the statement — and the INTERPOL analyst's
 * view of the notice stays exactly as it was.
 */
final class WriteModelStep {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;

  private WriteModelStep() {}

  /** Runs the step; returns whether the INTERPOL analyst's view was left intact. */
  static boolean run(Workspace ws, PrintWriter out) {
    EntityId notice = EntityId.fromSource("interpol-notices", "2026/4413");
    Session analyst = ws.session(Principal.of("analyst.interpol", "INTERPOL"), CI);
    List<Statement> before = analyst.entity(notice).orElseThrow().statements();
    Session clerk = ws.session(Principal.of("clerk.open", "OPEN"), CI);
    Entity relabelled = org.insight.core.Dataset.of("interpol-notices", Label.of("INTERPOL"), SourceGrading.parse("X4"))
        .entity("Person", "2026/4413").add("name", "Overwritten By A Clerk").build();
    String first = refusal(() -> clerk.add(relabelled));
    String name = before.stream().filter(s -> s.property().equals("name")).findFirst().orElseThrow().id();
    String second = refusal(() -> clerk.supersede(notice, name, "Overwritten By A Clerk"));
    boolean intact = before.equals(analyst.entity(notice).orElseThrow().statements());
    out.println("Writes are authorised too: a clerk cleared for OPEN data only tries to overwrite notice 2026/4413:");
    out.println("   writing its name under INTERPOL: " + first);
    out.println("   superseding its name statement: " + second);
    out.println("   the INTERPOL analyst's view of the notice is " + (intact ? "unchanged" : "CHANGED"));
    out.println();
    return intact;
  }

  private static String refusal(Runnable write) {
    try {
      write.run();
      return "ACCEPTED";
    } catch (InsightException e) {
      return "refused (" + e.getClass().getSimpleName() + ")";
    }
  }
}
