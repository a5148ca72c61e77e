package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.geo.Area;
import org.insight.geo.GeofenceEntry;
import org.insight.workspace.Located;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight geo within}: a geofence — the points inside an area and when each entity first entered it. */
@Command(name = "within", mixinStandardHelpOptions = true,
    description = {"A geofence: the points the session may see inside the polygon of a GeoJSON file (a Polygon or"
        + " MultiPolygon, a Feature or a FeatureCollection of them; it must not cross the antimeridian), and when"
        + " each entity was first seen inside, from its sightings, with its last sighting outside before that."})
final class GeoWithinCommand implements Callable<Integer> {
  @Option(names = "--polygon", paramLabel = "FILE.geojson", required = true, description = "The area, as GeoJSON.")
  Path polygon;

  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String text;
    try {
      text = Files.readString(polygon, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--polygon: cannot read " + polygon + " (" + e.getMessage() + "); give a GeoJSON file");
    }
    Area area = Arguments.parse(spec, "--polygon", () -> Area.parseGeoJson(text));
    List<Located> inside;
    List<GeofenceEntry> entries;
    try (SessionOptions.Opened opened = session.read()) {
      inside = opened.session().geo().within(area);
      entries = opened.session().geo().firstEntries(area);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (session.json) {
      ArrayNode points = Json.array();
      for (Located l : inside) {
        ObjectNode n = points.addObject().put("id", l.entity().value()).put("schema", l.schema())
            .put("property", l.property()).put("lat", l.point().latitude()).put("lon", l.point().longitude());
        if (l.time().isPresent()) {
          n.put("time", l.time().get().toString());
        } else {
          n.putNull("time");
        }
      }
      ArrayNode items = Json.array();
      for (GeofenceEntry e : entries) {
        ObjectNode n = items.addObject().put("entity", e.entity()).put("time", e.first().time().toString());
        n.set("first", GeoRender.json(e.first()));
        if (e.before().isPresent()) {
          n.set("before", GeoRender.json(e.before().get()));
        } else {
          n.putNull("before");
        }
      }
      ObjectNode result = Json.object();
      result.set("points", points);
      result.set("entries", items);
      Render.print(out, result);
      return 0;
    }
    out.printf(Locale.ROOT, "%d point(s) inside; %d entit(y/ies) seen inside%n", inside.size(), entries.size());
    for (Located l : inside) {
      out.printf(Locale.ROOT, "   %s %s %s %s%n", l.entity().value(), l.schema(), l.point(),
          l.time().map(Object::toString).orElse(""));
    }
    for (GeofenceEntry e : entries) {
      out.printf(Locale.ROOT, "%s first inside %s (%s)%s%n", e.entity(), e.first().time(), e.first().source(),
          e.before().map(b -> ", outside at " + b.time() + " (" + b.source() + ")").orElse(", already inside when first seen"));
    }
    return 0;
  }
}
