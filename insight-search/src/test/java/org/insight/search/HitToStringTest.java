package org.insight.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Provenance;
import org.insight.policy.Label;
import org.junit.jupiter.api.Test;

class HitToStringTest {
  @Test
  void aHitShowsKindIdAndScoreNeverItsCaptionOrSnippets() {
    Document d = new Document(null, ContentHash.of("x".getBytes(StandardCharsets.UTF_8)), "Zebulon's ledger",
        "Zebulon paid", "en", Map.of(), Optional.empty(), null, Label.of("FR"), Provenance.of("ds", "r", "m:x", null));
    Hit hit = new Hit(Hit.Kind.DOCUMENT, d.id(), 0.5, Optional.empty(), Optional.of(d), List.of("<b>Zebulon</b> paid"),
        List.of());
    assertFalse(hit.toString().contains("Zebulon"), hit.toString());
    assertTrue(hit.toString().contains(d.id()), hit.toString());
  }
}
