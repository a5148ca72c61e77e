package org.insight.workspace;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.EntityType;
import org.insight.core.PropertyType;
import org.insight.core.Statement;
import org.insight.geo.Area;
import org.insight.geo.CellShape;
import org.insight.geo.CoLocation;
import org.insight.geo.CoLocations;
import org.insight.geo.CoordinateException;
import org.insight.geo.Coordinates;
import org.insight.geo.Dbscan;
import org.insight.geo.DensityCell;
import org.insight.geo.GeoPoint;
import org.insight.geo.GeofenceEntry;
import org.insight.geo.Geofences;
import org.insight.geo.HotspotResult;
import org.insight.geo.Hotspots;
import org.insight.geo.ImpossibleTravel;
import org.insight.geo.KernelDensity;
import org.insight.geo.Plausibility;
import org.insight.geo.Sighting;
import org.insight.geo.SpatialIndex;

/**
 * Geospatial analysis in a workspace, bound to one {@link Session} (get it with {@link Session#geo()}). Every call
 * reads only what the session may see — statement by statement, so an invisible point, time or participant never
 * shapes a hotspot, a density or a co-location — and writes exactly one audit entry, before it returns (rule 6). Nothing
 * is written to the workspace.
 *
 * <ul>
 *   <li>{@link #points}: every visible point (geo properties of any type, an Event's Location's point, documents'
 *       GPS positions from extraction), with its time and label.
 *   <li>{@link #hotspots}, {@link #density}: Getis–Ord Gi* hotspots with a false-discovery-rate correction, and a
 *       kernel density surface, over those points.
 *   <li>{@link #near}, {@link #within}: the points within a distance, or inside an area (a geofence).
 *   <li>{@link #sightings}, {@link #coLocations}: who was where when — the persons/things an Event involves (or a
 *       Call's phones) at its point and {@code startTime} — and the pairs seen within a distance and a time window of
 *       each other, with their evidence, for the graph.
 *   <li>{@link #clusters}: DBSCAN clusters of the visible points; {@link #firstEntries}: when each entity was first
 *       seen inside an area; {@link #implausibleTravel}: consecutive sightings of one entity too far apart for the
 *       time between them.
 * </ul>
 */
public final class Geo {

  private final Session session;

  Geo(Session session) {
    this.session = session;
  }

  /** Every point this session may see, by entity id, then property, then position. */
  public List<Located> points() {
    return session.audited("geo.points", "", this::doPoints, Geo::ids);
  }

  /** Getis–Ord Gi* hotspots of the visible points over cells of about {@code cellMetres}, at a 5% false-discovery rate. */
  public HotspotResult hotspots(double cellMetres) {
    return hotspots(CellShape.SQUARE, cellMetres);
  }

  /**
   * Getis–Ord Gi* hotspots of the visible points over square or hexagonal cells of about {@code cellMetres} (see
   * {@link CellShape}), at a 5% false-discovery rate.
   */
  public HotspotResult hotspots(CellShape shape, double cellMetres) {
    Objects.requireNonNull(shape, "shape");
    return session.audited("geo.hotspots", "shape=" + shape + " cellMetres=" + cellMetres,
        () -> Hotspots.analyse(doPoints().stream().map(Located::point).toList(), shape, cellMetres, 0.05),
        r -> List.of());
  }

  /** The kernel density surface of the visible points (quartic kernel, points per km²), densest cell first. */
  public List<DensityCell> density(double cellMetres, double bandwidthMetres) {
    return session.audited("geo.density", "cellMetres=" + cellMetres + " bandwidthMetres=" + bandwidthMetres,
        () -> KernelDensity.surface(doPoints().stream().map(Located::point).toList(), cellMetres, bandwidthMetres),
        r -> List.of());
  }

  /** The visible points within {@code metres} of {@code centre}, nearest first. */
  public List<Located> near(GeoPoint centre, double metres) {
    Objects.requireNonNull(centre, "centre");
    return session.audited("geo.near", "centre=" + centre + " metres=" + metres, () -> {
      List<Located> all = doPoints();
      return SpatialIndex.of(all, Located::point).within(centre, metres).stream()
          .map(SpatialIndex.Neighbour::item).toList();
    }, Geo::ids);
  }

  /** The visible points inside an area (a geofence), by latitude then longitude. */
  public List<Located> within(Area area) {
    Objects.requireNonNull(area, "area");
    return session.audited("geo.within", "area", () -> SpatialIndex.of(doPoints(), Located::point).within(area),
        Geo::ids);
  }

