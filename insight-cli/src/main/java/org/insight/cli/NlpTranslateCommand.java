package org.insight.cli;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.insight.InsightException;
import org.insight.core.json.ModelJson;
import org.insight.nlp.ApertiumTranslator;
import org.insight.nlp.Translation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "translate", mixinStandardHelpOptions = true,
    description = {"Translates standard input with Apertium APY, through a pivot language where there is no direct pair"
        + " (French to English goes through Spanish).",
        "The translation goes to standard output; the languages, engine and unknown words to standard error"
            + " (or all of it as JSON with --json). Start APY with scripts/apy start."})
final class NlpTranslateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, description = "Source language, ISO 639-1 or 639-3 (fr, fra).")
  String from;

  @Option(names = "--to", required = true, description = "Target language, ISO 639-1 or 639-3 (en, eng).")
  String to;

  @Option(names = "--apy", description = "APY base URL, a loopback address (default: $INSIGHT_APY_URL).")
  String apy;

  @Option(names = "--allow-remote", description = "Accept an APY URL that is not on this machine (the text leaves it).")
  boolean allowRemote;

  @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for each request (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--keep-unknown-marks", description = "Keep Apertium's * before words it did not know.")
  boolean keepMarks;

  @Option(names = "--json", description = "One JSON object: text, languages, path, engine, method, unknown words.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String url = apy != null ? apy : System.getenv("INSIGHT_APY_URL");
    if (url == null || url.isBlank()) {
      throw new InsightException("no translator configured: start Apertium APY with scripts/apy start and give its URL"
          + " with --apy URL or INSIGHT_APY_URL");
    }
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("--timeout must be at least 1 second, got " + timeoutSeconds);
    }
    ApertiumTranslator.Builder b = ApertiumTranslator.builder(URI.create(url.trim()))
        .requestTimeout(Duration.ofSeconds(timeoutSeconds));
    String version = System.getenv("INSIGHT_APY_VERSION");
    if (version != null && !version.isBlank()) {
      b.engineVersion(version.trim());
    }
    if (allowRemote) {
      b.allowRemote();
    }
    if (keepMarks) {
      b.keepUnknownMarks();
    }
    Translation t = b.build().translate(NlpCommand.stdin(), from, to);
    var out = spec.commandLine().getOut();
    if (json) {
      var n = Json.object();
      n.put("text", t.text()).put("from", t.from()).put("to", t.to()).put("engine", t.engine())
          .put("pivoted", t.pivoted()).put("method", t.method());
      t.path().forEach(n.putArray("path")::add);
      t.unknownWords().forEach(n.putArray("unknownWords")::add);
      Render.print(out, n);
    } else {
      out.print(t.text());
      if (!t.text().endsWith("\n")) {
        out.println();
      }
      out.flush();
      spec.commandLine().getErr().println("translated " + String.join(" > ", t.path()) + " with " + t.engine()
          + (t.unknownWords().isEmpty() ? "" : "; not known to the engine: " + String.join(", ", t.unknownWords())));
    }
    return 0;
  }
}
