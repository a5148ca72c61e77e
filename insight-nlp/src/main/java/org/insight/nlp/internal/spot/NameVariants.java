package org.insight.nlp.internal.spot;

/**
 * How a dictionary path names its entity, as flag bits of a trie output's info (the low 8 bits hold the rotation), and
 * the consonant skeleton that both the dictionary and the text's Arabic/Hebrew words are reduced to.
 */
final class NameVariants {
  /** The tokens are a rotation of the alias's ({@code AL-RASHID, Omar}). */
  static final int ROTATED = 1 << 8;
  /** The alias's particles were left out. */
  static final int PARTICLES_DROPPED = 1 << 9;
  /** Consonant skeletons, for scripts written without short vowels. */
  static final int SKELETON = 1 << 10;
  /** A single distinctive token of a non-person entity. */
  static final int SINGLE = 1 << 11;
  /** A person's first and last distinctive tokens only. */
  static final int MIDDLE_DROPPED = 1 << 12;

  private NameVariants() {}

  /** A token's consonants, doubled letters collapsed: rashid → rshd, mohammed → mhmd, mhmd → mhmd. */
  static String skeleton(String token) {
    StringBuilder sb = new StringBuilder(token.length());
    char last = 0;
    for (int k = 0; k < token.length(); k++) {
      char c = token.charAt(k);
      if ("aeiouyw".indexOf(c) >= 0) {
        continue;
      }
      if (c != last) {
        sb.append(c);
      }
      last = c;
    }
    return sb.toString();
  }
}
