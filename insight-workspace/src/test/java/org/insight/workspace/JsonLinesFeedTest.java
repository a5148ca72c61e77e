package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.insight.core.Document;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFeedTest {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  @TempDir Path dir;

  private static final String FEED = """
      {"id":"m1","text":"the heron landed at dawn","title":"obs 1","from":"+33612345678","tags":["port","night"]}
      not json at all

      {"id":"m2","title":"no text"}
      {"id":"m3","text":"a sparrow","language":"en"}
      {"id":"m4","text":"the heron again"}
      """;

  @Test
  void aFeedIsIngestedInBatchesBadLinesAreReportedAndAReplayChangesNothing() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session alice = ws.session(Principal.of("alice", "FR"), CI);
      alice.alerts().save("heron", "op heron", Label.of("FR"));
      Session feeder = ws.session(Principal.of("feed", "FR"), CI);
      JsonLinesFeed feed = JsonLinesFeed.builder(feeder, Fixtures.dataset("messages", "FR")).name("pipe").batchSize(2)
          .build();
      JsonLinesFeed.Result r = feed.run(new BufferedReader(new StringReader(FEED)));
      assertEquals(5, r.lines());
      assertEquals(3, r.documents());
      assertEquals(List.of("line 2: not JSON", "line 4: no \"text\""),
          r.problems().stream().map(p -> p.substring(0, p.indexOf(p.startsWith("line 2") ? " (" : " string"))).toList());
      Document m1 = feeder.search("dawn").hits().get(0).document().orElseThrow();
      assertEquals("obs 1", m1.title());
      assertEquals(List.of("port", "night"), m1.metadata().get("tags"));
      assertEquals("m1", m1.provenance().recordId());
      assertEquals(2, alice.alerts().list(null).size(), "m1 and m4 mention the heron");

      JsonLinesFeed.Result again = feed.run(new BufferedReader(new StringReader(FEED)));
      assertEquals(3, again.documents());
      assertEquals(3, feeder.documents(0, 10).total(), "a replay writes the same documents");
      assertEquals(2, alice.alerts().list(null).size(), "and raises nothing twice");
      assertTrue(ws.verifyAudit().valid());
    }
  }
}
