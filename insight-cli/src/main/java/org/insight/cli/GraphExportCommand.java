package org.insight.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.insight.graph.GraphMl;
import org.insight.graph.HtmlDrawing;
import org.insight.graph.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight graph export --out FILE}: the session's graph (or a neighbourhood of it) as GraphML or a drawing. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write the graph this session may see (or one entity's neighbourhood) as GraphML, for Gephi,"
        + " Cytoscape, yEd or networkx.")
final class GraphExportCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin GraphBuildOptions graph;
  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the .graphml file.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "graphml",
      description = "graphml, or html: a self-contained page drawing the graph (best with --centre).")
  String format;

  @Option(names = "--centre", paramLabel = "ID", description = "Only this entity's neighbourhood.")
  String centre;

  @Option(names = "--hops", paramLabel = "N", defaultValue = "2", description = "How far from --centre (default: ${DEFAULT-VALUE}).")
  int hops;

  @Override
  public Integer call() {
    if (!format.equals("graphml") && !format.equals("html")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format: graphml or html, got " + format);
    }
    try (SessionOptions.Opened opened = session.read()) {
      Network g = graph.build(opened.session());
      Network written = centre == null ? g : g.neighbourhood(GraphBuildOptions.node(g, centre), hops);
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        if (format.equals("html")) {
          HtmlDrawing.write(written, centre == null ? "Network" : "Neighbourhood of "
              + written.node(org.insight.core.EntityId.of(centre)).map(n -> n.caption()).orElse(centre), w);
        } else {
          GraphMl.write(written, w);
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
