package org.insight.examples;

import java.io.PrintWriter;
import java.util.Locale;
import org.insight.core.EntityId;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.workspace.ErasureReceipt;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/** The demo's retention step: the DE record is past its delete-after date, so a records officer purges it. */
final class Retention {
  private Retention() {}

  static ErasureReceipt purge(Workspace ws, PrintWriter out) {
    try (Session officer = ws.session(Principal.of("records.officer.bka", "DE"), Purpose.CRIMINAL_INVESTIGATION)) {
      ErasureReceipt r = officer.purgeExpired("DE-BKA retention: delete-after 2020-01-01 has passed");
      out.println("Retention: the DE record has been past its delete-after date since 2020-01-01; nobody could read it,");
      out.printf(Locale.ROOT, "   and now it is gone: purged %d statement(s) of %s, with anything derived from it and its%n",
          r.statements(), r.entities().isEmpty() ? "nothing (purged on an earlier run)" : String.join(", ", r.entities()));
      out.println("   label's index terms; the audit keeps who, which ids and why, never the values.");
      out.println("   (./insight erase ID --reason '...' erases on request; ./insight retention due lists what to review)");
      out.printf(Locale.ROOT, "   the record %s is now missing for every reader, as if never written%n",
          EntityId.fromSource("de-archive", "DE-2011-551"));
      out.println();
      return r;
    }
  }
}
