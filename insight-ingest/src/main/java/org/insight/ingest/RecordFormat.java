package org.insight.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The structured formats a {@link RecordMapping} reads. */
public enum RecordFormat {
  /** Comma-separated values (RFC 4180, read leniently); the delimiter can be changed (e.g. {@code ;}). */
  CSV("csv"),
  /** Tab-separated values: CSV with a tab delimiter. */
  TSV("tsv"),
  /** One JSON document: an array of records, an object with the array under a path, or a single record. */
  JSON("json"),
  /** One JSON object per line (JSON-lines, NDJSON). */
  JSON_LINES("jsonl");

  private final String id;

  RecordFormat(String id) {
    this.id = id;
  }

  /** The name used in mapping files: {@code csv}, {@code tsv}, {@code json}, {@code jsonl}. */
  public String id() {
    return id;
  }

  /**
   * The format a file name suggests: {@code .csv}, {@code .tsv}/{@code .tab}, {@code .json},
   * {@code .jsonl}/{@code .ndjson}; empty for anything else (then the file is not a structured record file
   * unless a mapping names its format).
   */
  public static Optional<RecordFormat> detect(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String n = name.toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      return Optional.of(CSV);
    } else if (n.endsWith(".tsv") || n.endsWith(".tab")) {
      return Optional.of(TSV);
    } else if (n.endsWith(".json")) {
      return Optional.of(JSON);
    } else if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Optional.of(JSON_LINES);
    }
    return Optional.empty();
  }

  /** The format named {@code id} ({@code csv}, {@code tsv}, {@code json}, {@code jsonl}, case-insensitive). */
  public static RecordFormat forId(String id) {
    for (RecordFormat f : values()) {
      if (f.id.equalsIgnoreCase(id.trim()) || (f == JSON_LINES && id.trim().equalsIgnoreCase("ndjson"))) {
        return f;
      }
    }
    throw new RecordMappingException(java.util.List.of("unknown format '" + id + "'; use one of csv, tsv, json, jsonl"));
  }
}
