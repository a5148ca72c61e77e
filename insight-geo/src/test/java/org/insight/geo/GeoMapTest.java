package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeoMapTest {

  @Test
  void aSelfContainedPageWithOutlinesPointsAndHotspots() {
    List<GeoFeature> points = new ArrayList<>();
    List<GeoPoint> raw = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      GeoPoint p = GeoPoint.of(48.85 + (i % 5) * 0.001, 2.35 + (i / 5) * 0.001);
      raw.add(p);
      points.add(new GeoFeature("ev-" + i, p, Map.of("schema", "Event")));
    }
    raw.add(GeoPoint.of(48.5734, 7.7521));
    points.add(new GeoFeature("strasbourg", GeoPoint.of(48.5734, 7.7521), Map.of()));
    String html = GeoMap.html("Test <map>", points, Hotspots.analyse(raw, 5000).cells());
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<svg"));
    assertTrue(html.contains("France (FR)"), "the outline of France is drawn");
    assertTrue(html.contains("Germany (DE)"), "and of its neighbours in view");
    assertTrue(html.contains("Test &lt;map&gt;"), "text is escaped");
    assertTrue(html.contains("<circle"));
    assertFalse(html.contains("http://") && html.replace("http://www.w3.org/2000/svg", "").contains("http://"),
        "no network reference but the SVG namespace");
    assertFalse(html.contains("<script"), "no script");
  }
}
