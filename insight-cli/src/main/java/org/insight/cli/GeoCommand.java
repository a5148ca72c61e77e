package org.insight.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code insight geo}: places, jurisdictions, hotspots and co-locations. */
@Command(name = "geo", mixinStandardHelpOptions = true,
    description = {"Geospatial analysis: find places in the gazetteer, reverse-geocode points to country and city,"
        + " hotspots and co-locations of the points a session may see, GeoJSON and offline HTML maps."},
    subcommands = {GeoLocateCommand.class, GeoReverseCommand.class, GeoHotspotsCommand.class,
        GeoColocationCommand.class, GeoExportCommand.class, GeoClusterCommand.class, GeoWithinCommand.class,
        GeoPlausibilityCommand.class})
final class GeoCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
