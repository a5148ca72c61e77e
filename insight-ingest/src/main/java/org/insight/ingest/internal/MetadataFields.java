package org.insight.ingest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tika.metadata.Metadata;

/** Tika metadata as plain name → values, without Tika's own bookkeeping fields and with values capped. */
final class MetadataFields {
  private static final int MAX_VALUE_CHARS = 4_096;
  private static final int MAX_VALUES = 64;

  private MetadataFields() {}

  static Map<String, List<String>> of(Metadata md) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String[] names = md.names();
    Arrays.sort(names);
    for (String name : names) {
      if (name.startsWith("X-TIKA:") || name.equals("X-Parsed-By")) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String v : md.getValues(name)) {
        if (values.size() == MAX_VALUES) {
          break;
        }
        values.add(v.length() > MAX_VALUE_CHARS ? v.substring(0, MAX_VALUE_CHARS) : v);
      }
      out.put(name, values);
    }
    return out;
  }
}
