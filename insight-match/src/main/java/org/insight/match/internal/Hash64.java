package org.insight.match.internal;

/** The 64-bit hash blocking and screening keys are held by instead of strings. */
final class Hash64 {
  private Hash64() {}

  /** FNV-1a over the chars, then a finalising mix (MurmurHash3's) so that every input bit reaches every output bit. */
  static long of(String key) {
    long h = 0xcbf29ce484222325L;
    for (int q = 0; q < key.length(); q++) {
      h ^= key.charAt(q);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
