package org.insight.workspace;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;

/**
 * The child process of {@link SecondProcessTest}: opens a workspace read-only and, for every line on standard
 * input, prints how many entities it sees (each read audited into the shared chain).
 */
public final class ReadOnlyReader {
  private ReadOnlyReader() {}

  public static void main(String[] args) throws Exception {
    try (Workspace ws = Workspace.builder(Path.of(args[0])).readOnly().open()) {
      Session s = ws.session(Principal.of("second-process", "A"), Purpose.CRIMINAL_INVESTIGATION);
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
        System.out.println("COUNT " + s.count(null) + " SEARCH " + s.search(org.insight.search.Query.name("Person " + line)).total());
        System.out.flush();
      }
    }
  }
}
