package org.insight.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.insight.match.LinkResult;
import org.insight.match.Linker;
import org.insight.match.MatchRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight match dedupe}: the records of one CSV file that are the same. */
@Command(name = "dedupe", mixinStandardHelpOptions = true, description = "Find the records of one file that are the same.")
final class MatchDedupeCommand implements Callable<Integer> {
  @Mixin MatchCsvOptions match;
  @Mixin ProgressOptions progress;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE.csv")
  Path file;

  @Override
  public Integer call() throws Exception {
    List<MatchRecord> records = match.read(file, spec);
    LinkResult result;
    Linker linker;
    try (ProgressDisplay display = progress.start(spec)) {
      linker = match.linker(records, spec, null, display);
      result = linker.dedupe(records);
    }
    match.write(result, spec);
    if (match.truth != null) {
      match.report(linker.evaluate(records, result, match.labelledPairs(match.truth, records, null, spec)), spec);
    }
    return 0;
  }
}
