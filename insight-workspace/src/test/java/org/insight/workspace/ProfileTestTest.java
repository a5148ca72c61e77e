package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.insight.InsightException;
import org.insight.policy.AuditEvent;
import org.insight.policy.Principal;
import org.insight.policy.Profile;
import org.insight.policy.Profiles;
import org.insight.policy.Purpose;
import org.insight.policy.Writers;
import org.insight.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTestTest {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final Profile FR = Profiles.parse("""
      [country FR]
      authorizations = FR
      [role analyst]
      authorizations = INTERPOL
      purposes = criminal-investigation
      [profile fr-analyst]
      country = FR
      role = analyst
      """, "profiles.ini").profile("fr-analyst");

  @TempDir Path dir;

  @Test
  void onlyAGrantedTesterMayTestAndTheAuditNamesTheTesterNotTheProfile() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED)
        .writers(Writers.parse("profiles = admin\n* = loader\n")).open()) {
      ws.session(Fixtures.loader("loader"), CI).add(
          Fixtures.person(Fixtures.dataset("ds", "INTERPOL&FR"), "1", "Ivan Petrov"),
          Fixtures.person(Fixtures.dataset("ds", "INTERPOL"), "2", "Anna Schmidt"),
          Fixtures.person(Fixtures.dataset("ds", "DE"), "3", "Ivan Petrov"));
      Session analyst = ws.session(Principal.of("analyst", "INTERPOL", "FR"), CI);
      assertThrows(AccessRefusedException.class, () -> analyst.testProfile(FR, CI, Query.all(), 5));
      assertEquals("denied: not a profile tester", last(ws).outcome());

      Session admin = ws.session(Principal.of("admin", "INTERPOL"), CI);
      ProfileTest t = admin.testProfile(FR, CI, Query.parse("petrov"), 5);
      assertEquals(2, t.entities(), "the profile sees the INTERPOL and the INTERPOL&FR person");
      assertEquals(1, t.matches(), "one Petrov for the profile (the DE one is nobody's here)");
      assertEquals(1, t.entitiesAlsoVisibleToYou(), "the admin sees only the INTERPOL person");
      assertEquals(0, t.matchesAlsoVisibleToYou());
      assertEquals(List.of(), t.samples(), "the profile's Petrov is not shown to an admin not cleared for FR");
      AuditEvent e = last(ws);
      assertEquals("admin", e.principal(), "recorded as the tester's call: no impersonation");
      assertEquals("profile.test", e.operation());
      assertTrue(e.query().startsWith("profile=fr-analyst purpose=criminal-investigation query="), e.query());
      InsightException wrong = assertThrows(InsightException.class,
          () -> admin.testProfile(FR, Purpose.COUNTER_TERRORISM, Query.all(), 5));
      assertTrue(wrong.getMessage().contains("may not declare the purpose counter-terrorism"), wrong.getMessage());
      assertTrue(last(ws).outcome().startsWith("error"), "a refused test is audited too");
    }
  }

  private static AuditEvent last(Workspace ws) {
    return ws.audit.tail(1).get(0).event();
  }
}
