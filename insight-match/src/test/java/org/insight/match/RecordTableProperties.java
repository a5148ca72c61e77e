package org.insight.match;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.insight.match.internal.RecordTable;
import org.insight.match.internal.Workers;
import org.junit.jupiter.api.Assertions;

/** The precomputed table scores exactly as the model does on records. */
class RecordTableProperties {

  @Property(tries = 40)
  void levelsWeightsAndFrequenciesEqualTheModels(@ForAll long seed) {
    List<MatchRecord> recs = Persons.generator(seed).generate(25, 0.4).records();
    RecordTable table;
    try (Workers workers = new Workers(2)) {
      table = RecordTable.build(recs, LinkerProperties.MODEL.comparisons(), workers);
    }
    Assertions.assertEquals(MatchModel.frequencies(LinkerProperties.MODEL.comparisons(), recs), table.frequencies());
    MatchModel model = LinkerProperties.MODEL.withFrequencies(recs);
    List<ModelParameters.ComparisonParameters> cp = model.parameters().comparisons();
    RecordTable.Weights weights = RecordTable.Weights.of(model);
    int[] lv = new int[cp.size()];
    for (int i = 0; i < recs.size(); i++) {
      for (int j = i + 1; j < recs.size(); j++) {
        MatchRecord a = recs.get(i);
        MatchRecord b = recs.get(j);
        Assertions.assertArrayEquals(model.levels(a, b), unpackCheck(table, i, j, lv));
        Assertions.assertEquals(Double.doubleToLongBits(model.weight(a, b)),
            Double.doubleToLongBits(table.weight(i, j, weights)), a + " / " + b);
      }
    }
  }

  private static int[] unpackCheck(RecordTable table, int i, int j, int[] lv) {
    table.levels(i, j, lv);
    Assertions.assertArrayEquals(lv, table.unpack(table.pattern(i, j)));
    return lv.clone();
  }
}
