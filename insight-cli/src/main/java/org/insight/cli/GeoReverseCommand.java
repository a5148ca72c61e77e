package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.geo.Coordinates;
import org.insight.geo.Gazetteer;
import org.insight.geo.GeoPoint;
import org.insight.geo.Reverse;
import org.insight.workspace.Located;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code insight geo reverse}: country (jurisdiction) and nearest city of points. */
@Command(name = "reverse", mixinStandardHelpOptions = true,
    description = {"The country (ISO 3166-1 alpha-2; the nearest within 30 km for a point just offshore) and the"
        + " nearest city of each point given, or, with none given, of every point the session may see in the"
        + " workspace, or of the rows of a CSV/TSV file (--points FILE --lat COL --lon COL [--id COL])."
        + " Points are read in any usual form: 48.8566,2.3522 or \"48°51'24\\\"N 2°21'8\\\"E\"."})
final class GeoReverseCommand implements Callable<Integer> {
  @Parameters(paramLabel = "POINT", arity = "0..*", description = "Points to place; none: the workspace's points.")
  List<String> points = new ArrayList<>();

  @Mixin SessionOptions session;
  @Mixin GeoPointsOptions pointsFile;
  @Spec CommandSpec spec;

  private record Item(String id, GeoPoint point) {}

  @Override
  public Integer call() {
    List<Item> items = new ArrayList<>();
    for (String p : points) {
      items.add(new Item(p, Arguments.parse(spec, "POINT", () -> Coordinates.parse(p))));
    }
    if (pointsFile.given(spec)) {
      if (!points.isEmpty()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give POINTs or --points FILE, not both");
      }
      pointsFile.read(spec).points().forEach(p -> items.add(new Item(p.id(), p.point())));
    } else if (points.isEmpty()) {
      try (SessionOptions.Opened opened = session.read()) {
        for (Located l : opened.session().geo().points()) {
          items.add(new Item(l.entity().value(), l.point()));
        }
      }
    }
    Gazetteer gazetteer = Gazetteer.shared();
    PrintWriter out = spec.commandLine().getOut();
    ArrayNode json = Json.array();
    for (Item item : items) {
      Reverse r = gazetteer.reverse(item.point());
      if (session.json) {
        json.add(GeoRender.json(item.id(), r));
      } else {
        out.printf(Locale.ROOT, "%-40s %-22s %-3s %s%n", item.id(), item.point(),
            r.country().map(c -> c.code()).orElse("--"),
            r.city().map(c -> c.name() + " (" + c.country() + ", " + Math.round(r.cityMetres() / 100) / 10.0 + " km)")
                .orElse(""));
      }
    }
    if (session.json) {
      Render.print(out, json);
    } else if (items.isEmpty()) {
      out.println("no point visible to this session");
    }
    return 0;
  }
}
