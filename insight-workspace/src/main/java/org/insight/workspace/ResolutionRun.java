package org.insight.workspace;

import java.util.List;
import org.insight.match.BlockingStats;
import org.insight.match.Judgement;

/**
 * What a resolution run did.
 *
 * @param run the run's id (runs sort by it)
 * @param records how many Person records it linked (only those the running session may see)
 * @param clusters the clusters of two or more records, by id
 * @param events the merges and splits since the previous run this session could see
 * @param links how many {@code SameAs} links it wrote
 * @param blocking what blocking did
 * @param conflicts SAME judgements refused because they would join a DIFFERENT pair
 * @param skipped records that could not be read as linkage records, each with the reason (quarantined, not linked)
 */
public record ResolutionRun(String run, int records, List<ResolvedCluster> clusters, List<MatchEvent> events,
    int links, BlockingStats blocking, List<Judgement> conflicts, List<String> skipped) {
  public ResolutionRun {
    clusters = List.copyOf(clusters);
    events = List.copyOf(events);
    conflicts = List.copyOf(conflicts);
    skipped = List.copyOf(skipped);
  }
}
