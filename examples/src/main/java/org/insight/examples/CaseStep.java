package org.insight.examples;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import org.insight.core.EntityId;
import org.insight.policy.Label;
import org.insight.workspace.CaseConflictException;
import org.insight.workspace.CaseItem;
import org.insight.workspace.CaseSummary;
import org.insight.workspace.CaseTarget;
import org.insight.workspace.CaseView;
import org.insight.workspace.Cases;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * The demo's collaboration step: the Lyon investigator opens a case shared with the INTERPOL analyst, puts Ivan
 * PETROV's notice and his French record in it, annotates both and gives the analyst a task. Each sees the case as far
 * as their own clearance allows: the analyst sees the notice and the note on it, not the French record nor the
 * annotation on it (which carries the record's label), and no count or history entry betrays them. Two edits of one
 * task version: the second is refused, nothing is lost.
 */
final class CaseStep {
  static final EntityId NOTICE = EntityId.fromSource("interpol-notices", "2026/4411");

  private CaseStep() {}

  static void run(Workspace ws, PrintWriter out) {
    out.println("Collaboration: one case, two analysts with different clearances");
    Demo.Reader lyon = Demo.READERS.get(1);
    Demo.Reader analyst = Demo.READERS.get(0);
    try (Session ls = ws.session(lyon.principal(), lyon.purpose());
         Session as = ws.session(analyst.principal(), analyst.purpose())) {
      Cases l = ls.cases();
      CaseSummary c = l.create("Operation Heron", Label.of("INTERPOL"));
      l.addMember(c.id(), analyst.principal().id());
      l.add(c.id(), CaseTarget.entity(NOTICE), null);
      l.add(c.id(), CaseTarget.entity(GraphStep.IVAN), null);
      l.annotate(c.id(), CaseTarget.entity(NOTICE), "the notice's subject is our Ivan PETROV", null);
      CaseItem hidden = l.annotate(c.id(), CaseTarget.entity(GraphStep.IVAN), "his phone called Karim BENALI's", null);
      CaseItem task = l.task(c.id(), "Ask the NCB in Rome about the 2026 sighting", analyst.principal().id(),
          LocalDate.of(2026, 7, 1), null);
      out.printf(Locale.ROOT, "   %s created case %s (label INTERPOL); the annotation on the French record carries %s%n",
          lyon.principal().id(), c.id(), hidden.label().expression());
      for (Session s : new Session[] {ls, as}) {
        CaseView v = s.cases().show(c.id()).orElseThrow();
        out.printf(Locale.ROOT, "   %s sees %d reference(s), %d note(s), %d task(s), %d history entries%n",
            s.principal().id(), v.references().size(), v.notes().size(), v.tasks().size(), v.history().size());
      }
      as.cases().updateTask(c.id(), task.id(), 1, "in-progress", null, null);
      try {
        l.updateTask(c.id(), task.id(), 1, null, null, LocalDate.of(2026, 6, 15));
      } catch (CaseConflictException e) {
        out.printf(Locale.ROOT, "   %s edits the task from version 1 too: refused (%s: version %d is the latest)%n",
            lyon.principal().id(), e.getClass().getSimpleName(), e.actualVersion());
        CaseItem merged = l.updateTask(c.id(), task.id(), e.actualVersion(), null, null, LocalDate.of(2026, 6, 15));
        out.printf(Locale.ROOT, "   re-applied on version %d: state %s, due %s — neither edit lost%n",
            e.actualVersion(), merged.state(), merged.due().orElseThrow());
      }
      out.printf(Locale.ROOT, "   a reader who is no member: %s%n",
          ws.session(Demo.READERS.get(2).principal(), Demo.READERS.get(2).purpose()).cases().show(c.id()).isPresent()
              ? "sees it" : "no such case");
    }
    out.println();
  }
}
