package org.insight.nlp.internal.spot;

import java.util.Arrays;

/**
 * A trie over token ids, compact enough for millions of names: nodes are ints, edges live in one open-addressing
 * table keyed by {@code (parent << 32) | token}, and the outputs of a node (which entity a path names, and how) in
 * linked int arrays. No object per node or edge. Not thread-safe while built; read-only use afterwards is.
 */
final class TokenTrie {
  private static final long EMPTY = -1L;
  private static final float LOAD = 0.7f;

  private long[] keys;
  private int[] children;
  private int edges;
  private int nodes = 1; // the root is node 0

  private int[] firstOutput = new int[1024];
  private int[] outEntity = new int[1024];
  private int[] outInfo = new int[1024];
  private int[] outNext = new int[1024];
  private int outputs;

  /** An empty trie. */
  public TokenTrie() {
    keys = new long[1024];
    Arrays.fill(keys, EMPTY);
    children = new int[1024];
    Arrays.fill(firstOutput, -1);
  }

  /** The child of {@code node} along {@code token}, or -1. */
  public int child(int node, int token) {
    long key = ((long) node << 32) | (token & 0xffffffffL);
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return children[i];
      }
      if (k == EMPTY) {
        return -1;
      }
    }
  }

  /** The child of {@code node} along {@code token}, created if missing. */
  public int childOrAdd(int node, int token) {
    int c = child(node, token);
    if (c >= 0) {
      return c;
    }
    if (edges + 1 > keys.length * LOAD) {
      rehash();
    }
    long key = ((long) node << 32) | (token & 0xffffffffL);
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    children[i] = nodes;
    edges++;
    if (nodes == firstOutput.length) {
      int old = firstOutput.length;
      firstOutput = Arrays.copyOf(firstOutput, old * 2);
      Arrays.fill(firstOutput, old, firstOutput.length, -1);
    }
    return nodes++;
  }

  /** Adds an output to {@code node} unless it already has one for this entity; returns whether it was added. */
  public boolean addOutput(int node, int entity, int info) {
    for (int o = firstOutput[node]; o >= 0; o = outNext[o]) {
      if (outEntity[o] == entity) {
        return false;
      }
    }
    if (outputs == outEntity.length) {
      int n = outputs * 2;
      outEntity = Arrays.copyOf(outEntity, n);
      outInfo = Arrays.copyOf(outInfo, n);
      outNext = Arrays.copyOf(outNext, n);
    }
    outEntity[outputs] = entity;
    outInfo[outputs] = info;
    outNext[outputs] = firstOutput[node];
    firstOutput[node] = outputs;
    outputs++;
    return true;
  }

  /** The first output of {@code node}, or -1; follow with {@link #nextOutput}. */
  public int firstOutput(int node) {
    return firstOutput[node];
  }

  /** The output after {@code output} at the same node, or -1. */
  public int nextOutput(int output) {
    return outNext[output];
  }

  /** The entity an output names. */
  public int outputEntity(int output) {
    return outEntity[output];
  }

  /** The caller's information stored with an output. */
  public int outputInfo(int output) {
    return outInfo[output];
  }

  /** The number of nodes, root included. */
  public int nodes() {
    return nodes;
  }

  /** The number of outputs. */
  public int outputs() {
    return outputs;
  }

  /** Shrinks the output arrays to their contents once building is over. */
  public void trim() {
    outEntity = Arrays.copyOf(outEntity, Math.max(1, outputs));
    outInfo = Arrays.copyOf(outInfo, Math.max(1, outputs));
    outNext = Arrays.copyOf(outNext, Math.max(1, outputs));
    firstOutput = Arrays.copyOf(firstOutput, nodes);
  }

  private void rehash() {
    long[] oldKeys = keys;
    int[] oldChildren = children;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    children = new int[keys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      long k = oldKeys[j];
      if (k != EMPTY) {
        int i = mix(k) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        children[i] = oldChildren[j];
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }
}
