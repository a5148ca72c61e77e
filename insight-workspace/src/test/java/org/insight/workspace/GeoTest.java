package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.Provenance;
import org.insight.geo.CoLocation;
import org.insight.geo.GeoPoint;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoTest {
  @TempDir Path dir;

  @Test
  void pointsSightingsAndCoLocationsOfWhatTheSessionSees() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Dataset ds = Fixtures.dataset("surveillance", "FR");
      Entity anna = Fixtures.person(ds, "anna", "Anna");
      Entity boris = Fixtures.person(ds, "boris", "Boris");
      Entity cafe = ds.entity("Location", "cafe").add("name", "Café du Parc").add("point", "45.7606, 4.8590").build();
      Session w = ws.session(Fixtures.loader("w"), Purpose.CRIMINAL_INVESTIGATION);
      w.add(anna, boris, cafe,
          ds.entity("Event", "s1").add("location", cafe.id().value()).add("startTime", "2026-04-04T10:12:00+02:00")
              .add("involved", anna.id().value()).build(),
          ds.entity("Event", "s2").add("point", "45.76075,4.8593").add("startTime", "2026-04-04T10:20:00+02:00")
              .add("involved", boris.id().value()).build(),
          ds.entity("Event", "s3").add("point", "43.2951,5.3740").add("startTime", "2026-04-04T18:40:00+02:00")
              .add("involved", boris.id().value()).build());
      ContentHash hash = w.storeEvidence(new ByteArrayInputStream("jpeg".getBytes(StandardCharsets.UTF_8)));
      w.add(new Document(null, hash, "photo.jpg", "", "", Map.of("geo", List.of("45.7640,4.8357"),
          "created", List.of("2026-04-04T09:00:00Z")), null, null, Label.of("FR"),
          Provenance.of("surveillance", "photo.jpg", "file:image", SourceGrading.UNGRADED).withContentHash(hash)));

      Session fr = ws.session(Principal.of("fr", "FR"), Purpose.CRIMINAL_INVESTIGATION);
      long before = ws.audit.size();
      List<Located> points = fr.geo().points();
      assertEquals(before + 1, ws.audit.size(), "one audit entry for the call");
      assertEquals(5, points.size(), points.toString()); // the café, its event via location, two events, the photo
      assertTrue(points.stream().anyMatch(l -> l.property().equals("location.point")
          && l.point().equals(GeoPoint.of(45.7606, 4.859)) && l.time().isPresent()));
      assertTrue(points.stream().anyMatch(l -> l.schema().equals("Document") && l.property().equals("metadata.geo")));

      List<CoLocation> links = fr.geo().coLocations(100, Duration.ofMinutes(15));
      assertEquals(1, links.size(), links.toString());
      assertEquals(2, List.of(links.get(0).first(), links.get(0).second()).stream()
          .filter(id -> id.equals(anna.id().value()) || id.equals(boris.id().value())).count());
      assertEquals(1, links.get(0).times());
      assertTrue(links.get(0).closestMetres() < 40, links.toString());
      assertTrue(fr.geo().coLocations(100, Duration.ofMinutes(5)).isEmpty(), "8 minutes apart");

      Session nobody = ws.session(Principal.of("n"), Purpose.CRIMINAL_INVESTIGATION);
      assertTrue(nobody.geo().points().isEmpty());
      assertTrue(nobody.geo().coLocations(100, Duration.ofMinutes(15)).isEmpty());
    }
  }
}
