package org.insight.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.insight.nlp.LanguageDetector;
import org.insight.nlp.SelectorExtractor;

/**
 * NLP throughput, one thread (so MB/s per core), each against a raw baseline on the same texts in the same JVM:
 * <ul>
 *   <li>selector extraction ({@link SelectorExtractor}: candidates, checksums, overlap resolution) against plain
 *       {@code java.util.regex} patterns for the same kinds with no validation;</li>
 *   <li>language identification per passage ({@link LanguageDetector#passages}: paragraph split, windows, ISO mapping,
 *       merging) against {@code LanguageDetectorME.predictLanguages} on the same paragraphs, split beforehand.</li>
 * </ul>
 * Rounds alternate the two sides and keep each one's best. Prints ratios and peak heap.
 *
 * <pre>./run-bench nlp [DOCUMENTS]</pre>
 */
public final class NlpBench {
  private static final String[][] PARAGRAPHS = {
      {"en", "At 21:40 officers observed a blue van parked outside the warehouse near the harbour. The driver, later"
          + " identified by his passport, was seen loading boxes with a second man. He used the mobile number %PHONE%"
          + " and mentioned a transfer to account %IBAN% before a meeting on %DATE%."},
      {"fr", "Le suspect a été vu quittant le bâtiment la nuit. Il conduisait une camionnette bleue immatriculée à"
          + " Lyon et a appelé son complice au %PHONE% plusieurs fois avant de quitter la ville. Courriel : %EMAIL%."},
      {"es", "El sospechoso fue visto saliendo del edificio por la noche. Conducía una furgoneta azul y pagó con la"
          + " tarjeta %CARD%. La reunión tuvo lugar el %DATE% cerca de %COORD%."},
      {"de", "Der Verdächtige wurde nachts beim Verlassen des Gebäudes gesehen. Er überwies Geld in Bitcoin an"
          + " %BTC% und nutzte die Adresse %IP% sowie die Seite %URL% für seine Kontakte."},
      {"ru", "Подозреваемый был замечен ночью, когда выходил из здания. Он несколько раз звонил своему сообщнику по"
          + " номеру %PHONE%, прежде чем покинуть город. Кошелёк: %ETH%."},
      {"ar", "شوهد المشتبه به وهو يغادر المبنى ليلا. وكان يقود سيارة زرقاء مسجلة في ليون، وقد اتصل بشريكه عدة مرات"
          + " قبل مغادرة المدينة. البريد: %EMAIL%."}};
  private static final String[] PHONES = {"+33 6 12 34 56 78", "+44 20 7946 0958", "+49 30 901820", "+7 495 123-45-67"};
  private static final String[] IBANS = {"FR76 3000 6000 0112 3456 7890 189", "DE89 3704 0044 0532 0130 00",
      "GB29 NWBK 6016 1331 9268 19"};
  private static final String[] CARDS = {"4111 1111 1111 1111", "5500 0000 0000 0004", "4111 1111 1111 1112"};
  private static final String[] DATES = {"14/03/2026", "2026-04-12", "3 mai 2026", "12 April 2026"};
  private static final String[] EMAILS = {"ivan.petrov@example.org", "j.moreau@mail.example.fr", "contact@heron.example"};
  private static final String[] BTC = {"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
      "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"};
  private static final String[] ETH = {"0x52908400098527886E0F7030069857D2E4169EE7", "0xde709f2102306220921060314715629080e2fb77"};
  private static final String[] IPS = {"192.168.10.77", "10.0.0.300", "2001:db8::8a2e:370:7334"};
  private static final String[] URLS = {"https://heron.example.org/drop?id=42", "www.example.com/contact"};
  private static final String[] COORDS = {"48.856613, 2.352222", "40°26'46\"N 79°58'56\"W"};

  /** The raw baseline: the same kinds as plain regexes, no checksum, no overlap resolution. */
  private static final Pattern[] RAW = {
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
      Pattern.compile("\\+\\d{1,3}[ .-]?\\d{1,4}(?:[ .-]?\\d{2,4}){2,4}"),
      Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b"),
      Pattern.compile("\\b\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{1,4}\\b"),
      Pattern.compile("\\b\\d{15}\\b"),
      Pattern.compile("\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b"),
      Pattern.compile("\\b[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){2,7}\\b"),
      Pattern.compile("\\b(?:https?://|www\\.)[^\\s<>\"]+"),
      Pattern.compile("\\b(?:[a-z0-9-]+\\.)+[a-z]{2,}\\b"),
      Pattern.compile("\\b(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[02-9ac-hj-np-z]{11,71})\\b"),
      Pattern.compile("\\b0x[0-9a-fA-F]{40}\\b"),
      Pattern.compile("[A-Z0-9<]{44}\\R[A-Z0-9<]{44}"),
      Pattern.compile("\\b[A-HJ-NPR-Z0-9]{17}\\b"),
      Pattern.compile("\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})\\b"),
      Pattern.compile("-?\\d{1,3}\\.\\d{4,}\\s*,\\s*-?\\d{1,3}\\.\\d{4,}|\\d{1,3}°\\d{1,2}'\\d{1,2}(?:\\.\\d+)?\"[NSEW]")};

  private NlpBench() {}

