package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.insight.geo.CoLocation;
import org.insight.geo.Encounter;
import org.insight.geo.GeoPoint;
import org.insight.geo.HotspotCell;
import org.insight.geo.Place;
import org.insight.geo.Reverse;
import org.insight.geo.Sighting;

/** How geo results look as JSON (see docs/json/geo-*.schema.json). */
final class GeoRender {
  private GeoRender() {}

  static ObjectNode json(GeoPoint p) {
    return Json.object().put("lat", p.latitude()).put("lon", p.longitude());
  }

  static ObjectNode json(Place p) {
    ObjectNode n = Json.object().put("name", p.name()).put("kind", p.kind()).put("country", p.country())
        .put("population", p.population());
    n.put("lat", p.point().latitude()).put("lon", p.point().longitude());
    if (p.geonameId() > 0) {
      n.put("geonameId", p.geonameId());
    }
    return n;
  }

  static ObjectNode json(String id, Reverse r) {
    ObjectNode n = Json.object().put("id", id).put("lat", r.point().latitude()).put("lon", r.point().longitude());
    if (r.country().isPresent()) {
      n.put("country", r.country().get().code()).put("countryName", r.country().get().name())
          .put("offshoreMetres", Math.round(r.countryMetres()));
    } else {
      n.putNull("country");
    }
    if (r.city().isPresent()) {
      n.set("city", json(r.city().get()).put("metres", Math.round(r.cityMetres())));
    } else {
      n.putNull("city");
    }
    return n;
  }

  static ObjectNode json(HotspotCell c) {
    ObjectNode n = Json.object().put("row", c.row()).put("column", c.column()).put("south", c.south()).put("west", c.west())
        .put("north", c.north()).put("east", c.east()).put("count", c.count()).put("z", c.z()).put("p", c.p())
        .put("q", c.q()).put("hot", c.hot());
    n.set("centre", json(c.centre()));
    ArrayNode outline = n.putArray("outline");
    c.outline().forEach(p -> outline.add(json(p)));
    return n;
  }

  static ObjectNode json(CoLocation c) {
    ObjectNode n = Json.object().put("first", c.first()).put("second", c.second()).put("times", c.times())
        .put("closestMetres", c.closestMetres());
    ArrayNode evidence = n.putArray("encounters");
    for (Encounter e : c.encounters()) {
      evidence.addObject().put("metres", e.metres()).put("minutesApart", e.apart().toSeconds() / 60.0)
          .<ObjectNode>set("first", json(e.first())).set("second", json(e.second()));
    }
    return n;
  }

  static ObjectNode json(Sighting s) {
    return Json.object().put("entity", s.entity()).put("source", s.source()).put("time", s.time().toString())
        .put("lat", s.point().latitude()).put("lon", s.point().longitude());
  }
}
