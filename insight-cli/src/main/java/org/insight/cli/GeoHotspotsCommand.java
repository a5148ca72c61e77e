package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.List;
import org.insight.geo.GeoPoint;
import org.insight.geo.HotspotCell;
import org.insight.geo.Hotspots;
import org.insight.geo.HotspotResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight geo hotspots}: Gi* hotspots of the session's points. */
@Command(name = "hotspots", mixinStandardHelpOptions = true,
    description = {"Hotspots of the points the session may see: a grid of cells of about --cell-m metres, the"
        + " Getis–Ord Gi* z-score of each (with --cells hex: hexagons, each with its six neighbours), p-values"
        + " corrected for the false-discovery rate (Benjamini–Hochberg)."
        + " With --points FILE: the points of a CSV/TSV file instead of a workspace."
        + " Lists the occupied cells, highest z first; 'hot' marks the significant ones."})
final class GeoHotspotsCommand implements Callable<Integer> {
  @Option(names = "--cell-m", paramLabel = "M", defaultValue = "500", description = "Cell size in metres (default: ${DEFAULT-VALUE}).")
  double cellMetres;

  @Option(names = "--cells", paramLabel = "SHAPE", defaultValue = "square", description = GeoCells.DESCRIPTION)
  GeoCells cells;

  @Mixin SessionOptions session;
  @Mixin GeoPointsOptions pointsFile;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!(cellMetres > 0)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--cell-m must be a positive number of metres");
    }
    HotspotResult r;
    if (pointsFile.given(spec)) {
      List<GeoPoint> at = pointsFile.read(spec).points().stream().map(GeoPointsOptions.Point::point).toList();
      r = Arguments.parse(spec, "--cell-m", () -> Hotspots.analyse(at, cells.shape, cellMetres, 0.05));
    } else {
      try (SessionOptions.Opened opened = session.read()) {
        r = Arguments.parse(spec, "--cell-m", () -> opened.session().geo().hotspots(cells.shape, cellMetres));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (session.json) {
      ArrayNode cellArray = Json.array();
      r.cells().forEach(c -> cellArray.add(GeoRender.json(c)));
      Render.print(out, Json.object().put("cellMetres", r.cellMetres()).put("alpha", r.alpha())
          .put("points", r.points()).put("studyCells", r.studyCells()).put("shape", cells.name())
          .<ObjectNode>set("cells", cellArray));
      return 0;
    }
    out.printf(Locale.ROOT, "%d point(s) in %d %s cell(s) of %.0f m; %d hotspot(s) at FDR %.2f%n", r.points(),
        r.studyCells(), cells.name(), r.cellMetres(), r.hot().size(), r.alpha());
    for (HotspotCell c : r.cells()) {
      out.printf(Locale.ROOT, "%s %-22s count %4d  z %6.2f  q %.3g%n", c.hot() ? "HOT" : "   ", c.centre(), c.count(),
          c.z(), c.q());
    }
    return 0;
  }
}
