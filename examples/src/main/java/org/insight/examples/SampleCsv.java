package org.insight.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.insight.core.internal.Csv;

/**
 * Reads the bundled sample CSV files, one record per line. Only for the demo's small, well-formed files; the
 * ingest module's record mappings are the way to load real exports.
 */
final class SampleCsv {
  private SampleCsv() {}

  static List<Map<String, String>> read(String resource) {
    try (InputStream in = Demo.class.getResourceAsStream("sample/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("sample file " + resource + " is missing from the examples jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> header = Csv.split(r.readLine());
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        List<String> cells = Csv.split(line);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
