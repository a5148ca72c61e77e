package org.insight.trends;

import java.util.List;
import java.util.Objects;

/** One category's counts, period by period in time order, with no gap (a period with nothing counts 0). */
public record Series(String category, Granularity granularity, List<SeriesPoint> points) {
  public Series {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(granularity, "granularity");
    points = List.copyOf(points);
  }

  /** The sum of the counts. */
  public long total() {
    return points.stream().mapToLong(SeriesPoint::count).sum();
  }
}
