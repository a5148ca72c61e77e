package org.insight.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.insight.nlp.EntitySpotter;
import org.insight.nlp.KnownEntity;
import org.insight.names.Names;
import org.insight.nlp.Spot;

/**
 * Known-entity spotting with a large dictionary: {@link EntitySpotter} (token trie, rotations, particle and
 * consonant-skeleton variants, identifiers) against a naive baseline in the same JVM — a {@code HashMap} from each
 * normalised name (tokens joined by a space, written order only) and identifier to its entities, probed with every
 * 1- to 4-token n-gram of the text, tokenised and normalised exactly as the spotter does for Latin text. Documents
 * are synthetic reports (~300 words) with five planted mentions each: as written, uppercased, in list order
 * ({@code FAMILY, Given}), with diacritics, or a passport number. Prints documents/s, MB/s, retained heap of each
 * structure, recall of the planted mentions, and peak heap.
 *
 * <pre>./run-bench spot [NAMES] [DOCUMENTS]</pre>
 */
public final class SpotBench {
  private static final String[] ONSETS = {"b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
      "br", "dr", "kh", "sh", "st", "tr", "ch", "gr", "j"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou", "ia", "ei"};
  private static final String[] CODAS = {"", "", "n", "r", "s", "l", "m", "v", "d", "k"};
  private static final int PLANTED = 5;

  private SpotBench() {}

  public static void main(String[] args) {
    int names = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int documents = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    Random random = new Random(11);
    String[] given = words(20_000, 2, random);
    String[] family = words(200_000, 3, random);
    String[] filler = fillerWords(8_000, random); // every filler word has an x, no name token does: no chance hits
    System.out.printf(Locale.ROOT, "SpotBench: %,d known person names (100,000 with a passport number), %,d documents of ~300"
        + " words with %d planted mentions each%n", names, documents, PLANTED);

    String[][] entityNames = new String[names][];
    for (int i = 0; i < names; i++) {
      int shape = random.nextInt(20);
      String g = given[random.nextInt(given.length)];
      String f = family[random.nextInt(family.length)];
      entityNames[i] = shape < 14 ? new String[] {g, f}
          : shape < 19 ? new String[] {g, given[random.nextInt(given.length)], f} : new String[] {g, "al", f};
    }

    long before = retainedHeap();
    long t0 = System.nanoTime();
    EntitySpotter.Builder b = EntitySpotter.builder();
    for (int i = 0; i < names; i++) {
      b.add(KnownEntity.of("e" + i, KnownEntity.Kind.PERSON, List.of(String.join(" ", capitalised(entityNames[i]))),
          i < 100_000 ? List.of(passport(i)) : List.of()));
    }
    EntitySpotter spotter = b.build();
    double buildOurs = (System.nanoTime() - t0) / 1e9;
    long heapOurs = retainedHeap() - before;

    before = retainedHeap();
    t0 = System.nanoTime();
    NgramBaseline baseline = new NgramBaseline();
    for (int i = 0; i < names; i++) {
      baseline.add(i, "e" + i, String.join(" ", Names.tokens(String.join(" ", capitalised(entityNames[i])))));
      if (i < 100_000) {
        baseline.add(i, "e" + i, passport(i));
      }
    }
    double buildBaseline = (System.nanoTime() - t0) / 1e9;
    long heapBaseline = retainedHeap() - before;

    List<String> docs = new ArrayList<>();
    List<String[]> expected = new ArrayList<>(); // per document: the planted mentions' entity ids
    long bytes = 0;
    for (int d = 0; d < documents; d++) {
      String[] ids = new String[PLANTED];
      docs.add(document(random, filler, entityNames, names, ids));
      expected.add(ids);
      bytes += docs.get(d).getBytes(StandardCharsets.UTF_8).length;
    }

    // warm up both, then alternate which goes first
    for (int w = 0; w < Math.min(300, documents); w++) {
      spotter.spot(docs.get(w));
      baseline.spot(docs.get(w));
    }
    int rounds = 3;
    long oursNanos = 0;
    long baseNanos = 0;
    long oursHits = 0;
    long baseHits = 0;
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < 2; k++) {
        boolean oursNow = (r + k) % 2 == 0;
        long s = System.nanoTime();
        long hits = 0;
        for (String doc : docs) {
          hits += oursNow ? spotter.spot(doc).size() : baseline.spot(doc).size();
        }
        long e = System.nanoTime() - s;
        if (oursNow) {
          oursNanos += e;
          oursHits = hits;
        } else {
          baseNanos += e;
          baseHits = hits;
        }
      }
    }
    int[] recallOurs = new int[2];
    int[] recallBase = new int[2];
    for (int d = 0; d < documents; d++) {
      List<String> ours = spotter.spot(docs.get(d)).stream().map(Spot::entityId).toList();
      List<String> base = baseline.spot(docs.get(d));
      for (String id : expected.get(d)) {
        recallOurs[0] += ours.contains(id) ? 1 : 0;
        recallBase[0] += base.contains(id) ? 1 : 0;
        recallOurs[1]++;
        recallBase[1]++;
      }
    }
    double oursRate = documents * (double) rounds / (oursNanos / 1e9);
    double baseRate = documents * (double) rounds / (baseNanos / 1e9);
    double mb = bytes / 1e6;
    System.out.printf(Locale.ROOT, "%-44s %-14s %12s   %-14s %12s   %s%n", "", "EntitySpotter", "", "n-gram HashMap", "", "ratio");
    System.out.printf(Locale.ROOT, "%-44s %27.1f   %27.1f   %.2fx%n", "spotting (documents/s, 1 thread)", oursRate, baseRate,
        oursRate / baseRate);
    System.out.printf(Locale.ROOT, "%-44s %27.2f   %27.2f   %.2fx%n", "spotting (MB/s of text, 1 thread)",
        mb * rounds / (oursNanos / 1e9), mb * rounds / (baseNanos / 1e9), oursRate / baseRate);
    System.out.printf(Locale.ROOT, "%-44s %27s   %27s   %.2fx%n", "retained heap of the dictionary (MB)",
        String.format(Locale.ROOT, "%,d", heapOurs >> 20), String.format(Locale.ROOT, "%,d", heapBaseline >> 20),
        (double) heapOurs / heapBaseline);
    System.out.printf(Locale.ROOT, "%-44s %27.1f   %27.1f%n", "build (s)", buildOurs, buildBaseline);
    System.out.printf(Locale.ROOT, "%-44s %27s   %27s%n", "planted mentions found (recall)",
        String.format(Locale.ROOT, "%,d of %,d", recallOurs[0], recallOurs[1]),
        String.format(Locale.ROOT, "%,d of %,d", recallBase[0], recallBase[1]));
    System.out.printf(Locale.ROOT, "%-44s %27s   %27s%n", "hits per pass (incl. shared names)", String.format(Locale.ROOT, "%,d", oursHits),
        String.format(Locale.ROOT, "%,d", baseHits));
    EntitySpotter.Stats st = spotter.stats();
    System.out.printf(Locale.ROOT, "spotter: %,d names indexed, %,d too unspecific, %,d identifiers, %,d trie nodes%n",
        st.namesIndexed(), st.namesTooUnspecific(), st.identifiersIndexed(), st.trieNodes());
    System.out.printf(Locale.ROOT, "peak heap: %,d MB (max %,d MB)%n", FoundationBench.peakHeapBytes() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    // keep both alive until here, so the retained-heap figures above are what each needs
    if (spotter.stats().entities() + baseline.size() < 0) {
      System.out.println();
    }
  }

