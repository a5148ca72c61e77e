package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Dataset;
import org.insight.core.EntityBuilder;
import org.insight.geo.Area;
import org.insight.geo.CellShape;
import org.insight.geo.GeoPoint;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.test.Directories;

/**
 * Rule 2 for geo: whatever the labels, principal and purpose, a session's points, hotspots (square and hexagonal
 * cells), density, sightings and
 * co-locations equal those of a workspace holding only its visible data. The full workspace is padded with data built
 * to move every answer if anything invisible leaked: invisible events in the same cells as the visible ones (they
 * would raise counts and Gi*), invisible persons at the same place and time (they would add co-locations), invisible
 * points, times and participants on the visible events' own ids (they would move or add sightings), an invisible
 * Location at the same id with another point, invisible earlier sightings of every person at the visible points
 * (they would grow clusters, turn noise into cores and move first entries into an area), and invisible sightings of
 * every person far away a minute later (each would be an impossible trip).
 */
class GeoNoLeakProperties implements Clearances {
  private static final Instant T0 = Instant.parse("2026-04-04T08:00:00Z");
  private static final List<Label> NEVER = List.of(Label.of("Z"),
      Label.builder("A").purposes(List.of(Purpose.of("intelligence-sharing"))).build(),
      Label.builder("A|B|C").deleteAfter(LocalDate.of(2026, 5, 1)).build());

  private static final List<String> EVERYONE = List.of("p1", "p2", "p3", "p4");

  /** An event: its id, point, minutes after T0, the persons it involves, and the label of each of its parts. */
  record Ev(String id, GeoPoint point, int minutes, List<String> involved, Label pointLabel, Label timeLabel,
      Label involvedLabel, boolean viaLocation) {}

  @Property(tries = 20)
  void geoAnswersAreThoseOfAWorkspaceOfOnlyTheVisibleData(@ForAll("events") List<Ev> events,
      @ForAll("auths") Set<String> auths, @ForAll("purposes") Purpose purpose) throws IOException {
    Principal reader = Principal.of("reader", auths);
    Predicate<Label> visible = l -> Policy.standard().decide(reader, purpose, l, Fixtures.FIXED.instant()).allowed();
    Dataset ds = Dataset.of("ds", Label.of("A"), SourceGrading.UNGRADED);
    Path a = Files.createTempDirectory("geo-all");
    Path b = Files.createTempDirectory("geo-visible");
    try (Workspace full = Workspace.builder(a).clock(Fixtures.FIXED).open();
         Workspace filtered = Workspace.builder(b).clock(Fixtures.FIXED).open()) {
      write(full, "w1", ds, events, l -> true);
      write(full, "pad", ds, padding(events), l -> true);
      write(filtered, "oracle-writer", ds, events, visible);

      Session s = full.session(reader, purpose);
      Session oracle = filtered.session(Principal.of("oracle", NoLeakProperties.TOKENS), purpose);
      long before = full.audit.size();
      assertEquals(oracle.geo().points(), s.geo().points(), "points");
      assertEquals(oracle.geo().sightings(), s.geo().sightings(), "sightings");
      assertEquals(oracle.geo().hotspots(300), s.geo().hotspots(300), "hotspots");
      assertEquals(oracle.geo().hotspots(CellShape.HEXAGON, 250), s.geo().hotspots(CellShape.HEXAGON, 250),
          "hexagon hotspots");
      assertEquals(oracle.geo().density(200, 600), s.geo().density(200, 600), "density");
      assertEquals(oracle.geo().coLocations(150, Duration.ofMinutes(20)), s.geo().coLocations(150,
          Duration.ofMinutes(20)), "co-locations");
      GeoPoint centre = GeoPoint.of(45.76, 4.85);
      assertEquals(oracle.geo().near(centre, 800), s.geo().near(centre, 800), "near");
      assertEquals(oracle.geo().clusters(250, 3), s.geo().clusters(250, 3), "clusters");
      Area area = Area.polygon(List.of(GeoPoint.of(45.7545, 4.8445), GeoPoint.of(45.7612, 4.8445),
          GeoPoint.of(45.7612, 4.8532), GeoPoint.of(45.7545, 4.8532)));
      assertEquals(oracle.geo().firstEntries(area), s.geo().firstEntries(area), "first entries");
      assertEquals(oracle.geo().implausibleTravel(900, 50), s.geo().implausibleTravel(900, 50), "impossible travel");
      assertEquals(full.audit.size(), before + 10, "one audit entry per call");
    } finally {
      Directories.delete(a);
      Directories.delete(b);
    }
  }

