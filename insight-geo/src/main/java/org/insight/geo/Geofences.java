package org.insight.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Geofences: when each entity first entered an area, from its sightings. Deterministic and independent of the
 * sightings' order (sightings at the same moment are taken by source, then position).
 */
public final class Geofences {

  static final Comparator<Sighting> BY_TIME = Comparator.comparing(Sighting::time).thenComparing(Sighting::source)
      .thenComparingDouble(s -> s.point().latitude()).thenComparingDouble(s -> s.point().longitude());

  private Geofences() {
  }

  /** The first entry of every entity seen inside the area, earliest first (then by entity). */
  public static List<GeofenceEntry> firstEntries(Area area, Collection<Sighting> sightings) {
    Map<String, List<Sighting>> byEntity = new TreeMap<>();
    sightings.forEach(s -> byEntity.computeIfAbsent(s.entity(), k -> new ArrayList<>()).add(s));
    List<GeofenceEntry> out = new ArrayList<>();
    byEntity.forEach((entity, list) -> {
      list.sort(BY_TIME);
      Sighting before = null;
      for (Sighting s : list) {
        if (area.contains(s.point())) {
          // an outside sighting at the very same moment does not show the entity was outside before
          Optional<Sighting> prior = before != null && before.time().isBefore(s.time()) ? Optional.of(before)
              : Optional.empty();
          out.add(new GeofenceEntry(entity, s, prior));
          return;
        }
        if (before == null || before.time().isBefore(s.time())) {
          before = s;
        }
      }
    });
    out.sort(Comparator.comparing((GeofenceEntry e) -> e.first().time()).thenComparing(GeofenceEntry::entity));
    return out;
  }
}
