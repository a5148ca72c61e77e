package org.insight.spark.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.insight.cli.MatchCsvOptions;
import org.insight.core.ProgressListener;
import org.insight.match.Linker;
import org.insight.match.MatchRecord;
import org.insight.spark.SparkLinkResult;
import org.insight.spark.SparkLinker;
import picocli.CommandLine.Model.CommandSpec;

/** What {@code spark link} and {@code spark dedupe} share: the linker, the session, writing the embedded files. */
final class LinkRuns {
  private LinkRuns() {}

  /** Runs {@code left} (and {@code right}, null for a dedupe) read by {@code match}, and writes its files. */
  static int run(MatchCsvOptions match, SparkOptions options, CommandSpec spec, Path left, Path right)
      throws Exception {
    List<MatchRecord> l = match.read(left, spec);
    List<MatchRecord> r = right == null ? List.of() : match.read(right, spec);
    List<MatchRecord> both = new ArrayList<>(l);
    both.addAll(r);
    Set<String> leftIds = new java.util.HashSet<>();
    l.forEach(x -> leftIds.add(x.id()));
    Linker linker = match.linker(both, spec, right == null ? null : leftIds, ProgressListener.NONE);
    // without --train the job fits the model by EM as 'insight match' does (SparkLinker)
    // the session stays up: Spark stops it when the JVM exits, and a caller's session (getOrCreate) is the caller's
    SparkSession spark = options.session("insight spark " + (right == null ? "dedupe" : "link"));
    SparkLinker job = new SparkLinker(spark, linker);
    SparkLinkResult result = right == null ? job.dedupe(SparkLinker.records(spark, l))
        : job.link(SparkLinker.records(spark, l), SparkLinker.records(spark, r));
    match.write(result.collect(), spec);
    return 0;
  }
}
