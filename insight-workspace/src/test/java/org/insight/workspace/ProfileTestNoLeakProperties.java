package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Entity;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.policy.Profile;
import org.insight.policy.Profiles;
import org.insight.policy.Purpose;
import org.insight.search.Hit;
import org.insight.search.Query;
import org.insight.test.Directories;

/**
 * What {@link Session#testProfile} shows the asker, exactly: the profile's own three counts equal those of a session
 * opened as the profile (the one thing learnt about data the asker cannot see), and everything else — the
 * "also visible to you" counts and the samples — equals what a workspace holding only the data visible to both the
 * asker and the profile shows. The full workspace holds the same names under labels only the profile, only the
 * asker, or neither may see.
 */
class ProfileTestNoLeakProperties {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final List<String> LABELS = List.of("A", "B", "C", "A&B", "A|C", "B&C");
  private static final List<String> NAMES = List.of("Ivan Petrov", "Ivana Petrova", "Anna Schmidt", "Karim Benali");

  @Property(tries = 20)
  void theAskerLearnsTheProfilesCountsAndNothingElseItCannotSee(@ForAll("labels") List<Integer> records,
      @ForAll("auths") Set<String> asker, @ForAll("auths") Set<String> profileTokens) throws IOException {
    Profile profile = Profiles.parse("[country FR]\nauthorizations = " + String.join(",", profileTokens.isEmpty()
        ? Set.of("NONE") : profileTokens) + "\n[role r]\npurposes = criminal-investigation\n[profile p]\ncountry = FR\n"
        + "role = r\n", "p").profile("p");
    Principal me = Principal.of("asker", asker);
    Principal them = profile.principal("profile:p");
    Path full = Files.createTempDirectory("profile-full");
    Path both = Files.createTempDirectory("profile-both");
    try (Workspace wf = Workspace.builder(full).clock(Fixtures.FIXED)
        .writers(org.insight.policy.Writers.parse("* = *\nprofiles = asker\n")).open();
         Workspace wb = Workspace.builder(both).clock(Fixtures.FIXED).open()) {
      List<Entity> all = new ArrayList<>();
      List<Entity> shared = new ArrayList<>();
      for (int i = 0; i < records.size(); i++) {
        Label label = Label.of(LABELS.get(records.get(i)));
        Entity e = Fixtures.person(Fixtures.dataset("ds", label), "r" + i, NAMES.get(i % NAMES.size()));
        all.add(e);
        if (sees(me, label) && sees(them, label)) {
          shared.add(e);
        }
      }
      Session loaderF = wf.session(Fixtures.loader("loader"), CI);
      loaderF.add(all);
      if (!shared.isEmpty()) {
        wb.session(Fixtures.loader("loader"), CI).add(shared);
      }
      Query query = Query.parse("petrov");
      ProfileTest t = wf.session(me, CI).testProfile(profile, CI, query, 5);
      Session asProfile = wf.session(them, CI);
      assertEquals(asProfile.count(null), t.entities());
      assertEquals(asProfile.search(query).total(), t.matches());
      Session inBoth = wb.session(Fixtures.loader("reader"), CI);
      assertEquals(inBoth.count(null), t.entitiesAlsoVisibleToYou());
      SearchExpect expected = new SearchExpect(inBoth.search(query.limit(5)).total(),
          inBoth.search(query.limit(5)).hits().stream().map(Hit::id).toList());
      assertEquals(expected, new SearchExpect(t.matchesAlsoVisibleToYou(), t.samples().stream().map(Hit::id).toList()));
    } finally {
      Directories.delete(full);
      Directories.delete(both);
    }
  }

  record SearchExpect(long total, List<String> ids) {}

  private static boolean sees(Principal p, Label l) {
    return Policy.standard().decide(p, CI, l, Fixtures.FIXED.instant()).allowed();
  }

  @Provide
  Arbitrary<List<Integer>> labels() {
    return Arbitraries.integers().between(0, LABELS.size() - 1).list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<Set<String>> auths() {
    return Arbitraries.of("A", "B", "C").set().ofMaxSize(3);
  }
}