  /** Who or what was seen where and when, as far as this session may see (see the class comment), in time order. */
  public List<Sighting> sightings() {
    return session.audited("geo.sightings", "", this::doSightings,
        list -> list.stream().map(Sighting::entity).distinct().sorted().toList());
  }

  /**
   * The pairs of entities seen within {@code metres} and {@code window} of each other, most encounters first, each
   * with its evidence (the sightings and the records they came from). These are the co-location links the graph uses.
   */
  public List<CoLocation> coLocations(double metres, Duration window) {
    Objects.requireNonNull(window, "window");
    return session.audited("geo.colocations", "metres=" + metres + " window=" + window,
        () -> CoLocations.find(doSightings(), metres, window),
        list -> list.stream().flatMap(c -> java.util.stream.Stream.of(c.first(), c.second())).distinct().sorted()
            .toList());
  }

  /**
   * Adds the co-locations to a graph being built, unaudited: only for {@link Session#graph}, audited once as a whole.
   * Each edge's evidence is every visible statement of the sightings' records (the event or call: its point, time and
   * participants) and of the Locations they point to, so its label is their conjunction.
   */
  void coLocationEdges(double metres, Duration window, org.insight.graph.NetworkBuilder builder) {
    Map<String, List<Statement>> evidence = new HashMap<>();
    for (CoLocation c : CoLocations.find(doSightings(), metres, window)) {
      List<String> times = new ArrayList<>();
      Set<Statement> shown = new java.util.LinkedHashSet<>();
      for (org.insight.geo.Encounter en : c.encounters()) {
        Instant a = en.first().time();
        Instant b = en.second().time();
        times.add((a.isBefore(b) ? a : b).toString());
        for (String source : List.of(en.first().source(), en.second().source())) {
          shown.addAll(evidence.computeIfAbsent(source, this::recordEvidence));
        }
      }
      builder.addCoLocation(EntityId.of(c.first()), EntityId.of(c.second()), times, shown);
    }
  }

  /** The visible statements of a sighting's record and of the Locations it names. */
  private List<Statement> recordEvidence(String record) {
    List<Statement> out = new ArrayList<>();
    session.visibleEntity(EntityId.of(record)).ifPresent(e -> {
      out.addAll(e.statements());
      for (String location : values(e, "location")) {
        session.visibleEntity(EntityId.of(location)).ifPresent(l -> out.addAll(l.statements()));
      }
    });
    return out;
  }

  /**
   * DBSCAN clusters of the visible points (see {@link Dbscan}): {@code epsMetres} great-circle metres, at least
   * {@code minPoints} points (itself included) for a core point; in the order of {@link #points}, cluster
   * {@link Dbscan#NOISE} for noise, clusters numbered by their first point in that order.
   */
  public List<Dbscan.Member<Located>> clusters(double epsMetres, int minPoints) {
    return session.audited("geo.clusters", "epsMetres=" + epsMetres + " minPoints=" + minPoints,
        () -> Dbscan.cluster(doPoints(), Located::point, POINT_ORDER, epsMetres, minPoints),
        list -> ids(list.stream().map(Dbscan.Member::item).toList()));
  }

  /**
   * When each entity was first seen inside the area (a geofence), from its visible {@link #sightings}, with its last
   * sighting outside before that; earliest first. {@link #within} gives the points inside.
   */
  public List<GeofenceEntry> firstEntries(Area area) {
    Objects.requireNonNull(area, "area");
    return session.audited("geo.entries", "area", () -> Geofences.firstEntries(area, doSightings()),
        list -> list.stream().map(GeofenceEntry::entity).distinct().sorted().toList());
  }

  /**
   * Consecutive visible sightings of one entity that would need more than {@code maxKmh} (beyond
   * {@code toleranceMetres} of position uncertainty), by entity then time; see {@link Plausibility}.
   */
  public List<ImpossibleTravel> implausibleTravel(double maxKmh, double toleranceMetres) {
    return session.audited("geo.plausibility", "maxKmh=" + maxKmh + " toleranceMetres=" + toleranceMetres,
        () -> Plausibility.implausible(doSightings(), maxKmh, toleranceMetres),
        list -> list.stream().map(ImpossibleTravel::entity).distinct().sorted().toList());
  }

  // ------------------------------------------------------------------ reading the visible data (unaudited)

  private List<Located> doPoints() {
    Map<EntityId, Entity> entities = visibleWithPoints();
    List<Located> out = new ArrayList<>();
    for (Entity e : entities.values()) {
      out.addAll(pointsOf(e, entities));
    }
    for (Document d : session.visibleDocuments()) {
      for (String value : d.metadata().getOrDefault("geo", List.of())) {
        point(value).ifPresent(p -> out.add(new Located(EntityId.of(d.id()), "Document", "metadata.geo", p,
            d.metadata().getOrDefault("created", List.of()).stream().map(Geo::instant).flatMap(Optional::stream)
                .findFirst(), d.label())));
      }
    }
    out.sort(POINT_ORDER);
    return out;
  }

