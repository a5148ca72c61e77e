package org.insight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Provenance;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.SourceGrading;
import org.insight.workspace.Alert;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily alert digest as a product: the principal's own alerts of the day, named as it sees them, escaped as text;
 * nothing of another principal's and nothing it cannot see (an invisible match, an invisible caption, another
 * owner's query), one audit entry.
 */
class AlertDigestTest {
  @TempDir Path dir;

  private static Document document(Session writer, String label, String title, String text) {
    ContentHash hash = writer.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    Document d = new Document(null, hash, title, text, "en", Map.of(), null, null, Label.of(label),
        Provenance.of("reports", "r-" + hash.hex().substring(0, 8), "text:plain", SourceGrading.UNGRADED)
            .withContentHash(hash));
    writer.add(d);
    return d;
  }

  @Test
  void aDigestHoldsTheDaysOwnVisibleAlertsEscapedAndNothingElse() throws Exception {
    try (Workspace ws = World.open(dir)) {
      Session writer = ws.session(World.WRITER, World.CI);
      Session alice = ws.session(Principal.of("alice", List.of("A")), World.CI);
      Session bob = ws.session(Principal.of("bob", List.of("A", "Z")), World.CI);
      alice.alerts().save("heron", "op <b>heron</b> & \"friends\"", Label.of("A"));
      alice.alerts().saveSubject("Ivan Petrov", "op heron: the suspect", Label.of("A"));
      bob.alerts().save("heron", World.CANARY + " bob's reason", Label.of("Z"));
      document(writer, "A", "Heron <script>alert(1)</script> report", "a heron seen in Lyon");
      document(writer, "Z", World.CANARY + " secret title", "a heron seen by a secret source");
      Dataset ds = Dataset.of("records", Label.of("A"), SourceGrading.parse("B2"));
      writer.add(ds.entity("Person", "p1").add("name", "Ivan Petrov").build());
      writer.add(Dataset.of("secret", Label.of("Z"), SourceGrading.parse("B2")).entity("Person", "p1")
          .add("name", World.CANARY + " Petrov").build());

      List<Alert> mine = alice.alerts().list(null);
      assertEquals(2, mine.size(), mine.toString());
      long before = ws.session(World.WRITER, World.CI).alerts().list(null).size();
      assertEquals(0, before, "the writer owns no query");

      Product p = Reports.of(alice, World.CLOCK).alertDigest(LocalDate.of(2026, 6, 1));
      assertEquals(ProductKind.ALERTS, p.kind());
      assertEquals(Optional.of(Label.of("A")), p.banner().label());
      String html = HtmlProduct.html(p);
      assertFalse(html.contains(World.CANARY), "nothing of bob's, nothing alice cannot see");
      assertTrue(html.contains("op &lt;b&gt;heron&lt;/b&gt; &amp; &quot;friends&quot;")
          || html.contains("op &lt;b&gt;heron&lt;/b&gt; &amp; &#34;friends&#34;"), "the reason, as text");
      assertFalse(html.contains("<script>alert(1)"), "a hostile title stays text");
      assertTrue(html.contains("Heron &lt;script&gt;alert(1)&lt;/script&gt; report"), "the document by its title");
      assertTrue(html.contains("Ivan Petrov (p1") || html.contains("Ivan Petrov ("), "the entity by its caption");
      for (Alert a : mine) {
        assertTrue(html.contains(a.id()), "each of alice's alerts: " + a.id());
      }
      assertEquals(2, p.sections(Section.Table.class).size(), "one table per standing query");

      Product otherDay = Reports.of(alice, World.CLOCK).alertDigest(LocalDate.of(2026, 6, 2));
      assertEquals(List.of(), otherDay.sections(Section.Table.class), "another day: no alert");
      Product bobs = Reports.of(bob, World.CLOCK).alertDigest(LocalDate.of(2026, 6, 1));
      String bobHtml = HtmlProduct.html(bobs);
      for (Alert a : mine) {
        assertFalse(bobHtml.contains(a.id()), "alice's alerts are not in bob's digest");
      }
    }
  }
}
