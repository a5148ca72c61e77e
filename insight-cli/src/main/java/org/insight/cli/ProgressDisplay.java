package org.insight.cli;

import org.insight.core.ProgressListener;

/** Where a command shows how far its long job is; closed when the job ends. */
interface ProgressDisplay extends ProgressListener, AutoCloseable {
  /** Shows nothing. */
  ProgressDisplay NONE = new ProgressDisplay() {
    @Override
    public void progress(String stage, long done, long total) {}

    @Override
    public void close() {}
  };

  @Override
  void close();
}
