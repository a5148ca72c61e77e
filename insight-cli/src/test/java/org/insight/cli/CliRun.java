package org.insight.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One run of the {@code insight} command in this JVM, as the tests see it: exit code, standard output and error. */
record CliRun(int code, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The same with {@code stdin} as standard input (System.in is restored afterwards). */
  static CliRun withInput(String stdin, String... args) {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      return of(args);
    } finally {
      System.setIn(saved);
    }
  }
}
