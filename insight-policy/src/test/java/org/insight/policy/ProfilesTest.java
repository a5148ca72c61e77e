package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.insight.InsightException;
import org.junit.jupiter.api.Test;

class ProfilesTest {
  static final String GOOD = """
      # INSIGHT access profiles
      [country FR]
      authorizations = FR

      [country DE]
      authorizations = DE, EU

      [role analyst]
      authorizations = INTERPOL, POLICE
      purposes = criminal-investigation, counter-terrorism

      [profile fr-analyst]
      country = FR
      role = analyst
      purposes = criminal-investigation   # only this one
      authorizations = LIVE

      [profile de-analyst]
      country = DE
      role = analyst
      """;

  @Test
  void aProfileYieldsTheUnionOfItsCountrysRolesAndOwnTokensAndItsPurposes() {
    Profiles profiles = Profiles.parse(GOOD, "profiles.ini");
    Profile fr = profiles.profile("fr-analyst");
    assertEquals(Set.of("FR", "INTERPOL", "POLICE", "LIVE"), fr.authorizations());
    assertEquals(Set.of(Purpose.CRIMINAL_INVESTIGATION), fr.purposes());
    assertEquals(Principal.of("u1", "FR", "INTERPOL", "POLICE", "LIVE"), fr.principal("u1"));
    Profile de = profiles.profile("de-analyst");
    assertEquals(Set.of("DE", "EU", "INTERPOL", "POLICE"), de.authorizations());
    assertEquals(Set.of(Purpose.CRIMINAL_INVESTIGATION, Purpose.COUNTER_TERRORISM), de.purposes(), "the role's");
    assertEquals(List.of("fr-analyst", "de-analyst"), profiles.all().stream().map(Profile::name).toList());
    InsightException e = assertThrows(InsightException.class, () -> fr.purpose(Purpose.COUNTER_TERRORISM));
    assertTrue(e.getMessage().contains("[criminal-investigation]"), e.getMessage());
    InsightException missing = assertThrows(InsightException.class, () -> profiles.profile("fr-analist"));
    assertTrue(missing.getMessage().contains("did you mean 'fr-analyst'?"), missing.getMessage());
  }

  @Test
  void everyProblemIsReportedWithItsFileAndLine() {
    String bad = """
        [country France]
        authorizations = FR
        [country FR]
        authorizations = FR, bad token
        [role analyst]
        authorizations = POLICE
        purposes = criminal-investigation, Not A Purpose!
        [role clerk]
        authorizations = POLICE
        [profile fr-analyst]
        country = FR
        role = analist
        colour = blue
        [profile fr-ct]
        country = FR
        role = analyst
        purposes = counter-terrorism
        [profile fr-ct]
        country = FR
        [team x]
        stray line
        """;
    ProfileFileException e = assertThrows(ProfileFileException.class, () -> Profiles.parse(bad, "p.ini"));
    List<String> p = e.problems();
    assertTrue(p.contains("p.ini:1: a country is an ISO 3166-1 alpha-2 code in capitals (FR, DE, IT); got 'France'"), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.startsWith("p.ini:4: 'bad token' is not an authorisation token")), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.startsWith("p.ini:7: Invalid purpose \"Not A Purpose!\"")), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.startsWith("p.ini:8: role clerk names no purposes")), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.startsWith("p.ini:12: profile fr-analyst names the role 'analist', which the"
        + " file does not declare; did you mean 'analyst'?")), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.startsWith("p.ini:13: unknown key 'colour' in a profile")), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.startsWith("p.ini:17: profile fr-ct names the purpose counter-terrorism,"
        + " which its role analyst does not allow")), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.startsWith("p.ini:18: profile fr-ct is declared again (first at line 14)")),
        p.toString());
    assertTrue(p.stream().anyMatch(x -> x.startsWith("p.ini:20: a section header is [country XX]")), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.startsWith("p.ini:21: expected key = value")), p.toString());
    assertTrue(e.getMessage().startsWith(p.size() + " problem(s) in the profile file: p.ini:1:"), e.getMessage());
  }

  @Test
  void aFileWithoutProfilesIsRefused() {
    ProfileFileException e = assertThrows(ProfileFileException.class,
        () -> Profiles.parse("[country FR]\nauthorizations = FR\n", "p.ini"));
    assertEquals(List.of("p.ini:2: the file declares no profile; add [profile NAME] with a country and a role"),
        e.problems());
  }
}
