package org.insight.ingest.internal;

import org.insight.ingest.IngestRequest;
import org.insight.ingest.ItemExtractor;

/** The extractor a request gets when it names none. */
public final class Extractors {
  private Extractors() {}

  public static ItemExtractor standard(IngestRequest request) {
    return new PlainTextExtractor(64L << 20);
  }
}
