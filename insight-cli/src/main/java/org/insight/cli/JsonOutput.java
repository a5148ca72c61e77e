package org.insight.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * The one shape of every {@code --json} output, for the commands other modules add (insight spark's): an object whose
 * first field is the output's {@code "format"}, described by a schema in {@code docs/json}.
 */
public final class JsonOutput {
  private JsonOutput() {}

  /** A new object for an output; fill it, then {@link #print} it. */
  public static ObjectNode object() {
    return Json.object();
  }

  /** Prints {@code node} as one line of JSON, its fields after the {@code "format"}. */
  public static void print(PrintWriter out, ObjectNode node) {
    Render.print(out, node);
  }
}