  private static void write(Workspace ws, String writer, Dataset ds, List<Ev> events, Predicate<Label> keep) {
    Map<String, EntityBuilder> builders = new LinkedHashMap<>();
    Set<String> used = new java.util.HashSet<>();
    for (Ev e : events) {
      String evKey = "Event/" + e.id();
      EntityBuilder ev = builders.computeIfAbsent(evKey, k -> ds.entity("Event", e.id()));
      if (keep.test(e.pointLabel())) {
        used.add(evKey);
        if (e.viaLocation()) {
          String loc = org.insight.core.EntityId.fromSource(ds.name(), "loc-" + e.id()).value();
          ev.add("location", loc, e.pointLabel());
          used.add("Location/" + e.id());
          builders.computeIfAbsent("Location/" + e.id(), k -> ds.entity("Location", "loc-" + e.id()))
              .add("point", e.point().toString(), e.pointLabel());
        } else {
          ev.add("point", e.point().toString(), e.pointLabel());
        }
      }
      if (keep.test(e.timeLabel())) {
        used.add(evKey);
        ev.add("startTime", T0.plusSeconds(60L * e.minutes()).toString(), e.timeLabel());
      }
      if (keep.test(e.involvedLabel())) {
        for (String p : e.involved()) {
          used.add(evKey);
          ev.add("involved", p, e.involvedLabel());
        }
      }
    }
    List<org.insight.core.Entity> built = builders.entrySet().stream().filter(x -> used.contains(x.getKey()))
        .map(x -> x.getValue().build()).toList();
    if (!built.isEmpty()) {
      ws.session(Fixtures.loader(writer), Purpose.CRIMINAL_INVESTIGATION).add(built);
    }
  }

  /** What no reader may see, placed to move every answer. */
  private static List<Ev> padding(List<Ev> events) {
    List<Ev> out = new ArrayList<>();
    int i = 0;
    for (Ev e : events) {
      Label never = NEVER.get(i++ % NEVER.size());
      // the same cell, the same time, other persons (a hotspot and new co-locations if it leaked)
      out.add(new Ev("pad-" + e.id(), e.point(), e.minutes(), List.of("pad-person", "p1"), never, never, never, false));
      out.add(new Ev("pad2-" + e.id(), GeoPoint.of(e.point().latitude() + 0.0004, e.point().longitude()), e.minutes() + 3,
          List.of("pad-person"), never, never, never, e.viaLocation()));
      // the visible event's own id: another point, an earlier time, another participant
      out.add(new Ev(e.id(), GeoPoint.of(e.point().latitude() - 0.01, e.point().longitude() + 0.01), e.minutes() - 5,
          List.of("pad-person"), never, never, never, false));
      // every person at the same point earlier (a denser cluster, an earlier entry), and far away a minute later
      out.add(new Ev("pad3-" + e.id(), e.point(), e.minutes() - 10, EVERYONE, never, never, never, e.viaLocation()));
      out.add(new Ev("pad4-" + e.id(), GeoPoint.of(e.point().latitude() + 2, e.point().longitude()), e.minutes() + 1,
          EVERYONE, never, never, never, false));
    }
    return out;
  }

  @Provide
  Arbitrary<List<Ev>> events() {
    Arbitrary<Label> label = NoLeakProperties.labels();
    Arbitrary<GeoPoint> point = Combinators.combine(Arbitraries.integers().between(0, 8),
        Arbitraries.integers().between(0, 8)).as((x, y) -> GeoPoint.of(45.755 + x * 0.0015, 4.845 + y * 0.002));
    Arbitrary<List<String>> involved = Arbitraries.of("p1", "p2", "p3", "p4").list().ofMinSize(0).ofMaxSize(2)
        .uniqueElements();
    Arbitrary<Ev> ev = Combinators.combine(Arbitraries.integers().between(1, 40), point,
        Arbitraries.integers().between(0, 120), involved, label, label, label, Arbitraries.of(false, false, true))
        .as((n, p, m, who, lp, lt, li, via) -> new Ev("ev" + n, p, m, who, lp, lt, li, via));
    return ev.list().ofMinSize(1).ofMaxSize(12).uniqueElements(Ev::id);
  }
}
