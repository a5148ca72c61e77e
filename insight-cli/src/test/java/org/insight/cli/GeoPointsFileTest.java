package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The geo commands on the caller's own file ({@code --points FILE --lat COL --lon COL}): a messy CSV with a byte-order
 * mark, degrees-minutes-seconds, a latitude of 123, an unreadable longitude, empty coordinates and a bad time.
 */
class GeoPointsFileTest {
  @TempDir Path dir;
  Path csv;

  private static final String[] ROWS = {
      "person,Latitude,Longitude,seen",
      "alice,\"48°51'24\"\"N\",\"2°21'8\"\"E\",2024-03-01T10:00:00Z", // line 2, DMS (Paris)
      "bob, 48.8570 ,2.3525,2024-03-01T10:10:00", // line 3, no offset: UTC
      "carol,123,2.35,2024-03-01T10:00:00Z", // line 4: latitude out of range
      "dave,52.52,abc,2024-03-01T11:00:00Z", // line 5: unreadable longitude
      "erin,52.52,13.405,yesterday", // line 6: Berlin, bad time (kept, without a time)
      "frank,, ,2024-03-01T10:00:00Z", // line 7: no coordinates
      "",
      "gina,40.4168,-3.7038,2024-03-01T12:00:00Z"}; // line 9: Madrid

  @BeforeEach
  void write() throws IOException {
    csv = dir.resolve("seen.csv");
    Files.writeString(csv, "\uFEFF" + String.join("\r\n", ROWS) + "\r\n", StandardCharsets.UTF_8);
  }

  private String[] args(Path file, String... command) {
    List<String> a = new ArrayList<>(List.of("geo"));
    a.addAll(List.of(command));
    a.addAll(List.of("--points", file.toString(), "--lat", "latitude", "--lon", "LONGITUDE", "--id", "person",
        "--time", "seen", "--json"));
    return a.toArray(String[]::new);
  }