  private static String document(Random random, String[] filler, String[][] entityNames, int names, String[] ids) {
    List<String> words = new ArrayList<>(320);
    for (int i = 0; i < 300; i++) {
      String w = filler[random.nextInt(filler.length)];
      words.add(i % 17 == 16 ? w + "." : w);
    }
    for (int p = 0; p < PLANTED; p++) {
      int form = random.nextInt(10);
      int e = form == 9 ? random.nextInt(100_000) : random.nextInt(names);
      ids[p] = "e" + e;
      String[] n = capitalised(entityNames[e]);
      String written = switch (form) {
        case 0, 1, 2, 3 -> String.join(" ", n);
        case 4, 5 -> String.join(" ", n).toUpperCase(Locale.ROOT);
        case 6, 7 -> n[n.length - 1].toUpperCase(Locale.ROOT) + ", " + String.join(" ", Arrays.copyOf(n, n.length - 1));
        case 8 -> String.join(" ", n).replaceFirst("a", "á").replaceFirst("e", "é");
        default -> "passport " + passport(e).toLowerCase(Locale.ROOT);
      };
      // planted between words, each followed by a full stop so two names never run together
      words.add(random.nextInt(words.size()), written + ".");
    }
    return String.join(" ", words);
  }

  private static String passport(int i) {
    return String.format(Locale.ROOT, "P%07d", i);
  }

