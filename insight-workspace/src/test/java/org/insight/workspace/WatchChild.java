package org.insight.workspace;

import java.nio.file.Path;
import java.time.Duration;
import org.insight.core.Dataset;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;

/**
 * The child process of {@link WatcherKillTest}: watches an inbox until killed (SIGKILL: no clean stop) or terminated
 * (SIGTERM: the shutdown hook stops the watcher, which finishes its batch), printing {@code BATCH files documents}
 * after each batch.
 */
public final class WatchChild {
  static final Dataset INBOX = Dataset.of("watched", Label.of("A"), SourceGrading.UNGRADED);

  private WatchChild() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    Path inbox = Path.of(args[1]);
    try (Workspace ws = Workspace.open(dir)) {
      Session s = ws.session(Principal.of("watcher", "A"), Purpose.CRIMINAL_INVESTIGATION);
      Watcher w = Watcher.builder(s, INBOX).directory(inbox).pollInterval(Duration.ofMillis(100)).batchSize(3)
          .queueCapacity(4)
          .request(b -> b.extractor(new TestMailExtractor()).workers(1))
          .progress(p -> say("BATCH " + p.files() + " " + p.documents()))
          .build();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> w.stop(Duration.ofSeconds(20))));
      say("READY");
      w.run();
      say("STOPPED");
    }
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
