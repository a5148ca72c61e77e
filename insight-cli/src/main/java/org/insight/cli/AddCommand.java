package org.insight.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.Dataset;
import org.insight.core.EntityBuilder;
import org.insight.policy.Label;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "add", mixinStandardHelpOptions = true,
    description = {"Add one record as an entity: every value gets the dataset's label, grading and provenance.",
        "The writer (--user, --auths) must hold the label and, when the workspace has a writers configuration"
            + " (--writers), be a writer of the dataset. Values under other labels are never replaced: the same record"
            + " under another label is kept beside it.",
        "Example: insight add --dataset fr-records --label 'FR&POLICE' --auths FR,POLICE --type Person --record 77 name='Jean Dupont' birthDate=1980-02-11"})
final class AddCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The source dataset.")
  String dataset;

  @Option(names = "--label", required = true, paramLabel = "EXPR", description = "The access label, e.g. 'INTERPOL&(FR|DE)'.")
  String label;

  @Option(names = "--purposes", split = ",", paramLabel = "P,Q", description = "Purposes the data may be used for (default: any).")
  List<String> purposes = new ArrayList<>();

  @Option(names = "--delete-after", paramLabel = "DATE", description = "Retention: not visible after this date (YYYY-MM-DD).")
  java.time.LocalDate deleteAfter;

  @Option(names = "--originator", paramLabel = "AGENCY", description = "The originating agency.")
  String originator;

  @Option(names = "--grading", defaultValue = "X4", paramLabel = "B2", description = "Source reliability A-D/X and information assessment 1-4 (default: ${DEFAULT-VALUE}).")
  String grading;

  @Option(names = "--type", required = true, paramLabel = "TYPE", description = "The entity type, e.g. Person.")
  String type;

  @Option(names = "--record", required = true, paramLabel = "ID", description = "The record's id in its source (makes re-adding idempotent).")
  String record;

  @Parameters(paramLabel = "PROPERTY=VALUE", arity = "1..*", description = "The values.")
  List<String> values;

  @Override
  public Integer call() {
    Label.Builder lb = Label.builder(label);
    if (!purposes.isEmpty()) {
      lb.purposes(purposes.stream().map(Purpose::of).toList());
    }
    if (deleteAfter != null) {
      lb.deleteAfter(deleteAfter);
    }
    if (originator != null) {
      lb.originator(originator);
    }
    Dataset ds = Dataset.of(dataset, lb.build(), Arguments.parse(spec, "--grading", () -> SourceGrading.parse(grading)));
    try (SessionOptions.Opened ws = session.write()) {
      Session s = ws.session();
      EntityBuilder b = ds.entity(ws.workspace().schema(), type, record).method("record:cli");
      for (String pv : values) {
        int eq = pv.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("'" + pv + "' is not PROPERTY=VALUE, e.g. name='Jean Dupont'");
        }
        b.add(pv.substring(0, eq), pv.substring(eq + 1));
      }
      var receipt = s.add(b.build());
      if (session.json) {
        Render.print(spec.commandLine().getOut(), Render.versioned().put("entity", receipt.entities().get(0).value())
            .put("statements", receipt.statements()));
      } else {
        spec.commandLine().getOut().printf(Locale.ROOT, "added %s (%d values)%n", receipt.entities().get(0), receipt.statements());
      }
      return 0;
    }
  }
}
