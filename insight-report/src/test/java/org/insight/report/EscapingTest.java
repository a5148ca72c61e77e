package org.insight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.insight.policy.Principal;
import org.insight.report.internal.Html;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile values in names cannot break out of HTML text, attributes or the JSON in script blocks. */
class EscapingTest {
  @TempDir Path dir;

  @Test
  void aHostileNameStaysTextEverywhereInTheProduct() throws Exception {
    World world = World.of("Ivan Petrov", ChromiumProductsTest.HOSTILE, "x\" onmouseover=\"alert(1)");
    try (Workspace ws = World.open(dir.resolve("ws"))) {
      world.write(ws, l -> true);
      Product p = Reports.of(ws.session(Principal.of("analyst", List.of("A")), World.CI))
          .profile(World.SUBJECT);
      String html = HtmlProduct.html(p);
      assertFalse(html.contains("<img"), "no markup from a value");
      assertFalse(html.contains("onerror=\""), "no attribute from a value");
      assertFalse(html.contains("onmouseover=\""), "no attribute from a value");
      assertFalse(html.contains("<!--"), "no comment opened by a value");
      assertFalse(html.contains("\u2028"), "no raw line separator");
      assertEquals(2, ReportsTest.count(html, "<script>"), "only the two inline scripts");
      assertEquals(ReportsTest.count(html, "<script"), ReportsTest.count(html, "</script>"),
          "every script block ends where it was meant to");
      // the JSON block reads back to the same name
      Matcher json = Pattern.compile("<script type=\"application/json\"[^>]*>(.*?)</script>", Pattern.DOTALL)
          .matcher(html);
      assertTrue(json.find());
      assertTrue(json.group(1).contains("Eve \\u003c/script\\u003e\\u003cimg"), "escaped inside the script block");
      assertFalse(html.replaceAll("(?s)<script>.*?</script>", "").matches("(?s).*https?://.*"),
          "no address anywhere outside the inlined library's licence comments");
    }
  }

  @Property
  void jsonInAScriptBlockHasNoCharacterThatEndsOrBreaksIt(@ForAll String value) {
    String json = Html.json(value);
    assertFalse(json.contains("<") || json.contains(">") || json.contains("&"));
    assertFalse(json.contains("\u2028") || json.contains("\u2029") || json.contains("\n"));
    assertEquals(value, unjson(json), "the JSON reads back to the value");
  }

  @Property
  void textHasNoCharacterThatOpensMarkupOrEndsAnAttribute(@ForAll String value) {
    String text = Html.text(value);
    assertFalse(text.contains("<") || text.contains(">") || text.contains("\"") || text.contains("'"));
  }

  /** A minimal JSON string reader for the escapes Html.json writes. */
  private static String unjson(String json) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < json.length() - 1; i++) {
      char c = json.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = json.charAt(++i);
      switch (e) {
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          b.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> b.append(e);
      }
    }
    return b.toString();
  }
}
