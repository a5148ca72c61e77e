package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.geo.CoLocation;
import org.insight.geo.CoLocations;
import org.insight.geo.Sighting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight geo colocation}: who was seen near whom, when. */
@Command(name = "colocation", aliases = "colocate", mixinStandardHelpOptions = true,
    description = {"Pairs of entities the session sees within --within-m metres and --within-min minutes of each"
        + " other (persons an Event involves at its point and startTime, phones of a Call at its cell), most"
        + " encounters first, with the records that show each encounter. With --points FILE --id COL --time COL:"
        + " the rows of a CSV/TSV file (one sighting of the id per row; the evidence is FILE:LINE)."})
final class GeoColocationCommand implements Callable<Integer> {
  @Option(names = "--within-m", paramLabel = "D", defaultValue = "100", description = "Distance in metres (default: ${DEFAULT-VALUE}).")
  double metres;

  @Option(names = "--within-min", paramLabel = "T", defaultValue = "30", description = "Time window in minutes (default: ${DEFAULT-VALUE}).")
  long minutes;

  @Mixin SessionOptions session;
  @Mixin GeoPointsOptions pointsFile;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!(metres >= 0) || minutes < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--within-m and --within-min must be 0 or more");
    }
    List<CoLocation> links;
    if (pointsFile.given(spec)) {
      List<Sighting> sightings = pointsFile.sightings(spec, pointsFile.read(spec));
      links = CoLocations.find(sightings, metres, Duration.ofMinutes(minutes));
    } else {
      try (SessionOptions.Opened opened = session.read()) {
        links = opened.session().geo().coLocations(metres, Duration.ofMinutes(minutes));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (session.json) {
      ArrayNode items = Json.array();
      links.forEach(c -> items.add(GeoRender.json(c)));
      Render.print(out, Json.object().put("withinMetres", metres).put("withinMinutes", minutes).<ObjectNode>set("items", items));
      return 0;
    }
    if (links.isEmpty()) {
      out.println("no co-location visible to this session");
    }
    for (CoLocation c : links) {
      out.printf(Locale.ROOT, "%s + %s: %d encounter(s), closest %.0f m%n", c.first(), c.second(), c.times(),
          c.closestMetres());
      c.encounters().forEach(e -> out.printf(Locale.ROOT, "   %s %s / %s %s  %.0f m, %d min apart%n",
          e.first().source(), e.first().time(), e.second().source(), e.second().time(), e.metres(),
          e.apart().toMinutes()));
    }
    return 0;
  }
}
