package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.EntityId;
import org.insight.workspace.SubjectReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "subject-report", mixinStandardHelpOptions = true,
    description = {"Every processing of data about one person — collection, consultation, disclosure, combination,"
        + " erasure — from the audit log and the statements: ids, times, operations, principals and purposes, never a"
        + " value. For oversight principals only: the workspace's writers configuration must grant 'oversight' on a"
        + " line of its own.",
        "Example: insight subject-report --entity fr-police-records.1a2b... --user dpo --purpose oversight"})
final class SubjectReportCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  static final class Subject {
    @Option(names = "--entity", paramLabel = "ID", description = "The person's entity id.") String entity;
    @Option(names = "--identifier", paramLabel = "VALUE", description = "Every entity holding this value (a passport"
        + " or phone number, as stored), whatever its label.") String identifier;
  }

  @ArgGroup(exclusive = true, multiplicity = "1") Subject subject;

  @Override
  public Integer call() {
    try (SessionOptions.Opened ws = session.read()) {
      SubjectReport r = subject.entity != null ? ws.session().subjectReport(EntityId.of(subject.entity))
          : ws.session().subjectReportForIdentifier(subject.identifier);
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        ObjectNode o = Render.versioned();
        ArrayNode subjects = o.putArray("subjects");
        r.subjects().forEach(subjects::add);
        ArrayNode related = o.putArray("related");
        r.related().forEach(related::add);
        ArrayNode collected = o.putArray("collected");
        for (SubjectReport.Collected c : r.collected()) {
          collected.addObject().put("entity", c.entityId()).put("statement", c.statementId())
              .put("property", c.property()).put("dataset", c.dataset()).put("method", c.method())
              .put("at", c.ingestedAt().toString()).put("by", c.ingestedBy());
        }
        ArrayNode processing = o.putArray("processing");
        for (SubjectReport.Processing p : r.processing()) {
          ObjectNode n = processing.addObject();
          n.put("sequence", p.sequence());
          n.put("at", p.at().toString());
          n.put("principal", p.principal());
          n.put("purpose", p.purpose());
          n.put("operation", p.operation());
          n.put("category", p.category().name().toLowerCase(Locale.ROOT));
          n.put("outcome", p.outcome());
          ArrayNode ids = n.putArray("ids");
          p.ids().forEach(ids::add);
        }
        o.put("bulkReadsNotAttributable", r.bulkReadsNotAttributable());
        ArrayNode unattributed = o.putArray("unattributed");
        for (SubjectReport.Processing p : r.unattributed()) {
          unattributed.addObject().put("sequence", p.sequence()).put("at", p.at().toString())
              .put("principal", p.principal()).put("purpose", p.purpose()).put("operation", p.operation());
        }
        Render.print(out, o);
        return 0;
      }
      out.printf(Locale.ROOT, "subject(s): %s%n", r.subjects().isEmpty() ? "none found" : String.join(", ", r.subjects()));
      out.printf(Locale.ROOT, "held now: %d statement(s)%n", r.collected().size());
      for (SubjectReport.Collected c : r.collected()) {
        out.printf(Locale.ROOT, "  %s %s from %s by %s at %s (%s)%n", c.statementId(), c.property(), c.dataset(),
            c.ingestedBy(), c.ingestedAt(), c.method());
      }
      out.printf(Locale.ROOT, "processing: %d audit entr(y/ies)%n", r.processing().size());
      for (SubjectReport.Processing p : r.processing()) {
        out.printf(Locale.ROOT, "  #%d %s %-12s %-16s %s for %s (%s)%n", p.sequence(), p.at(),
            p.category().name().toLowerCase(Locale.ROOT), p.operation(), p.principal(), p.purpose(), p.outcome());
      }
      // a scan or a graph build reads everything its principal sees and its audit entry names no ids: say so
      out.printf(Locale.ROOT, "bulk reads not attributable: %d%n", r.bulkReadsNotAttributable());
      for (SubjectReport.Processing p : r.unattributed()) {
        out.printf(Locale.ROOT, "  #%d %s %-16s %s for %s%n", p.sequence(), p.at(), p.operation(), p.principal(),
            p.purpose());
      }
      return 0;
    }
  }
}
