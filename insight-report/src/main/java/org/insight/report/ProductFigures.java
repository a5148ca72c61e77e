package org.insight.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.insight.geo.GeoJson;
import org.insight.graph.GraphMl;

/**
 * Every figure of a product in an exchange format: networks as GraphML (Gephi, yEd, Cytoscape), maps as GeoJSON
 * (QGIS, any GIS). Series are tables already ({@link ProductCsv} writes them). The banner goes beside them as for CSV.
 */
public final class ProductFigures {
  private ProductFigures() {}

  /** Writes the files into {@code dir} (created if needed) and returns them. */
  public static List<Path> write(Product product, Path dir) {
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      int n = 0;
      for (Section s : product.sections()) {
        n++;
        if (s instanceof Section.NetworkFigure f) {
          Path file = dir.resolve(ProductCsv.name(n, f.title()).replace(".csv", ".graphml"));
          try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            GraphMl.write(f.network(), w);
          }
          files.add(file);
        } else if (s instanceof Section.MapFigure m) {
          files.add(Files.writeString(dir.resolve(ProductCsv.name(n, m.title()).replace(".csv", ".geojson")),
              GeoJson.write(m.points(), m.cells()), StandardCharsets.UTF_8));
        }
      }
      if (!files.isEmpty()) {
        files.add(0, Files.writeString(dir.resolve("banner.txt"), product.banner().text() + "\n",
            StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the product's figures to " + dir, e);
    }
    return files;
  }
}
