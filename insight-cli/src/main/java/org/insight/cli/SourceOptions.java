package org.insight.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.insight.core.Dataset;
import org.insight.policy.Label;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every command that brings data in shares — which dataset it belongs to, the label and handling rules
 * its values get, who sent it and how reliable it is — and the one place that turns them into a {@link Dataset}.
 * A value the library refuses (a malformed label, grading or purpose) is a usage error naming its option.
 */
public final class SourceOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  /** Options picocli fills; insight spark's ingest command mixes them in too. */
  public SourceOptions() {}

  @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The source dataset.")
  String dataset;

  @Option(names = "--label", required = true, paramLabel = "EXPR", description = "The access label, e.g. 'FR&POLICE'"
      + " or 'INTERPOL&(FR|DE)'.")
  String label;

  @Option(names = "--purposes", split = ",", paramLabel = "P,Q", description = "Purposes the data may be used for (default: any).")
  List<String> purposes = new ArrayList<>();

  // --delete-after is the label's own word for it (and was add's option name); both are kept
  @Option(names = {"--retain-until", "--delete-after"}, paramLabel = "DATE",
      description = "Retention: not visible after this date (YYYY-MM-DD).")
  LocalDate retainUntil;

  @Option(names = "--originator", paramLabel = "AGENCY", description = "The originating agency.")
  String originator;

  @Option(names = "--grading", defaultValue = "X4", paramLabel = "B2",
      description = "Source reliability A-D/X and information assessment 1-4 (default: ${DEFAULT-VALUE}).")
  String grading;

  /** The dataset the options describe; a value the library refuses is a usage error naming its option. */
  public Dataset dataset() {
    Label.Builder builder = Arguments.parse(mixee, "--label", () -> Label.builder(label));
    if (!purposes.isEmpty()) {
      builder.purposes(Arguments.parse(mixee, "--purposes", () -> purposes.stream().map(Purpose::of).toList()));
    }
    if (retainUntil != null) {
      builder.deleteAfter(retainUntil);
    }
    if (originator != null) {
      Arguments.parse(mixee, "--originator", () -> builder.originator(originator));
    }
    Label built = Arguments.parse(mixee, "--label", builder::build);
    SourceGrading reliability = Arguments.parse(mixee, "--grading", () -> SourceGrading.parse(grading));
    return Arguments.parse(mixee, "--dataset", () -> Dataset.of(dataset, built, reliability));
  }
}
