/** Geospatial analysis: coordinates, the gazetteer, spatial index, hotspots, density, co-location, GeoJSON and maps. */
module org.insight.geo {
  requires transitive org.insight.core;
  requires org.locationtech.jts;
  requires org.locationtech.jts.io;
  // jts-io-common's GeoJSON reader and writer run on json-simple, which has no module name of its own: without this
  // line it would not be resolved on the module path and Area.parseGeoJson would fail there
  requires json.simple;

  exports org.insight.geo;
  // the benchmark compares the gazetteer with plain JTS on the same decoded outlines
  exports org.insight.geo.internal to org.insight.bench;
}
