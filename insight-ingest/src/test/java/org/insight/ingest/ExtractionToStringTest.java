package org.insight.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.core.ContentHash;
import org.junit.jupiter.api.Test;

/** An extraction holds a source's text and metadata: a log line of it shows hashes, sizes and types only. */
class ExtractionToStringTest {
  @Test
  void neitherTextNorMetadataReachAToString() {
    ExtractedMetadata meta = new ExtractedMetadata(Optional.of("Zebulon Author"), Optional.of(Instant.EPOCH),
        Optional.empty(), Optional.of("Zebulon's plan"), Optional.of("en"), Optional.empty(),
        Map.of("X-Mailer", List.of("Zebulon Mail")));
    ContentHash hash = ContentHash.of("x".getBytes(StandardCharsets.UTF_8));
    Extraction child = new Extraction(hash, 1, "note.txt", List.of("a.zip"), "text/plain", "tika:TXTParser",
        "Zebulon wrote", false, meta, Optional.empty(), List.of(), Outcome.ingested());
    Extraction e = new Extraction(hash, 2, "a.zip", List.of(), "application/zip", "tika:PackageParser", "Zebulon",
        false, meta, Optional.empty(), List.of(child), Outcome.ingested());
    for (Object o : List.of(meta, child, e)) {
      assertFalse(o.toString().contains("Zebulon"), o.toString());
    }
    assertTrue(e.toString().contains(hash.hex()) && e.toString().contains("children=1"), e.toString());
    assertTrue(meta.toString().contains("author") && meta.toString().contains("raw=1"), meta.toString());
  }
}
