package org.insight.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.json.ModelJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.insight.nlp.AnnotatedSentence;
import org.insight.nlp.EntitySpan;
import org.insight.nlp.LanguageDetector;
import org.insight.nlp.LanguageGuess;
import org.insight.nlp.LanguagePassage;
import org.insight.names.Names;
import org.insight.nlp.NerEvaluation;
import org.insight.nlp.NerTrainer;
import org.insight.nlp.OpenNlpEntityRecognizer;
import org.insight.nlp.Sentence;
import org.insight.nlp.TextAnalysis;
import org.insight.nlp.Token;
import org.insight.nlp.Selector;
import org.insight.nlp.SelectorExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "nlp", mixinStandardHelpOptions = true,
    description = "Quick checks on plain text from standard input: languages, sentences, selectors, names, named entities, translation, known-entity spotting.",
    subcommands = {NlpCommand.Selectors.class, NlpCommand.NamesCheck.class, NlpCommand.Detect.class,
        NlpCommand.Sentences.class, NlpCommand.TrainNer.class, NlpCommand.Ner.class, NlpTranslateCommand.class,
        NlpSpotCommand.class})
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
          var n = Json.object();
          n.put("kind", s.kind().name().toLowerCase(Locale.ROOT)).put("start", s.start()).put("end", s.end())
              .put("text", s.text()).put("value", s.value()).put("confidence", s.confidence());
          var d = n.putObject("details");
          s.details().forEach(d::put);
          Render.print(out, n);
        } else {
          out.printf(Locale.ROOT, "%-12s %-36s %.2f  [%d,%d) %s%n", s.kind().name().toLowerCase(Locale.ROOT), s.value(), s.confidence(),
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
          out.printf(Locale.ROOT, "%s  [%s]  %s  →  %s  %s%n", line.trim(), Names.script(line), Names.transliterate(line),
              Names.normalise(line), Names.phoneticKeys(line));
        }
      }
      return 0;
    }
  }

  @Command(name = "detect", mixinStandardHelpOptions = true,
      description = "The language of the text and of each passage (paragraph or window), with confidence; "
          + "\"unknown\" when a passage is too short (under 20 letters) or ambiguous (confidence under 0.2).")
  static final class Detect implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "One JSON object: the document's language and the passages.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      String text = stdin();
      LanguageDetector detector = LanguageDetector.create();
      LanguageGuess whole = detector.detect(text);
      List<LanguagePassage> passages = detector.passages(text);
      var out = spec.commandLine().getOut();
      if (json) {
        var n = Json.object();
        n.put("language", whole.language()).put("confidence", round(whole.confidence()))
            .put("method", LanguageDetector.METHOD);
        var a = n.putArray("passages");
        for (LanguagePassage p : passages) {
          a.addObject().put("start", p.start()).put("end", p.end()).put("language", p.language())
              .put("confidence", round(p.guess().confidence()));
        }
        Render.print(out, n);
      } else {
        out.printf(Locale.ROOT, "document: %s (confidence %.2f)%n", whole.language(), whole.confidence());
        for (LanguagePassage p : passages) {
          String excerpt = text.substring(p.start(), Math.min(p.end(), p.start() + 50)).replaceAll("\\s+", " ");
          out.printf(Locale.ROOT, "  [%d,%d) %-8s %.2f  %s%s%n", p.start(), p.end(), p.language(), p.guess().confidence(), excerpt,
              p.end() - p.start() > 50 ? "…" : "");
        }
      }
      return 0;
    }
  }

  @Command(name = "sentences", mixinStandardHelpOptions = true,
      description = "The text's sentences and tokens (OpenNLP UD models for en, fr, de; ICU rules otherwise).")
  static final class Sentences implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--lang", paramLabel = "CODE", description = "The language (ISO 639-1); detected when not given.")
    String lang;

    @Option(names = "--json", description = "JSON lines, one sentence each with its tokens.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      String text = stdin();
      String language = lang != null ? lang : LanguageDetector.create().detect(text).language();
      var out = spec.commandLine().getOut();
      if (!json) {
        out.printf(Locale.ROOT, "language: %s (%s)%n", language, TextAnalysis.create().method(language));
      }
      for (Sentence s : TextAnalysis.create().sentences(text, language)) {
        if (json) {
          var n = Json.object();
          n.put("start", s.start()).put("end", s.end()).put("text", s.text());
          var a = n.putArray("tokens");
          s.tokens().forEach(t -> a.add(t.text()));
          Render.print(out, n);
        } else {
          out.println(String.join(" | ", s.tokens().stream().map(Token::text).toList()));
        }
      }
      return 0;
    }
  }

  @Command(name = "train-ner", mixinStandardHelpOptions = true,
      description = "Train a named-entity model (OpenNLP name finder) from annotated sentences, one a line: "
          + "tokens separated by spaces, entities as <START:person> Ivan Petrov <END>; blank lines separate documents.")
  static final class TrainNer implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Annotated training sentences (UTF-8).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write the model.")
    Path model;

    @Option(names = "--type", paramLabel = "TAG", split = ",", description = "Train only these tags, e.g. person (default: every tag in the data).")
    List<String> types;

    @Option(names = "--eval", paramLabel = "FILE", description = "Held-out annotated sentences: print precision, recall and F1 on them.")
    Path eval;

    @Option(names = "--lang", paramLabel = "CODE", defaultValue = "en", description = "The model's language (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--iterations", defaultValue = "100", description = "Training iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
      List<AnnotatedSentence> train = AnnotatedSentence.read(data);
      NerTrainer.Builder b = NerTrainer.builder().language(lang).iterations(iterations);
      if (types != null && !types.isEmpty()) {
        b.tags(Set.copyOf(types));
      }
      OpenNlpEntityRecognizer recognizer = b.build().train(train);
      recognizer.save(model);
      var out = spec.commandLine().getOut();
      NerEvaluation e = eval == null ? null : NerEvaluation.evaluate(recognizer, AnnotatedSentence.read(eval));
      if (json) {
        var n = Json.object();
        n.put("model", model.toString()).put("method", recognizer.method()).put("sentences", train.size());
        var t = n.putArray("types");
        recognizer.types().stream().sorted().forEach(t::add);
        if (e != null) {
          n.putObject("evaluation").put("sentences", e.sentences()).put("precision", round(e.precision()))
              .put("recall", round(e.recall())).put("f1", round(e.f1())).put("truePositives", e.truePositives())
              .put("falsePositives", e.falsePositives()).put("falseNegatives", e.falseNegatives());
        }
        Render.print(out, n);
      } else {
        out.printf(Locale.ROOT, "trained on %d sentences: %s -> %s (types %s)%n", train.size(), recognizer.method(), model,
            recognizer.types().stream().sorted().toList());
        if (e != null) {
          out.printf(Locale.ROOT, "evaluation on %d sentences: precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d)%n",
              e.sentences(), e.precision(), e.recall(), e.f1(), e.truePositives(), e.falsePositives(), e.falseNegatives());
        }
      }
      return 0;
    }
  }

  @Command(name = "ner", mixinStandardHelpOptions = true,
      description = "Named entities in the text, with a model trained by 'insight nlp train-ner' (none is shipped).")
  static final class Ner implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The OpenNLP name-finder model file.")
    Path model;

    @Option(names = "--lang", paramLabel = "CODE", description = "The text's language for sentences and tokens (default: detected).")
    String lang;

    @Option(names = "--json", description = "JSON lines, one entity each.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      OpenNlpEntityRecognizer recognizer = OpenNlpEntityRecognizer.load(model);
      String text = stdin();
      String language = lang != null ? lang : LanguageDetector.create().detect(text).language();
      var out = spec.commandLine().getOut();
      for (EntitySpan e : recognizer.recognize(text, language)) {
        if (json) {
          var n = Json.object();
          n.put("type", e.type()).put("text", e.text()).put("start", e.start()).put("end", e.end())
              .put("confidence", round(e.confidence())).put("method", recognizer.method());
          Render.print(out, n);
        } else {
          out.printf(Locale.ROOT, "%-13s %-30s %.2f  [%d,%d)%n", e.type(), e.text(), e.confidence(), e.start(), e.end());
        }
      }
      return 0;
    }
  }

  static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }
}
