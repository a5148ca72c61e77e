package org.insight.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.List;
import org.insight.graph.CytoscapeJson;
import org.insight.graph.Dot;
import org.insight.graph.Gexf;
import org.insight.graph.GraphMl;
import org.insight.graph.HtmlDrawing;
import org.insight.graph.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code insight graph export --out FILE}: the session's graph (or a neighbourhood of it) as GraphML, GEXF,
 * Cytoscape.js JSON, DOT or a drawing, every node with layout coordinates.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write the graph this session may see (or one entity's neighbourhood, or an edge list's graph) as"
        + " GraphML, GEXF, Cytoscape.js JSON or DOT (for Gephi, Cytoscape, yEd, Graphviz or networkx; nodes with"
        + " layout coordinates) or a drawing.")
final class GraphExportCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin GraphBuildOptions graph;
  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the file.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "graphml",
      description = "graphml, gexf, cytoscape, dot, or html: a self-contained page drawing the graph (best with"
          + " --centre).")
  String format;

  @Option(names = "--centre", paramLabel = "ID", description = "Only this entity's neighbourhood.")
  String centre;

  @Option(names = "--hops", paramLabel = "N", defaultValue = "2", description = "How far from --centre (default: ${DEFAULT-VALUE}).")
  int hops;

  @Override
  public Integer call() {
    if (!List.of("graphml", "gexf", "cytoscape", "dot", "html").contains(format)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--format: graphml, gexf, cytoscape, dot or html, got " + format);
    }
    try (SessionOptions.Opened opened = graph.open(session)) {
      Network g = graph.network(opened, spec);
      Network written = centre == null ? g : g.neighbourhood(GraphBuildOptions.node(g, centre), hops);
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        switch (format) {
          case "html" -> HtmlDrawing.write(written, centre == null ? "Network" : "Neighbourhood of "
              + written.node(GraphBuildOptions.node(g, centre)).map(n -> n.caption()).orElse(centre), w);
          case "gexf" -> Gexf.write(written, w);
          case "cytoscape" -> CytoscapeJson.write(written, w);
          case "dot" -> Dot.write(written, w);
          default -> GraphMl.write(written, w);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (session.json) {
        Render.print(spec.commandLine().getOut(), GraphRender.versioned(written).put("out", out.toString())
            .put("nodes", written.nodes().size()).put("edges", written.edges().size()));
      } else {
        spec.commandLine().getOut().println("wrote " + written.nodes().size() + " nodes and " + written.edges().size()
            + " edges to " + out);
      }
      return 0;
    }
  }
}
