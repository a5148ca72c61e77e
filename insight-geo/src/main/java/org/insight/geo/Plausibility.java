package org.insight.geo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plausibility of sightings: consecutive sightings of one entity that need a speed above what is possible (a
 * sighting that is wrong, a shared or cloned identifier, a phone lent out). Positions are not exact (a call's cell,
 * a witness's estimate), so each pair is granted a tolerance: the pair is implausible when the distance minus the
 * tolerance cannot be covered in the time at the maximum speed. Deterministic and independent of the sightings'
 * order.
 */
public final class Plausibility {

  /** Faster than a passenger jet: the default maximum speed. */
  public static final double DEFAULT_MAX_KMH = 900;

  private Plausibility() {
  }

  /**
   * The implausible pairs, by entity then time.
   *
   * @param maxKmh the fastest possible travel, km/h
   * @param toleranceMetres how far apart two sightings may be at any speed (the positions' uncertainty)
   * @throws IllegalArgumentException when the speed is not positive or the tolerance is negative
   */
  public static List<ImpossibleTravel> implausible(Collection<Sighting> sightings, double maxKmh,
      double toleranceMetres) {
    if (!(maxKmh > 0) || Double.isInfinite(maxKmh)) {
      throw new IllegalArgumentException("the maximum speed must be a positive number of km/h, got " + maxKmh);
    }
    if (!(toleranceMetres >= 0) || Double.isInfinite(toleranceMetres)) {
      throw new IllegalArgumentException("the tolerance must be 0 or more metres, got " + toleranceMetres);
    }
    Map<String, List<Sighting>> byEntity = new TreeMap<>();
    sightings.forEach(s -> byEntity.computeIfAbsent(s.entity(), k -> new ArrayList<>()).add(s));
    List<ImpossibleTravel> out = new ArrayList<>();
    double maxMetresPerSecond = maxKmh / 3.6;
    byEntity.forEach((entity, list) -> {
      list.sort(Geofences.BY_TIME);
      for (int i = 1; i < list.size(); i++) {
        Sighting a = list.get(i - 1);
        Sighting b = list.get(i);
        double metres = a.point().distanceTo(b.point());
        Duration apart = Duration.between(a.time(), b.time());
        double seconds = apart.getSeconds() + apart.getNano() / 1e9;
        if (metres - toleranceMetres > maxMetresPerSecond * seconds) {
          double kmh = seconds == 0 ? Double.POSITIVE_INFINITY : metres / seconds * 3.6;
          out.add(new ImpossibleTravel(entity, a, b, metres, apart, kmh));
        }
      }
    });
    return out;
  }
}
