package org.insight.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.insight.match.LinkResult;
import org.insight.match.Linker;
import org.insight.match.MatchRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight match link}: the records of one CSV file that are in another. */
@Command(name = "link", mixinStandardHelpOptions = true, description = "Find the records of LEFT that are in RIGHT.")
final class MatchLinkCommand implements Callable<Integer> {
  @Mixin MatchCsvOptions match;
  @Mixin ProgressOptions progress;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LEFT.csv")
  Path left;

  @Parameters(index = "1", paramLabel = "RIGHT.csv")
  Path right;

  @Override
  public Integer call() throws Exception {
    List<MatchRecord> l = match.read(left, spec);
    List<MatchRecord> r = match.read(right, spec);
    List<MatchRecord> both = new ArrayList<>(l);
    both.addAll(r);
    Set<String> leftIds = new HashSet<>();
    l.forEach(x -> leftIds.add(x.id()));
    LinkResult result;
    Linker linker;
    try (ProgressDisplay display = progress.start(spec)) {
      linker = match.linker(both, spec, leftIds, display);
      result = linker.link(l, r);
    }
    match.write(result, spec);
    if (match.truth != null) {
      match.report(linker.evaluate(l, r, result, match.labelledPairs(match.truth, both, leftIds, spec)), spec);
    }
    return 0;
  }
}
