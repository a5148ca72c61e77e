package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.geo.ImpossibleTravel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight geo plausibility}: sightings of one entity that need an impossible speed. */
@Command(name = "plausibility", mixinStandardHelpOptions = true,
    description = {"Consecutive sightings of one entity (persons an Event involves at its point and startTime,"
        + " phones of a Call) that the session may see and that would need more than --max-kmh, beyond"
        + " --tolerance-m of position uncertainty: a wrong sighting, a shared or cloned identifier."})
final class GeoPlausibilityCommand implements Callable<Integer> {
  @Option(names = "--max-kmh", paramLabel = "V", defaultValue = "900", description = "Fastest possible travel in km/h (default: ${DEFAULT-VALUE}).")
  double maxKmh;

  @Option(names = "--tolerance-m", paramLabel = "M", defaultValue = "100", description = "Position uncertainty in metres granted to each pair (default: ${DEFAULT-VALUE}).")
  double toleranceMetres;

  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!(maxKmh > 0) || Double.isInfinite(maxKmh) || !(toleranceMetres >= 0) || Double.isInfinite(toleranceMetres)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--max-kmh must be a positive speed and --tolerance-m 0 or more metres");
    }
    List<ImpossibleTravel> trips;
    try (SessionOptions.Opened opened = session.read()) {
      trips = opened.session().geo().implausibleTravel(maxKmh, toleranceMetres);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (session.json) {
      ArrayNode items = Json.array();
      for (ImpossibleTravel t : trips) {
        ObjectNode n = items.addObject().put("entity", t.entity()).put("metres", t.metres())
            .put("minutesApart", t.apart().toSeconds() / 60.0);
        if (Double.isInfinite(t.kmh())) {
          n.putNull("kmh"); // two places at once: no finite speed
        } else {
          n.put("kmh", t.kmh());
        }
        n.<ObjectNode>set("from", GeoRender.json(t.from())).set("to", GeoRender.json(t.to()));
      }
      Render.print(out, Json.object().put("maxKmh", maxKmh).put("toleranceMetres", toleranceMetres)
          .<ObjectNode>set("items", items));
      return 0;
    }
    if (trips.isEmpty()) {
      out.println("no impossible travel visible to this session");
    }
    for (ImpossibleTravel t : trips) {
      out.printf(Locale.ROOT, "%s: %s %s -> %s %s, %.1f km in %d min: %s%n", t.entity(), t.from().source(),
          t.from().time(), t.to().source(), t.to().time(), t.metres() / 1000, t.apart().toMinutes(),
          Double.isInfinite(t.kmh()) ? "two places at once" : String.format(Locale.ROOT, "%.0f km/h", t.kmh()));
    }
    return 0;
  }
}
