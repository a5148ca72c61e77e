package org.insight.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.Dataset;
import org.insight.core.EntityBuilder;
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

  @Mixin SourceOptions source;

  @Option(names = "--type", required = true, paramLabel = "TYPE", description = "The entity type, e.g. Person.")
  String type;

  @Option(names = "--record", required = true, paramLabel = "ID", description = "The record's id in its source (makes re-adding idempotent).")
  String record;

  @Parameters(paramLabel = "PROPERTY=VALUE", arity = "1..*", description = "The values.")
  List<String> values;

  @Override
  public Integer call() {
    Dataset ds = source.dataset();
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
