package org.insight.workspace;

import java.nio.file.Path;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;

/**
 * The child process of {@link DurabilityKillTest}: adds records forever and prints {@code ACK n} after each add
 * returns, i.e. after the workspace acknowledged it. The parent kills it with SIGKILL at a random moment.
 */
public final class KillWriter {
  private KillWriter() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int start = Integer.parseInt(args[1]);
    Dataset ds = Dataset.of("kill", Label.of("A"), SourceGrading.UNGRADED);
    try (Workspace ws = Workspace.open(dir)) {
      Session s = ws.session(Principal.of("writer", "A"), Purpose.CRIMINAL_INVESTIGATION);
      for (int i = start; ; i++) {
        Entity e = ds.entity("Person", "r" + i).add("name", "Person " + i).add("alias", "P" + i).build();
        s.add(e);
        System.out.println("ACK " + i);
        System.out.flush();
      }
    }
  }
}
