package org.insight.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assertions;

class LinkerProgressProperties {
  record Report(String stage, long done, long total, String thread) {}

  /** Per stage: done never decreases, never passes total, and the last report has done == total. */
  static void assertMonotoneEndingAtTotal(List<Report> reports, List<String> stages) {
    Map<String, List<Report>> byStage = new LinkedHashMap<>();
    reports.forEach(r -> byStage.computeIfAbsent(r.stage(), k -> new ArrayList<>()).add(r));
    Assertions.assertEquals(stages, List.copyOf(byStage.keySet()), "the stages, in order: " + reports);
    byStage.forEach((stage, rs) -> {
      for (int i = 1; i < rs.size(); i++) {
        Assertions.assertTrue(rs.get(i).done() >= rs.get(i - 1).done(), stage + " went backwards: " + rs);
      }
      rs.forEach(r -> Assertions.assertTrue(r.done() <= r.total(), stage + " passed its total: " + rs));
      Report last = rs.get(rs.size() - 1);
      Assertions.assertEquals(last.total(), last.done(), stage + " must end at its total: " + rs);
    });
    for (int i = 1; i < reports.size(); i++) { // one stage after the other: a stage never resumes
      if (!reports.get(i).stage().equals(reports.get(i - 1).stage())) {
        String ended = reports.get(i - 1).stage();
        Assertions.assertTrue(reports.subList(i, reports.size()).stream().noneMatch(r -> r.stage().equals(ended)));
      }
    }
  }

  @Property(tries = 15)
  void progressIsMonotoneAndEndsAtTheTotalOfEachStage(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 4) int threads) {
    List<Report> reports = java.util.Collections.synchronizedList(new ArrayList<>());
    Linker linker = Linker.builder().uSampleSize(2_000).threads(threads)
        .progress((stage, done, total) -> reports.add(new Report(stage, done, total, Thread.currentThread().getName())))
        .build();
    linker.dedupe(LinkerProperties.records(seed, n));
    assertMonotoneEndingAtTotal(reports, List.of("compare", "score"));

    reports.clear();
    Linker fixed = linker.withModel(LinkerProperties.MODEL);
    fixed.dedupe(LinkerProperties.records(seed, n));
    assertMonotoneEndingAtTotal(reports, List.of("score")); // a given model needs no comparison pass
  }
}
