package org.insight.graph.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.insight.policy.Label;

/**
 * Interned sets of labels: a million edges and nodes carry a handful of distinct label sets, so each is a small int
 * (0 is the empty set) and adding a label to a set is one lookup in a transition table, not a {@code HashSet} per
 * edge. The sets' members are kept as sorted label numbers, for the caller to fold once per set.
 */
public final class LabelSets {
  private final Map<Label, Integer> labelIds = new HashMap<>();
  private final List<Label> labels = new ArrayList<>();
  private final List<int[]> sets = new ArrayList<>();
  private final Map<Members, Integer> setIds = new HashMap<>();
  /** (set, label) → the set with the label added. */
  private final LongIntMap transitions = new LongIntMap(64);

  public LabelSets() {
    sets.add(new int[0]);
    setIds.put(new Members(new int[0]), 0);
  }

  // the last label numbered: nodes and edges alternate sets but repeat their labels
  private Label lastNumbered;
  private int lastNumber;

  /** The number of a label (given once per distinct label). */
  public int label(Label label) {
    if (label == lastNumbered) {
      return lastNumber;
    }
    Integer id = labelIds.get(label);
    if (id == null) {
      id = labels.size();
      labels.add(label);
      labelIds.put(label, id);
    }
    lastNumbered = label;
    lastNumber = id;
    return id;
  }

  // the last addition: a million edges and nodes add the same few labels in runs, so most additions repeat it
  private Label lastLabel;
  private int lastSet = -1;
  private int lastResult;

  /** The set {@code set} with {@code label} added. */
  public int add(int set, Label label) {
    if (label == lastLabel && set == lastSet) {
      return lastResult;
    }
    int result = addNumber(set, label(label));
    lastLabel = label;
    lastSet = set;
    lastResult = result;
    return result;
  }

  /** The union of two sets. */
  public int union(int a, int b) {
    int out = a;
    for (int l : sets.get(b)) {
      out = addNumber(out, l);
    }
    return out;
  }

  private int addNumber(int set, int label) {
    long key = ((long) set << 32) | label;
    int known = transitions.get(key);
    if (known >= 0) {
      return known;
    }
    int[] members = sets.get(set);
    int at = Arrays.binarySearch(members, label);
    int result;
    if (at >= 0) {
      result = set;
    } else {
      int[] grown = new int[members.length + 1];
      int ins = -at - 1;
      System.arraycopy(members, 0, grown, 0, ins);
      grown[ins] = label;
      System.arraycopy(members, ins, grown, ins + 1, members.length - ins);
      Members m = new Members(grown);
      Integer id = setIds.get(m);
      if (id == null) {
        id = sets.size();
        sets.add(grown);
        setIds.put(m, id);
      }
      result = id;
    }
    transitions.putIfAbsent(key, result);
    return result;
  }

  /** The labels of a set. */
  public List<Label> labels(int set) {
    int[] members = sets.get(set);
    List<Label> out = new ArrayList<>(members.length);
    for (int l : members) {
      out.add(labels.get(l));
    }
    return out;
  }

  /** The number of distinct sets made so far (the empty set included). */
  public int size() {
    return sets.size();
  }

  private record Members(int[] labels) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Members m && Arrays.equals(labels, m.labels);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
      return Arrays.toString(labels);
    }
  }
}
