package org.insight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.insight.core.EntityId;
import org.insight.graph.EdgeList;
import org.insight.graph.Network;
import org.insight.policy.Label;
import org.insight.workspace.GraphOptions;
import org.insight.workspace.Session;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How every {@code insight graph} command builds the session's graph. */
final class GraphBuildOptions {
  @Option(names = "--collapse-same-as", description = "Merge records resolved as one person into one node.")
  boolean collapse;

  @Option(names = "--no-co-mentions", description = "Do not join entities mentioned in the same document.")
  boolean noCoMentions;

  @Option(names = "--max-group", paramLabel = "N", defaultValue = "100",
      description = "A value shared by (or a document naming) more entities than this joins none (default: ${DEFAULT-VALUE}).")
  int maxGroup;

  @Option(names = "--from", paramLabel = "DATE",
      description = "Keep only edges whose time (earliest to latest evidence) reaches this date or later; undated edges are left out.")
  String from;

  @Option(names = "--to", paramLabel = "DATE",
      description = "Keep only edges whose time starts on or before this date (ISO 8601, may be partial: 2021, 2021-06).")
  String to;

  @Option(names = "--co-location-m", paramLabel = "M", description = "Join entities seen within M metres (and"
      + " --co-location-min minutes) of each other: events' participants, calls' phones.")
  double coLocationMetres;

  @Option(names = "--co-location-min", paramLabel = "T", defaultValue = "60",
      description = "With --co-location-m: the time window in minutes (default: ${DEFAULT-VALUE}).")
  long coLocationMinutes;

  Network build(Session s) {
    GraphOptions options = GraphOptions.defaults().withCollapseSameAs(collapse).withCoMentions(!noCoMentions)
        .withMaxGroup(maxGroup);
    Network g = s.graph(coLocationMetres == 0 ? options
        : options.withCoLocation(coLocationMetres, java.time.Duration.ofMinutes(coLocationMinutes)));
    return from == null && to == null ? g : g.window(from == null ? "0000" : from, to == null ? "9999" : to);
  }

  @Option(names = "--edges", paramLabel = "FILE", description = "Analyse this edge list (CSV, or TSV when named .tsv)"
      + " instead of a workspace: no session, no audit, the file is yours.")
  Path edges;

  @Option(names = "--source", paramLabel = "COL", description = "With --edges: the column of an edge's source.")
  String source;

  @Option(names = "--target", paramLabel = "COL", description = "With --edges: the column of an edge's target.")
  String target;

  @Option(names = "--weight", paramLabel = "COL", description = "With --edges: a column of weights (summed per pair).")
  String weight;

  @Option(names = "--directed", description = "With --edges: source -> target means something.")
  boolean directed;

  /** The session to build from, or null with {@code --edges} (try-with-resources accepts null). */
  SessionOptions.Opened open(SessionOptions session) {
    if (edges == null) {
      if (source != null || target != null || weight != null || directed) {
        throw new ParameterException(session.mixee.commandLine(), "--source, --target, --weight and --directed"
            + " describe an edge list: give it with --edges FILE");
      }
      return session.read();
    }
    if (source == null || target == null) {
      throw new ParameterException(session.mixee.commandLine(), "--edges needs --source COL and --target COL");
    }
    return null;
  }

  /**
   * The graph: the session's, or the edge list's, whose rows left out are listed on the error stream with their
   * line and reason.
   */
  Network network(SessionOptions.Opened opened, CommandSpec spec) {
    if (opened != null) {
      return build(opened.session());
    }
    EdgeList list = EdgeList.read(edges, new EdgeList.Columns(source, target, Optional.ofNullable(weight), directed),
        Label.of("LOCAL"));
    PrintWriter err = spec.commandLine().getErr();
    list.rejected().forEach(r -> err.println(edges + ":" + r.line() + ": left out: " + r.reason()));
    err.flush();
    return list.network();
  }

  /**
   * The node's id, refused when the graph has no such node (missing and invisible look the same). A value of an edge
   * list ({@code Alice}, {@code +33 6 ...}) names its node too.
   */
  static EntityId node(Network g, String id) {
    EntityId byValue = EdgeList.id(id);
    if (g.node(byValue).isPresent()) {
      return byValue;
    }
    EntityId e = EntityId.of(id);
    if (g.node(e).isEmpty()) {
      throw new CommandFailure("no entity " + id + " is a node of the graph this session may see; list entities"
          + " with 'insight entities' (a collapsed cluster is named by its smallest member id)");
    }
    return e;
  }
}