  private static List<String> ids(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get("id").asText()));
    return out;
  }

  @Test
  void locateGivesEachGoodRowItsCountryAndCityAndReportsTheBadOnes() {
    CliRun r = CliRun.of(args(csv, "locate"));
    assertEquals(0, r.code(), r.err());
    JsonNode items = JsonSchemas.valid("geo-reverse", r.out()).get("items");
    assertEquals(List.of("alice", "bob", "erin", "gina"), ids(items));
    assertEquals("FR", items.get(0).get("country").asText());
    assertEquals("Paris", items.get(0).get("city").get("name").asText());
    assertEquals(48.856667, items.get(0).get("lat").asDouble(), 1e-6, "DMS read");
    assertEquals("DE", items.get(2).get("country").asText());
    assertEquals("ES", items.get(3).get("country").asText());
    assertEquals("Madrid", items.get(3).get("city").get("name").asText());

    assertTrue(r.err().contains("line 4: column 'latitude' value \"123\""), r.err());
    assertTrue(r.err().contains("latitude 123") && r.err().contains("outside -90..90"), r.err());
    assertTrue(r.err().contains("line 5: column 'LONGITUDE' value \"abc\""), r.err());
    assertTrue(r.err().contains("line 6: column 'seen' value \"yesterday\""), r.err());
    assertTrue(r.err().contains("line 7: column 'latitude' value \"\""), r.err());
    assertTrue(r.err().contains("3 row(s) left out, 4 point(s) read"), r.err());
  }

  @Test
  void reverseReadsTheSameRowsFromATabSeparatedFile() throws IOException {
    // unquoted cells: 48°51'24"N as written, a tab between cells
    Path tsv = dir.resolve("seen.tsv");
    Files.writeString(tsv, String.join("\n", ROWS).replace("\"\"", "\"").replace(",\"", ",").replace("\",", ",")
        .replace(',', '\t'),
        StandardCharsets.UTF_8);
    CliRun r = CliRun.of(args(tsv, "reverse"));
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("alice", "bob", "erin", "gina"), ids(JsonSchemas.valid("geo-reverse", r.out()).get("items")));
  }

  @Test
  void colocationPairsTheRowsOfOneFileByIdAndTime() {
    CliRun r = CliRun.of(args(csv, "colocation", "--within-m", "100", "--within-min", "30"));
    assertEquals(0, r.code(), r.err());
    JsonNode items = JsonSchemas.valid("geo-colocation", r.out()).get("items");
    assertEquals(1, items.size(), r.out());
    assertEquals("alice", items.get(0).get("first").asText());
    assertEquals("bob", items.get(0).get("second").asText());
    assertEquals("seen.csv:2", items.get(0).get("encounters").get(0).get("first").get("source").asText());
    assertEquals(r.out(), CliRun.of(args(csv, "colocate", "--within-m", "100", "--within-min", "30")).out(),
        "colocate is the issue's name for the same command");
  }

  @Test
  void hotspotsCountTheFilesGoodPoints() {
    CliRun r = CliRun.of(args(csv, "hotspots", "--cell-m", "1000"));
    assertEquals(0, r.code(), r.err());
    assertEquals(4, JsonSchemas.valid("geo-hotspots", r.out()).get("points").asInt());
  }

  @Test
  void hotspotsInHexagonsGiveSixCornersPerCell() {
    CliRun r = CliRun.of(args(csv, "hotspots", "--cell-m", "1000", "--cells", "hex"));
    assertEquals(0, r.code(), r.err());
    JsonNode result = JsonSchemas.valid("geo-hotspots", r.out());
    assertEquals("hex", result.get("shape").asText());
    assertEquals(4, result.get("points").asInt());
    for (JsonNode cell : result.get("cells")) {
      assertEquals(6, cell.get("outline").size(), cell.toString());
    }
    CliRun bad = CliRun.of(args(csv, "hotspots", "--cell-m", "1000", "--cells", "triangle"));
    assertEquals(2, bad.code(), "an unknown shape is a usage error");
  }

  @Test
  void exportWritesHexagonCellsAsGeoJsonPolygons() throws Exception {
    Path out = dir.resolve("cells.geojson");
    CliRun r = CliRun.of(args(csv, "export", "--out", out.toString(), "--cell-m", "1000", "--cells", "hex"));
    assertEquals(0, r.code(), r.err());
    JsonNode features = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile()).get("features");
    long hexagons = 0;
    for (JsonNode f : features) {
      if (f.get("id").asText().startsWith("hex:")) {
        hexagons++;
        assertEquals(7, f.get("geometry").get("coordinates").get(0).size(), "six corners, closed: " + f);
      }
    }
    assertTrue(hexagons > 0, features.toString());
  }

  @Test
  void exportWritesKmlThatParsesBackWithOnePlacemarkPerGoodRow() throws Exception {
    Path out = dir.resolve("seen.kml");
    CliRun r = CliRun.of(args(csv, "export", "--format", "kml", "--out", out.toString()));
    assertEquals(0, r.code(), r.err());
    JsonNode summary = JsonSchemas.valid("geo-export", r.out());
    assertEquals("kml", summary.get("kind").asText());
    assertEquals(4, summary.get("points").asInt());
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document kml = factory.newDocumentBuilder().parse(out.toFile());
    NodeList placemarks = kml.getElementsByTagNameNS("http://www.opengis.net/kml/2.2", "Placemark");
    assertEquals(4, placemarks.getLength());
    Element alice = (Element) placemarks.item(0);
    assertEquals("alice", alice.getElementsByTagNameNS("*", "name").item(0).getTextContent());
    assertEquals("2024-03-01T10:00:00Z", alice.getElementsByTagNameNS("*", "when").item(0).getTextContent());
    assertEquals("2.352222,48.856667", alice.getElementsByTagNameNS("*", "coordinates").item(0).getTextContent());
    Element erin = (Element) placemarks.item(2);
    assertEquals(0, erin.getElementsByTagNameNS("*", "when").getLength(), "a bad time is left out, the point kept");
  }

  @Test
  void usageErrorsNameTheFix() {
    CliRun noLon = CliRun.of("geo", "reverse", "--points", csv.toString(), "--lat", "latitude");
    assertEquals(2, noLon.code());
    assertTrue(noLon.err().contains("--lat COL and --lon COL"), noLon.err());
    CliRun unknown = CliRun.of("geo", "hotspots", "--points", csv.toString(), "--lat", "lat", "--lon", "longitude");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("no such column; the file has person, Latitude, Longitude, seen"), unknown.err());
    CliRun noFile = CliRun.of("geo", "hotspots", "--lat", "latitude", "--lon", "longitude");
    assertEquals(2, noFile.code());
    CliRun noTime = CliRun.of("geo", "colocation", "--points", csv.toString(), "--lat", "latitude", "--lon",
        "longitude");
    assertEquals(2, noTime.code());
    assertFalse(noTime.err().isEmpty());
  }
}
