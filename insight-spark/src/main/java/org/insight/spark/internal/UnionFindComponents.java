package org.insight.spark.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Connected components on the driver, by union-find (path halving, the smaller index as root), for match graphs whose
 * edges fit in the driver's memory: no Spark job at all, where label propagation takes a job per round. Not API.
 */
public final class UnionFindComponents {

  private UnionFindComponents() {}

  /**
   * The component of every node that has an edge: node id to the component's id (its first node met), for
   * {@code edges} as pairs of node ids.
   */
  public static Map<String, String> of(List<String[]> edges) {
    Map<String, Integer> index = new HashMap<>();
    String[] names = new String[edges.size() * 2];
    int[] parent = new int[names.length];
    for (String[] e : edges) {
      int a = indexOf(e[0], index, names, parent);
      int b = indexOf(e[1], index, names, parent);
      int ra = find(parent, a);
      int rb = find(parent, b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
    Map<String, String> out = new HashMap<>(index.size() * 4 / 3 + 1);
    index.forEach((name, i) -> out.put(name, names[find(parent, i)]));
    return out;
  }

  private static int indexOf(String name, Map<String, Integer> index, String[] names, int[] parent) {
    return index.computeIfAbsent(name, x -> {
      int i = index.size();
      names[i] = x;
      parent[i] = i;
      return i;
    });
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
