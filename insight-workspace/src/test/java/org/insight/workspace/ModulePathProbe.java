package org.insight.workspace;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;

/**
 * What an embedder on the module path does: write a labelled entity, read and search it through a session. Loaded
 * by {@link ModulePathTest} in a class loader whose parent holds the SDK as named modules, so every type it touches
 * comes from there.
 */
public final class ModulePathProbe implements Callable<String> {
  private final Path dir;

  public ModulePathProbe(Path dir) {
    this.dir = dir;
  }

  @Override
  public String call() {
    Dataset notices = Dataset.of("notices", Label.of("INTERPOL"), SourceGrading.parse("B2"));
    Entity petrov = notices.entity("Person", "2026/4411").add("name", "Ivan PETROV").add("birthDate", "14.03.1975")
        .build();
    try (Workspace ws = Workspace.open(dir)) {
      ws.session(Principal.of("loader", "INTERPOL"), Purpose.CRIMINAL_INVESTIGATION).add(petrov);
      Session alice = ws.session(Principal.of("alice", "INTERPOL"), Purpose.CRIMINAL_INVESTIGATION);
      Session bob = ws.session(Principal.of("bob"), Purpose.CRIMINAL_INVESTIGATION);
      return "named=" + Workspace.class.getModule().isNamed()
          + " module=" + Workspace.class.getModule().getName()
          + " birthDate=" + alice.entity(petrov.id()).flatMap(e -> e.first("birthDate")).orElse("-")
          + " hits=" + alice.search("name:\"Ivan Petrov\"").total()
          + " bob=" + bob.count("Person")
          // geo: the gazetteer's resources and JTS (with json-simple under its GeoJSON reader) on the module path
          + " geo=" + org.insight.geo.Gazetteer.shared().reverse(org.insight.geo.GeoPoint.of(48.8566, 2.3522)).country()
              .map(org.insight.geo.Country::code).orElse("-")
          + " area=" + org.insight.geo.Area.parseGeoJson("{\"type\":\"Polygon\",\"coordinates\":[[[2,48],[3,48],[3,49],"
              + "[2,48]]]}").contains(org.insight.geo.GeoPoint.of(48.2, 2.9));
    }
  }
}
