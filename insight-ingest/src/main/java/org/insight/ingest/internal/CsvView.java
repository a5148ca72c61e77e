package org.insight.ingest.internal;

import java.util.List;
import java.util.Map;

/** A CSV row: cells by resolved column index. Not API. */
final class CsvView implements RecordView {
  private final Map<String, Integer> columns;
  private final List<String> cells;

  CsvView(Map<String, Integer> columns, List<String> cells) {
    this.columns = columns;
    this.cells = cells;
  }

  @Override
  public List<String> values(String path) {
    Integer i = columns.get(path);
    if (i == null || i >= cells.size()) {
      return List.of();
    }
    return List.of(cells.get(i));
  }

  @Override
  public List<RecordView> elements(String path) {
    throw new FieldException("'each' needs JSON records; a CSV row has no arrays");
  }
}
