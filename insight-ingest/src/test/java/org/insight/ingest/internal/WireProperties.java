package org.insight.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The worker wire: what a worker writes, the host reads back unchanged, including stray output before a frame. */
class WireProperties {

  @Property(tries = 200)
  void nodesRoundTrip(@ForAll @StringLength(max = 40) String name, @ForAll String text,
      @ForAll @Size(max = 4) List<@StringLength(max = 10) String> containers,
      @ForAll @Size(max = 3) Map<@StringLength(max = 8) String, @Size(max = 3) List<@StringLength(max = 12) String>> meta,
      @ForAll @IntRange(min = 0, max = 3) int children, @ForAll long size) throws IOException {
    Node n = node(name, text, containers, meta, size);
    for (int i = 0; i < children; i++) {
      n.children.add(node(name + i, text + i, containers, meta, i));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write("stray parser output\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.writeInt(WorkerMain.RESPONSE);
    n.write(out);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    ProcessEngine.awaitMagic(in, WorkerMain.RESPONSE);
    Node back = Node.read(in);
    assertEquals(describe(n), describe(back));
  }

  private static Node node(String name, String text, List<String> containers, Map<String, List<String>> meta,
      long size) {
    Node n = new Node();
    n.name = name;
    n.text = text;
    n.size = size;
    n.containers.addAll(containers);
    n.metadata.putAll(meta);
    n.sha256 = "ab".repeat(32);
    n.mediaType = "text/plain";
    n.ocrEngine = size % 2 == 0 ? "tesseract@5" : "";
    n.ocrConfidence = 0.5;
    n.ocrPages = (int) (size & 7);
    n.textTruncated = size % 3 == 0;
    if (size % 5 == 0) {
      n.quarantine("CORRUPT", "bad " + name);
    }
    if (size % 2 != 0) {
      n.bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8); // a small embedded item's bytes, inline
    } else {
      n.bytesFile = "/tmp/e" + size + ".bin";
    }
    return n;
  }

  private static String describe(Node n) {
    StringBuilder sb = new StringBuilder();
    sb.append(List.of(n.sha256, n.size, n.name, n.containers, n.mediaType, n.parser, n.text, n.textTruncated,
        n.metadata, n.ocrEngine, n.ocrLanguages, n.ocrConfidence, n.ocrPages, n.quarantine, n.message, n.bytesFile,
        n.bytes == null ? "no inline bytes" : java.util.HexFormat.of().formatHex(n.bytes)));
    for (Node c : n.children) {
      sb.append('[').append(describe(c)).append(']');
    }
    return sb.toString();
  }
}
