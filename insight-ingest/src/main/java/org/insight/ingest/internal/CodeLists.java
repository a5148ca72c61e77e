package org.insight.ingest.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import org.insight.Messages;
import org.insight.ingest.RecordMappingException;

/** The built-in code lists a mapping can look values up in. Not API. */
public final class CodeLists {
  private static final Map<String, Map<String, String>> LISTS = Map.of(
      "sex", Map.of("M", "male", "F", "female", "U", "unknown", "X", "unspecified"),
      "language", languages());

  private CodeLists() {}

  /** The names of the built-in lists. */
  public static List<String> names() {
    return LISTS.keySet().stream().sorted().toList();
  }

  /** A built-in list by name; throws listing the available ones. */
  public static Map<String, String> get(String name) {
    Map<String, String> list = LISTS.get(name);
    if (list == null) {
      throw new RecordMappingException(List.of("no built-in code list '" + name + "'; "
          + Messages.available(name, LISTS.keySet()) + " (or give the codes inline: {\"M\": \"male\", …})"));
    }
    return list;
  }

  // ISO 639-1 (two letters) and ISO 639-2 (three letters, as INTERPOL's languages_spoken_ids) → English name
  private static Map<String, String> languages() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String two : Locale.getISOLanguages()) {
      Locale l = Locale.forLanguageTag(two);
      String name = l.getDisplayLanguage(Locale.ENGLISH);
      if (name.isEmpty() || name.equalsIgnoreCase(two)) {
        continue;
      }
      out.put(two.toUpperCase(Locale.ROOT), name);
      try {
        out.put(l.getISO3Language().toUpperCase(Locale.ROOT), name);
      } catch (MissingResourceException e) {
        // no three-letter code known for it: the two-letter one stays
      }
    }
    // bibliographic ISO 639-2/B codes differ from the terminology ones Java knows for a few languages
    Map<String, String> bibliographic = Map.of("FRE", "FRA", "GER", "DEU", "CHI", "ZHO", "DUT", "NLD", "GRE", "ELL",
        "PER", "FAS", "ARM", "HYE", "ALB", "SQI", "CZE", "CES", "RUM", "RON");
    bibliographic.forEach((b, t) -> {
      if (out.containsKey(t)) {
        out.putIfAbsent(b, out.get(t));
      }
    });
    return Collections.unmodifiableMap(out);
  }
}