  public static void main(String[] args) throws Exception {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    Random random = new Random(42);
    List<String> docs = new ArrayList<>(documents);
    long bytes = 0;
    for (int i = 0; i < documents; i++) {
      String d = document(random);
      docs.add(d);
      bytes += d.getBytes(StandardCharsets.UTF_8).length;
    }
    double mb = bytes / 1e6;
    System.out.printf(Locale.ROOT, "NlpBench: %,d documents, %.1f MB of UTF-8 text (6 languages, mixed in each document), one thread%n",
        documents, mb);

    SelectorExtractor extractor = SelectorExtractor.create();
    LanguageDetector detector = LanguageDetector.create();
    LanguageDetectorModel model;
    try (var in = NlpBench.class.getClassLoader().getResourceAsStream("langdetect-183.bin")) {
      model = new LanguageDetectorModel(in);
    }
    List<List<String>> paragraphs = new ArrayList<>();
    for (String d : docs) {
      paragraphs.add(List.of(d.split("\\n\\s*\\n")));
    }

    // warm-up, then alternate and keep each side's best of three
    selectors(extractor, docs.subList(0, Math.min(200, docs.size())));
    raw(docs.subList(0, Math.min(200, docs.size())));
    double bestSel = Double.MAX_VALUE;
    double bestRaw = Double.MAX_VALUE;
    double cpuSel = Double.MAX_VALUE;
    double cpuRaw = Double.MAX_VALUE;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long hits = 0;
    long rawHits = 0;
    for (int round = 0; round < 3; round++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      hits = selectors(extractor, docs);
      long c1 = threads.getCurrentThreadCpuTime();
      long t1 = System.nanoTime();
      rawHits = raw(docs);
      long c2 = threads.getCurrentThreadCpuTime();
      long t2 = System.nanoTime();
      bestSel = Math.min(bestSel, (t1 - t0) / 1e9);
      bestRaw = Math.min(bestRaw, (t2 - t1) / 1e9);
      cpuSel = Math.min(cpuSel, (c1 - c0) / 1e9);
      cpuRaw = Math.min(cpuRaw, (c2 - c1) / 1e9);
    }
    row("selector extraction (MB/s)", "insight", mb / bestSel, "raw regex", mb / bestRaw);
    // on a loaded machine the wall clock measures the scheduler as much as the code: the thread's CPU time too
    row("  same, thread CPU (MB/s)", "insight", mb / cpuSel, "raw regex", mb / cpuRaw);
    System.out.printf(Locale.ROOT, "  (insight: %,d validated selectors; raw regexes: %,d matches, overlapping and unvalidated)%n",
        hits, rawHits);

    int warm = Math.min(100, docs.size());
    languages(detector, docs.subList(0, warm));
    rawLanguages(model, paragraphs.subList(0, warm));
    double bestLang = Double.MAX_VALUE;
    double bestRawLang = Double.MAX_VALUE;
    long passages = 0;
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      passages = languages(detector, docs);
      long t1 = System.nanoTime();
      rawLanguages(model, paragraphs);
      long t2 = System.nanoTime();
      bestLang = Math.min(bestLang, (t1 - t0) / 1e9);
      bestRawLang = Math.min(bestRawLang, (t2 - t1) / 1e9);
    }
    row("language per passage (MB/s)", "insight", mb / bestLang, "raw ME", mb / bestRawLang);
    System.out.printf(Locale.ROOT, "  (insight: %,d passages after merging; raw: %,d paragraphs, split before timing)%n", passages,
        paragraphs.stream().mapToLong(List::size).sum());
    System.out.printf(Locale.ROOT, "peak heap: %,d MB (max %,d MB)%n", FoundationBench.peakHeapBytes() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static void row(String what, String a, double av, String b, double bv) {
    System.out.printf(Locale.ROOT, "%-32s %-8s %8.2f   %-10s %8.2f   ratio %.2fx%n", what, a, av, b, bv, av / bv);
  }

  private static long selectors(SelectorExtractor extractor, List<String> docs) {
    long n = 0;
    for (String d : docs) {
      n += extractor.extract(d).size();
    }
    return n;
  }

  private static long raw(List<String> docs) {
    long n = 0;
    Matcher[] matchers = new Matcher[RAW.length];
    for (int i = 0; i < RAW.length; i++) {
      matchers[i] = RAW[i].matcher("");
    }
    for (String d : docs) {
      for (Matcher m : matchers) {
        m.reset(d);
        while (m.find()) {
          n++;
        }
      }
    }
    return n;
  }

  private static long languages(LanguageDetector detector, List<String> docs) {
    long n = 0;
    for (String d : docs) {
      n += detector.passages(d).size();
    }
    return n;
  }

  private static long rawLanguages(LanguageDetectorModel model, List<List<String>> paragraphs) {
    long n = 0;
    for (List<String> doc : paragraphs) {
      LanguageDetectorME me = new LanguageDetectorME(model);
      for (String p : doc) {
        n += me.predictLanguages(p).length;
      }
    }
    return n;
  }

  /** A report of 4–10 paragraphs, each in one language, with selectors embedded. */
  static String document(Random r) {
    int paragraphs = 4 + r.nextInt(7);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < paragraphs; i++) {
      if (i > 0) {
        sb.append("\n\n");
      }
      String p = PARAGRAPHS[r.nextInt(PARAGRAPHS.length)][1];
      sb.append(p.replace("%PHONE%", pick(r, PHONES)).replace("%IBAN%", pick(r, IBANS)).replace("%DATE%", pick(r, DATES))
          .replace("%EMAIL%", pick(r, EMAILS)).replace("%CARD%", pick(r, CARDS)).replace("%COORD%", pick(r, COORDS))
          .replace("%BTC%", pick(r, BTC)).replace("%IP%", pick(r, IPS)).replace("%URL%", pick(r, URLS))
          .replace("%ETH%", pick(r, ETH)));
    }
    return sb.toString();
  }

  private static String pick(Random r, String[] xs) {
    return xs[r.nextInt(xs.length)];
  }
}
