package org.insight.ingest.internal;

import org.insight.ingest.TikaExtractor;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.ItemExtractor;

/** The extractor a request gets when it names none. */
public final class Extractors {
  private Extractors() {}

  public static ItemExtractor standard(IngestRequest request) {
    return new TikaItemExtractor(TikaExtractor.builder().workers(request.workers()).build(), true);
  }
}
