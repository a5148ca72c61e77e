package org.insight.report.internal;

/**
 * Escaping for the three places a product puts text: HTML text and attribute values (quoted with {@code "}), and JSON
 * strings inside a {@code <script type="application/json">} block, where {@code </script>}, {@code <!--} and the line
 * separators U+2028/U+2029 must not appear raw.
 */
public final class Html {
  private Html() {}

  /** Text or a double-quoted attribute value. */
  public static String text(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        // harmless in HTML, but a line terminator to JavaScript: kept out in case text is ever pasted into a script
        case '\u2028' -> b.append("&#x2028;");
        case '\u2029' -> b.append("&#x2029;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
            b.append("&#xFFFD;"); // a control character is not allowed in HTML text
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** A JSON string literal that is safe inside a script block. */
  public static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
