package org.insight.ingest.internal;

import java.util.List;

/** One source record as the mapper reads it: field values by path, and array elements for {@code each}. */
public interface RecordView {
  /** The raw values of a field (a CSV column, a JSON path); empty when absent or null. */
  List<String> values(String path);

  /** The elements of the array at {@code path}, each a view of its own; empty when absent. */
  List<RecordView> elements(String path);

  /** A value a record cannot give: a JSON object where a value was expected, a path into a CSV row. */
  final class FieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FieldException(String message) {
      super(message, null, false, false);
    }
  }
}
