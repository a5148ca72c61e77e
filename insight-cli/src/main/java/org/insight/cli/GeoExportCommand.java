package org.insight.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.insight.geo.GeoFeature;
import org.insight.geo.GeoJson;
import org.insight.geo.GeoKml;
import org.insight.geo.GeoPoint;
import org.insight.geo.Hotspots;
import org.insight.geo.GeoMap;
import org.insight.geo.HotspotCell;
import org.insight.workspace.Geo;
import org.insight.workspace.Located;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight geo export}: the session's (or a file's) points and hotspots as GeoJSON, KML or an offline HTML map. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes the points the session may see — and, with --cell-m, the hotspot cells — as GeoJSON"
        + " (RFC 7946: ids and properties kept, no crs), as KML 2.2 (placemarks with id, name and time; cells as"
        + " polygons) or as a self-contained HTML page with an SVG map over the country outlines (no tiles, no"
        + " script, no network). With --points FILE: the points of a CSV/TSV file instead of a workspace."})
final class GeoExportCommand implements Callable<Integer> {
  enum Format { geojson, kml, html }

  @Option(names = "--format", defaultValue = "geojson", description = "geojson, kml or html (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write.")
  Path file;

  @Option(names = "--cell-m", paramLabel = "M", description = "Also export hotspot cells of this size in metres.")
  Double cellMetres;

  @Option(names = "--cells", paramLabel = "SHAPE", defaultValue = "square", description = GeoCells.DESCRIPTION)
  GeoCells shape;

  @Mixin SessionOptions session;
  @Mixin GeoPointsOptions pointsFile;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<GeoFeature> features;
    List<HotspotCell> cells = List.of();
    if (pointsFile.given(spec)) {
      features = pointsFile.read(spec).points().stream().map(GeoPointsOptions.Point::feature).toList();
      if (cellMetres != null) {
        List<GeoPoint> at = features.stream().map(GeoFeature::point).toList();
        cells = Arguments.parse(spec, "--cell-m", () -> Hotspots.analyse(at, shape.shape, cellMetres, 0.05)).cells();
      }
    } else {
      List<Located> points;
      try (SessionOptions.Opened opened = session.read()) {
        Geo geo = opened.session().geo();
        points = geo.points();
        if (cellMetres != null) {
          cells = Arguments.parse(spec, "--cell-m", () -> geo.hotspots(shape.shape, cellMetres)).cells();
        }
      }
      features = points.stream().map(GeoExportCommand::feature).toList();
    }
    String title = "INSIGHT map — " + features.size() + " point(s)";
    String text = switch (format) {
      case geojson -> GeoJson.write(features, cells);
      case kml -> GeoKml.write(title, features, cells);
      case html -> GeoMap.html(title, features, cells);
    };
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    if (session.json) {
      Render.print(spec.commandLine().getOut(), Json.object().put("out", file.toString())
          .put("kind", format.name()).put("points", features.size()).put("cells", cells.size()));
    } else {
      spec.commandLine().getOut().println("wrote " + features.size() + " point(s) and " + cells.size()
          + " cell(s) to " + file);
    }
    return 0;
  }

  static GeoFeature feature(Located l) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("schema", l.schema());
    props.put("property", l.property());
    l.time().ifPresent(t -> props.put("time", t.toString()));
    props.put("label", l.label().toString());
    return new GeoFeature(l.entity().value(), l.point(), props);
  }
}