  private static final Comparator<Located> POINT_ORDER = Comparator.comparing(Located::entity)
      .thenComparing(Located::property).thenComparingDouble(l -> l.point().latitude())
      .thenComparingDouble(l -> l.point().longitude()).thenComparing(l -> l.label().toString());

  /** The visible entities of every type with a geo property or a Location reference, by id. */
  private Map<EntityId, Entity> visibleWithPoints() {
    Set<String> types = new TreeSet<>();
    for (EntityType t : session.workspace().schema().types()) {
      if (t.properties().values().stream().anyMatch(p -> p.type() == PropertyType.GEO_POINT)) {
        types.add(t.name());
      }
    }
    Map<EntityId, Entity> out = new LinkedHashMap<>();
    for (String type : types) {
      for (Entity e : session.visibleEntities(type)) {
        out.putIfAbsent(e.id(), e);
      }
    }
    return out;
  }

  private List<Located> pointsOf(Entity e, Map<EntityId, Entity> all) {
    List<Located> out = new ArrayList<>();
    Optional<Instant> time = time(e);
    EntityType type = session.workspace().schema().type(e.schema());
    for (Statement s : e.statements()) {
      if (!type.has(s.property())) {
        continue;
      }
      PropertyType pt = type.property(s.property()).type();
      if (pt == PropertyType.GEO_POINT) {
        point(s.value()).ifPresent(p -> out.add(new Located(e.id(), e.schema(), s.property(), p, time, s.label())));
      } else if ("Event".equals(e.schema()) && "location".equals(s.property())) {
        Entity location = all.get(EntityId.of(s.value()));
        if (location != null && "Location".equals(location.schema())) {
          for (Statement ls : location.statements()) {
            if ("point".equals(ls.property())) {
              point(ls.value()).ifPresent(p -> out.add(new Located(e.id(), e.schema(), "location.point", p, time,
                  s.label().and(ls.label()))));
            }
          }
        }
      }
    }
    return out;
  }

  private List<Sighting> doSightings() {
    Map<EntityId, Entity> entities = visibleWithPoints();
    List<Sighting> out = new ArrayList<>();
    for (Entity e : entities.values()) {
      List<String> who = switch (e.schema()) {
        case "Event" -> values(e, "involved", "organizer");
        case "Call" -> values(e, "caller", "callee");
        default -> List.of();
      };
      if (who.isEmpty()) {
        continue;
      }
      Optional<Instant> time = time(e);
      if (time.isEmpty()) {
        continue; // a sighting without a time cannot be matched in a time window
      }
      for (Located l : pointsOf(e, entities)) {
        for (String id : who) {
          out.add(new Sighting(id, l.point(), time.get(), e.id().value()));
        }
      }
    }
    out.sort(Comparator.comparing(Sighting::time).thenComparing(Sighting::entity).thenComparing(Sighting::source)
        .thenComparingDouble(s -> s.point().latitude()).thenComparingDouble(s -> s.point().longitude()));
    return out;
  }

  private static List<String> values(Entity e, String... properties) {
    Set<String> out = new TreeSet<>();
    for (Statement s : e.statements()) {
      for (String p : properties) {
        if (p.equals(s.property())) {
          out.add(s.value());
        }
      }
    }
    return List.copyOf(out);
  }

  /** The earliest visible startTime of an entity that reads as a date-time. */
  private static Optional<Instant> time(Entity e) {
    return e.statements().stream().filter(s -> "startTime".equals(s.property())).map(s -> instant(s.value()))
        .flatMap(Optional::stream).min(Comparator.naturalOrder());
  }

  static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.parse(text));
      } catch (DateTimeParseException e2) {
        try {
          return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e3) {
          return Optional.empty(); // a day without a time (or no date-time at all) is no moment
        }
      }
    }
  }

  /** A stored geo value (the schema has validated it; a document's metadata is read as text). */
  private static Optional<GeoPoint> point(String value) {
    try {
      return Optional.of(Coordinates.parse(value));
    } catch (CoordinateException e) {
      return Optional.empty(); // only a document's metadata can hold a bad one: extraction wrote it, no point to show
    }
  }

  private static List<String> ids(List<Located> list) {
    return list.stream().map(l -> l.entity().value()).distinct().sorted().toList();
  }
}
