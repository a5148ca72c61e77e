package org.insight.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the bundled sample CSV files (Apache Commons CSV, header row first; a short row's missing cells are
 * empty). Only for the demo's samples; the ingest module's record mappings are the way to load real exports.
 */
final class SampleCsv {
  private SampleCsv() {}

  static List<Map<String, String>> read(String resource) {
    try (InputStream in = Demo.class.getResourceAsStream("sample/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("sample file " + resource + " is missing from the examples jar");
      }
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
      CSVParser parser = CSVParser.parse(in, StandardCharsets.UTF_8, format);
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord r : parser) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String name : parser.getHeaderNames()) {
          row.put(name, r.isSet(name) ? r.get(name) : "");
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
