package org.insight.geo;

import java.util.List;

/**
 * Two entities seen within a distance and a time window of each other, with every encounter that shows it: the link
 * the graph module consumes ({@code first} and {@code second} are entity ids, {@code first < second}).
 *
 * @param first the lower entity id
 * @param second the higher
 * @param times how many encounters
 * @param closestMetres the smallest distance of any encounter
 * @param encounters the evidence, earliest first
 */
public record CoLocation(String first, String second, int times, double closestMetres, List<Encounter> encounters) {

  public CoLocation {
    encounters = List.copyOf(encounters);
  }
}
