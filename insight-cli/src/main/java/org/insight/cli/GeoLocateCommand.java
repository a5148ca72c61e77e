package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.geo.Gazetteer;
import org.insight.geo.Place;
import org.insight.geo.Reverse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code insight geo locate PLACE}: every place of the gazetteer a name may mean. */
@Command(name = "locate", mixinStandardHelpOptions = true,
    description = {"Every place a name may mean (countries in 78 languages, cities of 1,000 inhabitants or more),"
        + " most populous first; several candidates mean the name is ambiguous. Add ', COUNTRY' to narrow it"
        + " ('Saint-Denis, RE'). Reads the gazetteer shipped with INSIGHT, not a workspace. With --points FILE"
        + " --lat COL --lon COL [--id COL]: each row's country and nearest city instead (as geo reverse).",
        "Exit 0 with candidates, 1 when none."})
final class GeoLocateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PLACE", arity = "0..1", description = "A place name, e.g. 'Saint-Denis' or 'Paris, France'.")
  String place;

  @Option(names = "--json", description = "Print JSON for machines instead of a table.")
  boolean json;

  @Mixin GeoPointsOptions pointsFile;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (pointsFile.given(spec)) {
      if (place != null) {
        throw new ParameterException(spec.commandLine(), "give a PLACE or --points FILE, not both");
      }
      return points();
    }
    if (place == null) {
      throw new ParameterException(spec.commandLine(), "give a PLACE to locate, or --points FILE --lat COL --lon COL");
    }
    List<Place> found = Gazetteer.shared().locate(place);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode items = Json.array();
      found.forEach(p -> items.add(GeoRender.json(p)));
      Render.print(out, Json.object().put("query", place).put("ambiguous", found.size() > 1).<ObjectNode>set("items", items));
    } else if (found.isEmpty()) {
      out.println("no place called '" + place + "' in the gazetteer");
    } else {
      if (found.size() > 1) {
        out.println(found.size() + " places are called '" + place + "':");
      }
      for (Place p : found) {
        out.printf(Locale.ROOT, "%-8s %-30s %-3s %12s  %s%n", p.kind(), p.name(), p.country(),
            p.population() > 0 ? String.format(Locale.ROOT, "%,d", p.population()) : "", p.point());
      }
    }
    return found.isEmpty() ? Main.FAILED : 0;
  }

  /** Each row of a --points file placed: id, country, nearest city (the items of geo reverse). */
  private int points() {
    List<GeoPointsOptions.Point> points = pointsFile.read(spec).points();
    Gazetteer gazetteer = Gazetteer.shared();
    PrintWriter out = spec.commandLine().getOut();
    ArrayNode items = Json.array();
    for (GeoPointsOptions.Point p : points) {
      Reverse r = gazetteer.reverse(p.point());
      if (json) {
        items.add(GeoRender.json(p.id(), r));
      } else {
        out.printf(Locale.ROOT, "%-24s %-22s %-3s %s%n", p.id(), p.point(),
            r.country().map(c -> c.code()).orElse("--"), r.city().map(c -> c.name()).orElse(""));
      }
    }
    if (json) {
      Render.print(out, Json.object().<ObjectNode>set("items", items));
    }
    return 0;
  }
}
