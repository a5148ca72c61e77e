package org.insight.nlp.internal.spot;

import java.util.List;
import org.insight.nlp.EntitySpotter;
import org.insight.nlp.Spot;

/**
 * Finds dictionary names in a text's tokens: leftmost-longest through a {@link TokenTrie}, so time is linear in the
 * text times the longest name, whatever the dictionary's size. Scores by length and by how far the variant is from
 * the alias (rotated, particles dropped, middle names dropped, skeleton), lower when several entities share it.
 */
final class NameMatcher {

  private NameMatcher() {}

  /**
   * Adds the names found in {@code text}, leftmost-longest over the tokens {@code ids} (the text's tokens or their
   * skeletons) in {@code trie}; a particle the alias lacks may be skipped in the text.
   */
  static void match(SpotDictionary d, String text, TextTokens t, int[] ids, TokenTrie trie, List<SpotHit> out) {
    int n = t.size;
    int[] path = new int[EntitySpotter.MAX_NAME_TOKENS];
    int[] best = new int[EntitySpotter.MAX_NAME_TOKENS];
    for (int i = 0; i < n; ) {
      if (ids[i] < 0 || trie.child(0, ids[i]) < 0) {
        i++;
        continue;
      }
      int node = 0;
      int depth = 0;
      int bestNode = -1;
      int bestEnd = -1;
      int bestDepth = 0;
      boolean skipped = false;
      boolean bestSkipped = false;
      for (int j = i; j < n && depth < EntitySpotter.MAX_NAME_TOKENS; j++) {
        if (j > i && t.barrierBefore[j]) {
          break;
        }
        int tok = ids[j];
        int c = tok < 0 ? -1 : trie.child(node, tok);
        if (c < 0) {
          if (tok >= 0 && depth > 0 && d.particle[tok]) {
            skipped = true; // a particle the alias does not have: al-Rashid finds "Rashid"
            continue;
          }
          break;
        }
        path[depth++] = tok;
        node = c;
        if (trie.firstOutput(node) >= 0) {
          bestNode = node;
          bestEnd = j;
          bestDepth = depth;
          bestSkipped = skipped;
          System.arraycopy(path, 0, best, 0, depth);
        }
      }
      if (bestNode < 0) {
        i++;
        continue;
      }
      int start = t.starts[i];
      int end = t.ends[bestEnd];
      int count = 0;
      for (int o = trie.firstOutput(bestNode); o >= 0; o = trie.nextOutput(o)) {
        count++;
      }
      for (int o = trie.firstOutput(bestNode); o >= 0; o = trie.nextOutput(o)) {
        int info = trie.outputInfo(o);
        int e = trie.outputEntity(o);
        out.add(new SpotHit(new Spot(start, end, text.substring(start, end), d.entityIds[e],
            alias(d, best, bestDepth, info),
            Spot.Kind.NAME, score(bestDepth, info, bestSkipped, count)), e));
      }
      // the next match starts after this one's last token (several text tokens may share a word's span)
      int next = bestEnd + 1;
      while (next < n && t.starts[next] < end) {
        next++;
      }
      i = next;
    }
  }

  private static String alias(SpotDictionary d, int[] path, int length, int info) {
    int shift = info & 0xff;
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < length; k++) {
      if (k > 0) {
        sb.append(' ');
      }
      sb.append(d.tokenText[path[(k + length - shift) % length]]);
    }
    return sb.toString();
  }

  private static double score(int tokens, int info, boolean particleSkipped, int ambiguity) {
    double s = (info & NameVariants.SINGLE) != 0 ? 0.7 : tokens >= 4 ? 0.95 : tokens == 3 ? 0.9 : 0.85;
    if ((info & NameVariants.ROTATED) != 0) {
      s -= 0.05;
    }
    if ((info & NameVariants.PARTICLES_DROPPED) != 0 || particleSkipped) {
      s -= 0.05;
    }
    if ((info & NameVariants.MIDDLE_DROPPED) != 0) {
      s -= 0.1;
    }
    if ((info & NameVariants.SKELETON) != 0) {
      s -= 0.15;
    }
    if (ambiguity > 1) {
      s *= 0.8;
    }
    return Math.round(s * 1000) / 1000.0;
  }
}
