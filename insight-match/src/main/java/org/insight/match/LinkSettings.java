package org.insight.match;

import org.insight.core.ProgressListener;

import java.util.List;
import org.insight.match.internal.ModelFitting;

/**
 * A {@link Linker}'s settings with their defaults applied, as a run reads them.
 *
 * @param comparisons the comparisons, in order
 * @param threshold match probability at or above which a pair is reported and may link clusters
 * @param maxBlockSize blocks with more records are skipped
 * @param linkage minimum mean match probability between two clusters for them to merge
 * @param clashWeight a cross-cluster pair below this weight vetoes a merge
 * @param threads threads of a run
 * @param fitting what EM is told
 * @param progress told of the scoring pass (stage {@code score}); the fitting's of the counting pass
 */
record LinkSettings(List<Comparison> comparisons, double threshold, int maxBlockSize, double linkage,
    double clashWeight, int threads, ModelFitting.Settings fitting, ProgressListener progress) {}
