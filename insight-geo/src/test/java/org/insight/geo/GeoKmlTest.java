package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GeoKmlTest {
  private static final String KML = "http://www.opengis.net/kml/2.2";

  @Test
  void writesWellFormedKmlThatParsesBackToThePlacemarks() throws Exception {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("name", "Café <\"Le Zinc\"> & Co's \u0001bar");
    props.put("time", "2024-03-01T10:15:00Z");
    props.put("count", 3);
    GeoFeature named = new GeoFeature("ev-1", GeoPoint.of(48.8566, 2.3522), props);
    GeoFeature bare = new GeoFeature("a&b", GeoPoint.of(-16.8, 179.9), Map.of());
    HotspotCell cell = new HotspotCell(1, 2, 48.8, 2.3, 48.9, 2.4, 5, 3.2, 0.001, 0.01, true);
    String text = GeoKml.write("map <1>", List.of(named, bare), List.of(cell));
    assertFalse(text.contains("href"), "no external reference");

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    assertEquals(KML, doc.getDocumentElement().getNamespaceURI());
    assertEquals("map <1>", first(doc.getDocumentElement(), "Document").getElementsByTagNameNS(KML, "name").item(0)
        .getTextContent());
    NodeList placemarks = doc.getElementsByTagNameNS(KML, "Placemark");
    assertEquals(3, placemarks.getLength());

    Element p0 = (Element) placemarks.item(0);
    assertEquals("Café <\"Le Zinc\"> & Co's bar", text(p0, "name"), "escaped, control character dropped");
    assertEquals("2024-03-01T10:15:00Z", text(p0, "when"));
    assertEquals("2.3522,48.8566", text(p0, "coordinates"), "longitude first");
    assertEquals("ev-1", data(p0, "id"));
    assertEquals("3", data(p0, "count"));

    Element p1 = (Element) placemarks.item(1);
    assertEquals("a&b", text(p1, "name"), "the id names a point without a name");
    assertEquals(0, p1.getElementsByTagNameNS(KML, "TimeStamp").getLength());
    assertEquals("179.9,-16.8", text(p1, "coordinates"));

    Element p2 = (Element) placemarks.item(2);
    assertEquals(1, p2.getElementsByTagNameNS(KML, "Polygon").getLength());
    String[] ring = text(p2, "coordinates").split(" ");
    assertEquals(5, ring.length);
    assertEquals(ring[0], ring[4], "a closed ring");
    assertEquals("2.3,48.8", ring[0]);
    assertEquals("5", data(p2, "count"));
    assertEquals("true", data(p2, "hot"));
  }

  private static Element first(Element e, String name) {
    return (Element) e.getElementsByTagNameNS(KML, name).item(0);
  }

  private static String text(Element e, String name) {
    return first(e, name).getTextContent();
  }

  private static String data(Element placemark, String name) {
    NodeList data = placemark.getElementsByTagNameNS(KML, "Data");
    for (int i = 0; i < data.getLength(); i++) {
      Element d = (Element) data.item(i);
      if (d.getAttribute("name").equals(name)) {
        return text(d, "value");
      }
    }
    throw new AssertionError("no Data " + name);
  }
}
