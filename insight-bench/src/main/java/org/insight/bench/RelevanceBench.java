package org.insight.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Provenance;
import org.insight.core.Schema;
import org.insight.nlp.LanguageDetector;
import org.insight.nlp.LanguageGuess;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Hit;
import org.insight.search.Index;
import org.insight.search.Query;
import org.insight.search.QuerySyntaxException;
import org.insight.search.SearchResult;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * Ranking quality: mean average precision (MAP) of natural-language queries through a Session against raw Lucene BM25
 * with {@link EnglishAnalyzer} over the same text, side by side. The collection is generated here from a
 * self-written English vocabulary (no standard collection): topics of a dozen words each, neighbouring topics
 * sharing words, documents of 20 to 400 words mixing a main topic with others and common words, queries typed as
 * questions from a topic's words in other inflections, and a document relevant to a query when its main topic is
 * the query's. Languages are identified as the {@code lang} enrichment step does, so misidentified short documents
 * land in other language fields as they would after {@code insight ingest}.
 *
 * <p>Modes: {@link Query#anyOf} (any word, BM25 over the document's own language field), the words joined by OR, and
 * the default all-words query as typed.
 *
 * <pre>./run-bench relevance [DOCUMENTS] [SEED]</pre>
 */
public final class RelevanceBench {
  private static final int LIMIT = 1_000;
  private static final String[] LABELS = {"OPEN", "EU", "INTERPOL&CT"};

  /** Topic words, several inflections each; neighbouring topics share a few words. */
  private static final String[][] TOPICS = {
      {"smuggling", "smuggled", "cigarettes", "tobacco", "border", "lorry", "trailer", "customs", "contraband",
          "cartons", "seized", "warehouse"},
      {"border", "crossing", "crossings", "passport", "passports", "forged", "checkpoint", "travellers", "visa",
          "visas", "guards", "identity"},
      {"passport", "identity", "documents", "counterfeit", "printing", "printer", "holograms", "forgery",
          "forgeries", "laminated", "photographs", "blank"},
      {"vehicle", "vehicles", "stolen", "theft", "cars", "registration", "plates", "chassis", "garage", "dismantled",
          "parts", "exported"},
      {"cars", "export", "shipping", "containers", "container", "harbour", "port", "vessel", "manifest", "cargo",
          "declared", "loaded"},
      {"drugs", "cocaine", "heroin", "kilograms", "shipment", "courier", "couriers", "swallowed", "airport",
          "luggage", "concealed", "dogs"},
      {"cannabis", "plantation", "plants", "growing", "lamps", "electricity", "greenhouse", "harvest", "seedlings",
          "ventilation", "farm", "cultivation"},
      {"laundering", "money", "cash", "accounts", "transfers", "transferred", "banks", "deposits", "shell",
          "companies", "invoices", "offshore"},
      {"fraud", "invoices", "invoice", "payments", "suppliers", "fake", "accounting", "auditors", "ledger",
          "embezzled", "funds", "directors"},
      {"cyber", "malware", "ransomware", "servers", "encrypted", "hackers", "passwords", "phishing", "emails",
          "networks", "infected", "bitcoin"},
      {"bitcoin", "cryptocurrency", "wallets", "wallet", "exchanges", "mixing", "blockchain", "tokens", "coins",
          "addresses", "ledger", "traced"},
      {"trafficking", "victims", "exploitation", "recruited", "recruiters", "workers", "debts", "shelters",
          "forced", "labour", "agencies", "wages"},
      {"firearms", "weapons", "pistols", "rifles", "ammunition", "cartridges", "serial", "numbers", "dealers",
          "converted", "silencers", "arsenal"},
      {"explosives", "detonators", "devices", "bomb", "fertiliser", "chemicals", "laboratory", "precursors",
          "explosion", "blast", "wires", "timers"},
      {"chemicals", "precursors", "synthetic", "amphetamine", "laboratories", "pills", "tablets", "presses",
          "solvents", "barrels", "dumped", "waste"},
      {"waste", "dumping", "toxic", "landfill", "permits", "barrels", "rivers", "pollution", "trucks", "disposal",
          "licences", "inspectors"},
      {"wildlife", "ivory", "rhino", "horns", "species", "poaching", "poachers", "reserves", "rangers", "tusks",
          "skins", "endangered"},
      {"timber", "logging", "forests", "trees", "sawmills", "logs", "permits", "illegal", "concessions", "hardwood",
          "felled", "rangers"},
      {"art", "paintings", "stolen", "museums", "auction", "antiquities", "looted", "galleries", "provenance",
          "sculptures", "collectors", "catalogue"},
      {"corruption", "bribes", "bribery", "officials", "contracts", "tenders", "ministers", "kickbacks", "procurement",
          "awarded", "payments", "influence"},
      {"extortion", "threats", "shopkeepers", "protection", "payments", "intimidated", "arson", "restaurants",
          "collected", "gangs", "neighbourhood", "fear"},
      {"gangs", "members", "territory", "shootings", "rivals", "recruitment", "tattoos", "leaders", "prison",
          "violence", "streets", "feud"},
      {"prison", "inmates", "phones", "smuggled", "guards", "cells", "escape", "escaped", "visitors", "drones",
          "contraband", "wardens"},
      {"fugitives", "fugitive", "arrested", "warrant", "warrants", "extradition", "hiding", "surveillance",
          "located", "apartment", "aliases", "notice"},
      {"missing", "persons", "children", "disappeared", "searched", "volunteers", "sightings", "appeal", "families",
          "found", "reported", "abducted"},
      {"terrorism", "radicalised", "propaganda", "online", "recruiters", "forums", "attack", "plotting", "cells",
          "travelled", "fighters", "returned"},
      {"piracy", "pirates", "ships", "vessel", "hostages", "ransom", "crew", "coast", "hijacked", "navy", "boarded",
          "sailors"},
      {"counterfeit", "medicines", "pharmacies", "tablets", "online", "packaging", "fake", "patients", "pharmaceutical",
          "labels", "shipments", "health"},
      {"migrant", "migrants", "smugglers", "boats", "crossing", "coast", "sea", "rescued", "dinghies", "fees",
          "traffickers", "shore"},
      {"insurance", "claims", "accidents", "staged", "injuries", "doctors", "clinics", "fraudulent", "policies",
          "payouts", "garage", "repairs"},
  };

  /** Common words every topic's documents use. */
  private static final String[] COMMON = {"report", "police", "investigation", "information", "officers", "case",
      "suspect", "suspects", "evidence", "authorities", "week", "month", "year", "city", "region", "country",
      "local", "national", "group", "people", "time", "day", "found", "said", "according", "source", "sources",
      "intelligence", "operation", "team", "office", "members", "involved", "several", "number", "large", "small",
      "recent", "previous", "known", "believed", "linked", "network", "activity", "activities", "area", "areas",
      "analysis", "unit", "agency", "record", "records", "file", "files", "statement", "witness", "witnesses"};

  private static final String[] FUNCTION = {"the", "a", "of", "in", "on", "and", "to", "with", "by", "for", "at",
      "from", "was", "were", "is", "has", "had", "been", "that", "which", "after", "before", "during", "their",
      "this", "an", "as", "into", "over", "about"};

  private static final String[] QUESTION = {"what is known about", "find reports on", "are there any reports of",
      "how do", "information about", "which cases involve", "what happened with", "show me documents about",
      "who is behind", "any intelligence on"};

  private RelevanceBench() {}

  record Doc(String id, String text, int topic) {}

  record Judged(String id, String text, Set<String> relevant) {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 11;
    Random random = new Random(seed);
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      docs.add(document(i, random));
    }
    List<Judged> queries = queries(docs, random);
    LanguageDetector detector = LanguageDetector.create();
    Map<String, Integer> languages = new HashMap<>();
    List<Document> stored = new ArrayList<>();
    for (Doc d : docs) {
      LanguageGuess g = detector.detect(d.text());
      String language = g.known() ? g.language() : ""; // as the lang enrichment step sets it
      languages.merge(language.isEmpty() ? "unknown" : language, 1, Integer::sum);
      ContentHash hash = ContentHash.of(d.text().getBytes(StandardCharsets.UTF_8));
      stored.add(new Document(d.id(), hash, d.id() + ".txt", d.text(), language, Map.of(), null, null,
          Label.of(LABELS[Math.floorMod(d.id().hashCode(), LABELS.length)]),
          Provenance.of("relevance", d.id(), "text:plain", SourceGrading.UNGRADED).withContentHash(hash)));
    }
    System.out.printf(Locale.ROOT, "RelevanceBench: %,d generated documents (%d topics, seed %d), %d queries, "
        + "top %d, languages identified %s%n", n, TOPICS.length, seed, queries.size(), LIMIT, languages);
    Path root = Files.createTempDirectory("insight-relevance-bench");
    try {
      Path wsDir = root.resolve("ws");
      Workspace.open(wsDir).close();
      try (Index index = Index.open(wsDir.resolve("index"), Schema.defaults())) {
        index.write(List.of(), stored);
      }
      Set<String> partlyVisible = new HashSet<>();
      for (Document d : stored) {
        if (!d.label().toString().contains("CT")) {
          partlyVisible.add(d.id());
        }
      }
      rawIndex(root.resolve("raw"), docs, null);
      rawIndex(root.resolve("raw-visible"), docs, partlyVisible);
      double[] ours;
      double[] or;
      double[] all;
      double[] raw;
      double[] partial;
      double[] rawPartial;
      try (Workspace ws = Workspace.open(wsDir)) {
        Session session = ws.session(Principal.of("chief", "OPEN", "EU", "INTERPOL", "CT"),
            Purpose.CRIMINAL_INVESTIGATION);
        Session analyst = ws.session(Principal.of("analyst", "OPEN", "EU"), Purpose.CRIMINAL_INVESTIGATION);
        ours = run(queries, q -> ids(session.search(Query.anyOf(q).target(Query.Target.DOCUMENTS).limit(LIMIT)
            .highlight(false))));
        or = run(queries, q -> ids(session.search(Query.parse(String.join(" OR ", words(q)))
            .target(Query.Target.DOCUMENTS).limit(LIMIT).highlight(false))));
        all = run(queries, q -> ids(session.search(Query.parse(q).target(Query.Target.DOCUMENTS).limit(LIMIT)
            .highlight(false))));
        raw = rawRun(root.resolve("raw"), queries);
        List<Judged> visibleQueries = new ArrayList<>();
        for (Judged q : queries) {
          Set<String> relevant = new HashSet<>(q.relevant());
          relevant.retainAll(partlyVisible);
          visibleQueries.add(new Judged(q.id(), q.text(), relevant));
        }
        partial = run(visibleQueries, q -> ids(analyst.search(Query.anyOf(q).target(Query.Target.DOCUMENTS)
            .limit(LIMIT).highlight(false))));
        rawPartial = rawRun(root.resolve("raw-visible"), visibleQueries);
      }
      System.out.printf(Locale.ROOT, "%-52s %-10s %-10s %s%n", "mode", "MAP", "P@10", "MAP ratio vs raw BM25");
      line("raw Lucene BM25, EnglishAnalyzer, any word", raw, raw);
      line("Session, Query.anyOf / --any", ours, raw);
      line("Session, words joined by OR", or, raw);
      line("Session, all words as typed (default)", all, raw);
      System.out.printf(Locale.ROOT, "a session that sees 2 of 3 labels (%,d documents) vs raw BM25 over those only:%n",
          partlyVisible.size());
      line("raw Lucene BM25 over the visible documents only", rawPartial, rawPartial);
      line("Session (2 of 3 labels), Query.anyOf", partial, rawPartial);
      System.out.printf(Locale.ROOT, "peak heap: %,d MB (max %,d MB)%n", FoundationBench.peakHeapBytes() >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
    } finally {
      FoundationBench.delete(root);
    }
  }

  /** Raw Lucene: the documents' text under {@link EnglishAnalyzer}, all of them or only {@code only}'s ids. */
  private static void rawIndex(Path dir, List<Doc> docs, Set<String> only) throws java.io.IOException {
    try (FSDirectory d = FSDirectory.open(dir);
         IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new EnglishAnalyzer()))) {
      for (Doc doc : docs) {
        if (only == null || only.contains(doc.id())) {
          org.apache.lucene.document.Document l = new org.apache.lucene.document.Document();
          l.add(new StringField("id", doc.id(), Field.Store.YES));
          l.add(new TextField("text", doc.text(), Field.Store.NO));
          w.addDocument(l);
        }
      }
    }
  }

  /** Raw BM25, any word (the query analysed by {@link EnglishAnalyzer}, one SHOULD clause per term). */
  private static double[] rawRun(Path dir, List<Judged> queries) throws Exception {
    try (FSDirectory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      QueryBuilder builder = new QueryBuilder(new EnglishAnalyzer());
      return run(queries, q -> {
        org.apache.lucene.search.Query lq = builder.createBooleanQuery("text", q, BooleanClause.Occur.SHOULD);
        List<String> out = new ArrayList<>();
        var fields = searcher.storedFields();
        for (ScoreDoc sd : searcher.search(lq, LIMIT).scoreDocs) {
          out.add(fields.document(sd.doc).get("id"));
        }
        return out;
      });
    }
  }

  @FunctionalInterface
  private interface Ranker {
    List<String> rank(String query) throws Exception;
  }

  /** {MAP, mean P@10}. */
  private static double[] run(List<Judged> queries, Ranker ranker) throws Exception {
    double map = 0;
    double p10 = 0;
    for (Judged q : queries) {
      List<String> ranked;
      try {
        ranked = ranker.rank(q.text());
      } catch (QuerySyntaxException e) {
        ranked = List.of(); // a query the syntax refuses finds nothing
      }
      int hits = 0;
      double sum = 0;
      for (int i = 0; i < ranked.size(); i++) {
        if (q.relevant().contains(ranked.get(i))) {
          hits++;
          sum += hits / (double) (i + 1);
          if (i < 10) {
            p10 += 0.1;
          }
        }
      }
      map += q.relevant().isEmpty() ? 0 : sum / q.relevant().size();
    }
    return new double[] {map / queries.size(), p10 / queries.size()};
  }

  private static void line(String mode, double[] r, double[] raw) {
    System.out.printf(Locale.ROOT, "%-52s %-10.4f %-10.4f %.3fx%n", mode, r[0], r[1], r[0] / raw[0]);
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  /** The words of a query, stripped of the characters the analyst syntax reads as operators. */
  private static List<String> words(String q) {
    List<String> out = new ArrayList<>();
    for (String w : q.split("\\s+")) {
      String clean = w.replaceAll("[^\\p{L}\\p{N}]", "");
      if (!clean.isEmpty()) {
        out.add(clean);
      }
    }
    return out;
  }

  /** A document: a main topic (about half its content words), one or two others, common and function words. */
  static Doc document(int i, Random random) {
    int topic = random.nextInt(TOPICS.length);
    int other = random.nextInt(TOPICS.length);
    int third = random.nextInt(TOPICS.length);
    // lengths from 20 to 400 words, most of them short, as reports and messages are
    int length = 20 + (int) (380 * Math.pow(random.nextDouble(), 2.5));
    StringBuilder text = new StringBuilder();
    int sentence = 0;
    for (int w = 0; w < length; w++) {
      double x = random.nextDouble();
      String word;
      if (x < 0.40) {
        word = FUNCTION[random.nextInt(FUNCTION.length)];
      } else if (x < 0.62) {
        word = TOPICS[topic][random.nextInt(TOPICS[topic].length)];
      } else if (x < 0.72) {
        word = TOPICS[other][random.nextInt(TOPICS[other].length)];
      } else if (x < 0.76) {
        word = TOPICS[third][random.nextInt(TOPICS[third].length)];
      } else {
        word = COMMON[random.nextInt(COMMON.length)];
      }
      if (sentence == 0) {
        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      }
      text.append(word);
      sentence++;
      if (sentence >= 8 + random.nextInt(10) || w == length - 1) {
        text.append(". ");
        sentence = 0;
      } else {
        text.append(' ');
      }
    }
    return new Doc(String.format(Locale.ROOT, "item-%05d", i), text.toString().trim(), topic);
  }

  /** Four questions per topic, from two to four of its words, with a common word sometimes; judged by main topic. */
  static List<Judged> queries(List<Doc> docs, Random random) {
    List<Judged> out = new ArrayList<>();
    for (int t = 0; t < TOPICS.length; t++) {
      Set<String> relevant = new HashSet<>();
      for (Doc d : docs) {
        if (d.topic() == t) {
          relevant.add(d.id());
        }
      }
      for (int k = 0; k < 4; k++) {
        StringBuilder q = new StringBuilder(QUESTION[random.nextInt(QUESTION.length)]);
        int words = 2 + random.nextInt(3);
        Set<String> used = new HashSet<>();
        while (used.size() < words) {
          used.add(TOPICS[t][random.nextInt(TOPICS[t].length)]);
        }
        for (String w : used) {
          q.append(' ').append(w);
        }
        if (random.nextBoolean()) {
          q.append(" in the ").append(COMMON[random.nextInt(COMMON.length)]);
        }
        out.add(new Judged("q" + t + "-" + k, q.toString(), relevant));
      }
    }
    return out;
  }
}
