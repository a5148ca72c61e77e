package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.geo.Dbscan;
import org.insight.workspace.Located;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight geo cluster}: DBSCAN clusters of the session's points. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {"DBSCAN clusters of the points the session may see: a point with at least --min-points points"
        + " (itself included) within --eps-m great-circle metres is a core point, core points within reach share a"
        + " cluster, a point within reach of a core point joins the cluster of the nearest one, the rest is noise"
        + " (cluster -1). Deterministic: clusters are numbered by their first point in id order."})
final class GeoClusterCommand implements Callable<Integer> {
  @Option(names = "--eps-m", paramLabel = "M", defaultValue = "200", description = "Neighbourhood radius in metres (default: ${DEFAULT-VALUE}).")
  double epsMetres;

  @Option(names = "--min-points", paramLabel = "K", defaultValue = "4", description = "Points for a core point, itself included (default: ${DEFAULT-VALUE}).")
  int minPoints;

  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!(epsMetres >= 0) || Double.isInfinite(epsMetres) || minPoints < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--eps-m must be 0 or more metres and --min-points at least 1");
    }
    List<Dbscan.Member<Located>> members;
    try (SessionOptions.Opened opened = session.read()) {
      members = opened.session().geo().clusters(epsMetres, minPoints);
    }
    long clusters = members.stream().mapToInt(Dbscan.Member::cluster).filter(c -> c >= 0).distinct().count();
    long noise = members.stream().filter(m -> m.cluster() == Dbscan.NOISE).count();
    PrintWriter out = spec.commandLine().getOut();
    if (session.json) {
      ArrayNode items = Json.array();
      for (Dbscan.Member<Located> m : members) {
        items.addObject().put("id", m.item().entity().value()).put("schema", m.item().schema())
            .put("property", m.item().property()).put("lat", m.point().latitude()).put("lon", m.point().longitude())
            .put("cluster", m.cluster()).put("core", m.core());
      }
      Render.print(out, Json.object().put("epsMetres", epsMetres).put("minPoints", minPoints)
          .put("clusters", clusters).put("noise", noise).<ObjectNode>set("items", items));
      return 0;
    }
    out.printf(Locale.ROOT, "%d point(s): %d cluster(s), %d noise (eps %.0f m, min points %d)%n", members.size(),
        clusters, noise, epsMetres, minPoints);
    for (Dbscan.Member<Located> m : members) {
      out.printf(Locale.ROOT, "%5s %-4s %s %s %s%n", m.cluster() == Dbscan.NOISE ? "noise" : String.valueOf(m.cluster()),
          m.core() ? "core" : "", m.item().entity().value(), m.item().schema(), m.point());
    }
    return 0;
  }
}
