package org.insight.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.geo.CoLocation;
import org.insight.geo.Gazetteer;
import org.insight.geo.GeoFeature;
import org.insight.geo.GeoJson;
import org.insight.geo.GeoMap;
import org.insight.geo.HotspotResult;
import org.insight.geo.Reverse;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.SourceGrading;
import org.insight.workspace.Located;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * The demo's geo step: surveillance sightings (Events with a point, a start time and the persons involved) put on
 * the map for the Lyon investigator — the co-location of Petrov and Moreau, the hotspot of incidents at Lyon
 * Part-Dieu, jurisdictions by reverse geocoding — and written as GeoJSON and an offline HTML map. The INTERPOL
 * analyst, who may not see the French surveillance, gets none of it.
 */
final class GeoDemo {

  /** What the step found, for DemoTest. */
  record Result(int points, List<CoLocation> coLocations, int hotCells, int analystPoints, Path map) {}

  private GeoDemo() {}

  static Result run(Workspace ws, PrintWriter out) throws IOException {
    Dataset surveillance = Dataset.of("fr-surveillance",
        Label.builder("FR&POLICE").purposes(Demo.CI).originator("FR-NCB").build(), SourceGrading.parse("B2"));
    String petrov = EntityId.fromSource("fr-police-records", "FR-77-0192").value();
    String moreau = EntityId.fromSource("fr-police-records", "FR-77-0193").value();
    String benali = EntityId.fromSource("fr-police-records", "FR-77-0194").value();
    List<Entity> events = new ArrayList<>();
    // two meetings: a café at Lyon Part-Dieu, then the Vieux-Port in Marseille; Benali in Paris at the same hour
    events.add(sighting(surveillance, "obs-101", "45.76060,4.85900", "2026-04-04T10:12:00+02:00", petrov));
    events.add(sighting(surveillance, "obs-102", "45.76081,4.85934", "2026-04-04T10:20:00+02:00", moreau));
    events.add(sighting(surveillance, "obs-103", "43.29510,5.37400", "2026-04-05T18:40:00+02:00", petrov));
    events.add(sighting(surveillance, "obs-104", "43.29528,5.37452", "2026-04-05T18:55:00+02:00", moreau));
    events.add(sighting(surveillance, "obs-105", "48.85300,2.36900", "2026-04-04T10:15:00+02:00", benali));
    // thefts reported around Part-Dieu station, and a few elsewhere in Lyon
    double[][] incidents = {{45.7605, 4.8597}, {45.7609, 4.8601}, {45.7602, 4.8590}, {45.7611, 4.8588},
        {45.7599, 4.8604}, {45.7607, 4.8611}, {45.7614, 4.8599}, {45.7603, 4.8582}, {45.7484, 4.8270},
        {45.7700, 4.8340}, {45.7430, 4.8710}, {45.7790, 4.8700}, {45.7550, 4.8400}};
    for (int i = 0; i < incidents.length; i++) {
      events.add(surveillance.entity("Event", "inc-" + (201 + i)).method("record:csv").add("name", "Theft reported")
          .add("point", incidents[i][0] + "," + incidents[i][1])
          .add("startTime", String.format(Locale.ROOT, "2026-04-%02dT%02d:30:00+02:00", 1 + i % 6, 9 + i % 9))
          .build());
    }
    // a writer attaches only labels it satisfies: the loader holds FR and POLICE
    try (Session s = ws.session(Principal.of("demo.loader", "FR", "POLICE"), Demo.CI)) {
      s.add(events);
    }

    out.println("Geo: surveillance sightings and incidents on the map, as investigator.lyon:");
    Demo.Reader lyon = Demo.READERS.get(1);
    Result result;
    try (Session s = ws.session(lyon.principal(), lyon.purpose())) {
      List<Located> points = s.geo().points();
      List<CoLocation> links = s.geo().coLocations(100, Duration.ofMinutes(30));
      HotspotResult hotspots = s.geo().hotspots(500);
      for (CoLocation c : links) {
        out.printf(Locale.ROOT, "   co-location %s + %s: %d encounter(s), closest %.0f m (evidence %s)%n",
            name(s, c.first()), name(s, c.second()), c.times(), c.closestMetres(),
            c.encounters().stream().map(e -> e.first().source() + "/" + e.second().source()).toList());
      }
      hotspots.hot().stream().limit(1).forEach(c -> {
        Reverse r = Gazetteer.shared().reverse(c.centre());
        out.printf(Locale.ROOT, "   hotspot: %d incident(s) in a 500 m cell near %s (%s), Gi* z=%.1f, FDR q=%.3f;"
            + " %d hot cell(s) in all%n", c.count(), r.city().map(p -> p.name()).orElse("?"),
            r.country().map(x -> x.code()).orElse("?"), c.z(), c.q(), hotspots.hot().size());
      });
      List<GeoFeature> features = new ArrayList<>();
      for (Located l : points) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("schema", l.schema());
        l.time().ifPresent(t -> props.put("time", t.toString()));
        props.put("country", Gazetteer.shared().reverse(l.point()).country().map(x -> x.code()).orElse(""));
        features.add(new GeoFeature(l.entity().value(), l.point(), props));
      }
      Path map = ws.directory().resolve("geo-map.html");
      Files.writeString(map, GeoMap.html("Demo — sightings and incidents (investigator.lyon)", features,
          hotspots.cells()), StandardCharsets.UTF_8);
      Files.writeString(ws.directory().resolve("geo.geojson"), GeoJson.write(features, hotspots.cells()),
          StandardCharsets.UTF_8);
      out.printf(Locale.ROOT, "   %d point(s) in %s; map written to %s (GeoJSON: geo.geojson)%n", points.size(),
          features.stream().map(f -> String.valueOf(f.properties().get("country"))).distinct().sorted().toList(), map);
      result = new Result(points.size(), links, hotspots.hot().size(), 0, map);
    }
    Demo.Reader analyst = Demo.READERS.get(0);
    try (Session s = ws.session(analyst.principal(), analyst.purpose())) {
      int seen = s.geo().points().size();
      out.printf(Locale.ROOT, "   analyst.interpol sees %d point(s) and %d co-location(s): the surveillance is FR&POLICE%n",
          seen, s.geo().coLocations(100, Duration.ofMinutes(30)).size());
      result = new Result(result.points(), result.coLocations(), result.hotCells(), seen, result.map());
    }
    out.println();
    return result;
  }

  private static Entity sighting(Dataset ds, String id, String point, String time, String person) {
    return ds.entity("Event", id).method("record:csv").add("name", "Surveillance sighting").add("point", point)
        .add("startTime", time).add("involved", person).build();
  }

  private static String name(Session s, String id) {
    return s.entity(EntityId.of(id)).map(Entity::caption).orElse(id);
  }
}