  private static String[] capitalised(String[] tokens) {
    String[] out = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      out[i] = tokens[i].equals("al") ? "al" : Character.toUpperCase(tokens[i].charAt(0)) + tokens[i].substring(1);
    }
    return out;
  }

  private static String[] words(int n, int syllables, Random random) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    while (out.size() < n) {
      StringBuilder sb = new StringBuilder();
      int k = 1 + random.nextInt(syllables) + (syllables > 2 ? 1 : 0);
      for (int s = 0; s < k; s++) {
        sb.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)])
            .append(CODAS[random.nextInt(CODAS.length)]);
      }
      String w = sb.toString();
      if (w.length() >= 3 && !Names.isParticle(w)) {
        out.add(w);
      }
    }
    return out.toArray(new String[0]);
  }

  private static String[] fillerWords(int n, Random random) {
    String[] base = words(n, 2, random);
    for (int i = 0; i < base.length; i++) {
      int at = random.nextInt(base[i].length() + 1);
      base[i] = base[i].substring(0, at) + "x" + base[i].substring(at);
    }
    return base;
  }

  private static long retainedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /** The baseline: normalised name or identifier string → entity ids, probed with every 1..4-token n-gram. */
  static final class NgramBaseline {
    private final Map<String, int[]> index = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    void add(int entity, String id, String key) {
      if (entity == ids.size()) {
        ids.add(id);
      }
      index.merge(key, new int[] {entity}, (a, c) -> {
        int[] n = Arrays.copyOf(a, a.length + 1);
        n[a.length] = c[0];
        return n;
      });
    }

    int size() {
      return index.size();
    }

    List<String> spot(String text) {
      List<String> tokens = new ArrayList<>();
      List<String> raw = new ArrayList<>();
      int i = 0;
      int len = text.length();
      while (i < len) {
        while (i < len && !Character.isLetterOrDigit(text.charAt(i))) {
          i++;
        }
        int s = i;
        while (i < len && Character.isLetterOrDigit(text.charAt(i))) {
          i++;
        }
        if (i > s) {
          String w = text.substring(s, i);
          raw.add(w);
          boolean ascii = w.chars().allMatch(c -> c < 128);
          tokens.add(ascii ? w.toLowerCase(Locale.ROOT) : String.join(" ", Names.tokens(w)));
        }
      }
      List<String> out = new ArrayList<>();
      for (int a = 0; a < tokens.size(); a++) {
        StringBuilder key = new StringBuilder();
        for (int n = 0; n < 4 && a + n < tokens.size(); n++) {
          if (n > 0) {
            key.append(' ');
          }
          key.append(tokens.get(a + n));
          int[] hits = index.get(key.toString());
          if (hits != null) {
            for (int h : hits) {
              out.add(ids.get(h));
            }
          }
        }
        int[] id = index.get(raw.get(a).toUpperCase(Locale.ROOT));
        if (id != null) {
          for (int h : id) {
            out.add(ids.get(h));
          }
        }
      }
      return out;
    }
  }
}
