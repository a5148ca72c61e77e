package org.insight.match.internal;

import java.util.Objects;
import org.insight.core.ProgressListener;

/**
 * One stage of a run, counted in chunks that several worker threads take: reported to the listener one call at a
 * time and never backwards, ending at {@code done == total}.
 */
public final class StageProgress {
  private final ProgressListener listener;
  private final String stage;
  private final long total;
  private long done;

  public StageProgress(ProgressListener listener, String stage, long total) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.stage = stage;
    this.total = total;
  }

  /** A chunk was taken. */
  public synchronized void step() {
    if (done < total) {
      done++;
      listener.progress(stage, done, total);
    }
  }

  /** The stage ended: the last report says so, also when there was no chunk at all. */
  public synchronized void finish() {
    if (done < total || total == 0) {
      done = total;
      listener.progress(stage, done, total);
    }
  }
}
