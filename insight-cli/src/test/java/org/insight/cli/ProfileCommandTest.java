package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profile files checked with file:line, sessions as a profile's user, and what a profile test shows its asker. */
class ProfileCommandTest {
  @TempDir Path dir;

  @Test
  void aBadProfileFileIsReportedLineByLine() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.ini"), "[country FR]\nauthorizations = FR\n[profile fr]\ncountry = FR\n"
        + "role = analist\n[role analyst]\npurposes = criminal-investigation\n");
    CliRun r = CliRun.of("profile", "check", bad.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains(bad + ":5: profile fr names the role 'analist', which the file does not declare;"
        + " did you mean 'analyst'?"), r.err());
    CliRun asProfile = CliRun.of("count", "--workspace", dir.resolve("ws").toString(), "--profiles", bad.toString(),
        "--profile", "fr");
    assertEquals(2, asProfile.code(), "an invalid profile file is a usage error for any command: " + asProfile.err());
  }

  @Test
  void aProfilesUserReadsWithItsTokensAndATestShowsTheAskerOnlyCountsBeyondItsOwnView() throws Exception {
    String ws = dir.resolve("ws").toString();
    Path writers = Files.writeString(dir.resolve("writers.properties"), "* = *\nprofiles = admin\n");
    assertEquals(0, CliRun.of("add", "--workspace", ws, "--dataset", "d", "--label", "FR&POLICE", "--auths", "FR,POLICE",
        "--type", "Person", "--record", "1", "name=Ivan Petrov", "--writers", writers.toString()).code());
    assertEquals(0, CliRun.of("add", "--workspace", ws, "--dataset", "d", "--label", "INTERPOL", "--auths", "INTERPOL",
        "--type", "Person", "--record", "2", "name=Anna Petrov").code());
    Path profiles = Files.writeString(dir.resolve("profiles.ini"), "[country FR]\nauthorizations = FR\n[role police]\n"
        + "authorizations = POLICE, INTERPOL\npurposes = criminal-investigation\n[profile fr-police]\ncountry = FR\n"
        + "role = police\n");
    CliRun count = CliRun.of("count", "--workspace", ws, "--profiles", profiles.toString(), "--profile", "fr-police");
    assertEquals(0, count.code(), count.err());
    assertTrue(count.out().contains("2"), "the profile's tokens see both: " + count.out());
    CliRun ct = CliRun.of("count", "--workspace", ws, "--profiles", profiles.toString(), "--profile", "fr-police",
        "--purpose", "counter-terrorism");
    assertEquals(2, ct.code(), "a purpose the profile does not allow: " + ct.err());

    CliRun refused = CliRun.of("profile", "test", "fr-police", "--workspace", ws, "--profiles", profiles.toString(),
        "--user", "analyst", "--auths", "INTERPOL");
    assertEquals(1, refused.code(), "only a granted tester: " + refused.err());
    CliRun t = CliRun.of("profile", "test", "fr-police", "--workspace", ws, "--profiles", profiles.toString(),
        "--user", "admin", "--auths", "INTERPOL", "--query", "petrov");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.out().contains("as the profile:        2 entities, 0 documents, 2 matches"), t.out());
    assertTrue(t.out().contains("of which you see too:  1 entities, 0 documents, 1 matches"), t.out());
    assertTrue(t.out().contains("Anna Petrov"), t.out());
    assertFalse(t.out().contains("Ivan"), "nothing the asker cannot see but counts: " + t.out());
    CliRun dpo = CliRun.of("subject-report", "--entity", org.insight.core.EntityId.fromSource("d", "1").value(),
        "--workspace", ws, "--user", "admin");
    assertEquals(1, dpo.code(), "oversight is granted by name too: " + dpo.err());
  }
}
