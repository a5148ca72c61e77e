package org.insight.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.internal.ModelJson;
import org.insight.nlp.Names;
import org.insight.nlp.Selector;
import org.insight.nlp.SelectorExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "nlp", mixinStandardHelpOptions = true,
    description = "Quick checks on plain text from standard input: selectors, names, translation, known-entity spotting.",
    subcommands = {NlpCommand.Selectors.class, NlpCommand.NamesCheck.class, NlpTranslateCommand.class, NlpSpotCommand.class})
final class NlpCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String stdin() throws java.io.IOException {
    InputStream in = System.in;
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Command(name = "selectors", mixinStandardHelpOptions = true,
      description = "Validated selectors in the text: e-mails, phones, IBANs, cards, IMEIs, IPs, URLs, domains, "
          + "Bitcoin and Ethereum addresses, passport/ID machine-readable zones, VINs, dates, coordinates.")
  static final class Selectors implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--region", description = "Default region for phone numbers without a country code, e.g. FR (default: none, so only international numbers).")
    String region;

    @Option(names = "--json", description = "JSON lines, one selector each.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      SelectorExtractor extractor = region == null ? SelectorExtractor.create()
          : SelectorExtractor.builder().defaultRegion(region).build();
      var out = spec.commandLine().getOut();
      for (Selector s : extractor.extract(stdin())) {
        if (json) {
          var n = ModelJson.MAPPER.createObjectNode();
          n.put("kind", s.kind().name().toLowerCase(Locale.ROOT)).put("start", s.start()).put("end", s.end())
              .put("text", s.text()).put("value", s.value()).put("confidence", s.confidence());
          var d = n.putObject("details");
          s.details().forEach(d::put);
          out.println(ModelJson.write(n));
        } else {
          out.printf("%-12s %-36s %.2f  [%d,%d) %s%n", s.kind().name().toLowerCase(Locale.ROOT), s.value(), s.confidence(),
              s.start(), s.end(), s.details().isEmpty() ? "" : s.details());
        }
      }
      return 0;
    }
  }

  @Command(name = "names", mixinStandardHelpOptions = true,
      description = "Each input line as a name: its script, Latin transliteration, normal form and phonetic keys.")
  static final class NamesCheck implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      var out = spec.commandLine().getOut();
      for (String line : stdin().split("\\R")) {
        if (!line.isBlank()) {
          out.printf("%s  [%s]  %s  →  %s  %s%n", line.trim(), Names.script(line), Names.transliterate(line),
              Names.normalise(line), Names.phoneticKeys(line));
        }
      }
      return 0;
    }
  }
}
