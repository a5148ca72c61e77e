package org.insight.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.ingest.ExtractedMetadata;
import org.junit.jupiter.api.Test;

class ResultsTest {
  @Test
  void commonFieldsComeFromTheirTikaNames() {
    ExtractedMetadata m = Results.metadata(Map.of(
        "geo:lat", List.of("45.7640"), "geo:long", List.of("4.8357"),
        "dc:creator", List.of("", "R. Ortega"),
        "dcterms:created", List.of("2021-06-01T08:30:00Z"),
        "dcterms:modified", List.of("2021-06-02T09:00:00+02:00"),
        "dc:language", List.of("fr")));
    assertEquals(Optional.of(new ExtractedMetadata.GeoPoint(45.764, 4.8357)), m.location());
    assertEquals(Optional.of("R. Ortega"), m.author());
    assertEquals(Optional.of(Instant.parse("2021-06-01T08:30:00Z")), m.created());
    assertEquals(Optional.of(Instant.parse("2021-06-02T07:00:00Z")), m.modified());
    assertEquals(Optional.of("fr"), m.language());
  }

  @Test
  void malformedValuesAreLeftRawNotGuessed() {
    ExtractedMetadata m = Results.metadata(Map.of("geo:lat", List.of("north"), "geo:long", List.of("4.8"),
        "dcterms:created", List.of("last Tuesday")));
    assertEquals(Optional.empty(), m.location());
    assertEquals(Optional.empty(), m.created());
    assertEquals(List.of("north"), m.raw().get("geo:lat"));
  }
}
