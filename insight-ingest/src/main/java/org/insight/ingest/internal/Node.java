package org.insight.ingest.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable result of extracting one item in a worker, encoded on the wire between a worker process and the
 * host. Plain fields and a hand-written encoding (no Java serialization: the host must not deserialise objects
 * a compromised worker chose).
 */
public final class Node {
  static final int MAX_CHILDREN_ON_WIRE = 1_000_000;
  /** A worker sends an embedded item's bytes inline only up to {@link Spool#ITEM_MAX}; more is a broken worker. */
  static final int MAX_INLINE_ON_WIRE = Spool.ITEM_MAX;

  public String sha256 = "";
  public long size;
  public String name = "";
  public List<String> containers = new ArrayList<>();
  public String mediaType = "";
  public String parser = "";
  public String text = "";
  public boolean textTruncated;
  public Map<String, List<String>> metadata = new LinkedHashMap<>();
  /** OCR: engine "" when OCR did not run. */
  public String ocrEngine = "";
  public String ocrLanguages = "";
  public double ocrConfidence;
  public int ocrPages;
  /** "" when ingested, else a QuarantineReason name. */
  public String quarantine = "";
  public String message = "";
  /** Where the item's bytes are (a temp file for a large embedded item), "" when in memory or not kept. */
  public String bytesFile = "";
  /** A small embedded item's bytes, carried with the result instead of a temp file; null when not in memory. */
  public byte[] bytes;
  public List<Node> children = new ArrayList<>();
  /** A message's body parts, which Tika hands over as embedded items; folded into the text, never on the wire. */
  final StringBuilder inlineText = new StringBuilder();

  public Node quarantine(String reason, String why) {
    this.quarantine = reason;
    this.message = why;
    return this;
  }

  /** Records where the item's bytes are: in memory, or the file they were spilled to. */
  void keep(Spool.Bytes kept) {
    if (kept.inMemory()) {
      bytes = kept.bytes();
      bytesFile = "";
    } else {
      bytes = null;
      bytesFile = kept.file().toString();
    }
  }

  public boolean isQuarantined() {
    return !quarantine.isEmpty();
  }

  public void write(DataOutputStream out) throws IOException {
    writeString(out, sha256);
    out.writeLong(size);
    writeString(out, name);
    out.writeInt(containers.size());
    for (String c : containers) {
      writeString(out, c);
    }
    writeString(out, mediaType);
    writeString(out, parser);
    writeString(out, text);
    out.writeBoolean(textTruncated);
    out.writeInt(metadata.size());
    for (Map.Entry<String, List<String>> e : metadata.entrySet()) {
      writeString(out, e.getKey());
      out.writeInt(e.getValue().size());
      for (String v : e.getValue()) {
        writeString(out, v);
      }
    }
    writeString(out, ocrEngine);
    writeString(out, ocrLanguages);
    out.writeDouble(ocrConfidence);
    out.writeInt(ocrPages);
    writeString(out, quarantine);
    writeString(out, message);
    writeString(out, bytesFile);
    out.writeInt(bytes == null ? -1 : bytes.length);
    if (bytes != null) {
      out.write(bytes);
    }
    out.writeInt(children.size());
    for (Node c : children) {
      c.write(out);
    }
  }

  public static Node read(DataInputStream in) throws IOException {
    Node n = new Node();
    n.sha256 = readString(in);
    n.size = in.readLong();
    n.name = readString(in);
    int containers = count(in.readInt());
    for (int i = 0; i < containers; i++) {
      n.containers.add(readString(in));
    }
    n.mediaType = readString(in);
    n.parser = readString(in);
    n.text = readString(in);
    n.textTruncated = in.readBoolean();
    int fields = count(in.readInt());
    for (int i = 0; i < fields; i++) {
      String key = readString(in);
      int values = count(in.readInt());
      List<String> vs = new ArrayList<>(Math.min(values, 64));
      for (int j = 0; j < values; j++) {
        vs.add(readString(in));
      }
      n.metadata.put(key, vs);
    }
    n.ocrEngine = readString(in);
    n.ocrLanguages = readString(in);
    n.ocrConfidence = in.readDouble();
    n.ocrPages = in.readInt();
    n.quarantine = readString(in);
    n.message = readString(in);
    n.bytesFile = readString(in);
    int inline = in.readInt();
    if (inline < -1 || inline > MAX_INLINE_ON_WIRE) {
      throw new IOException("bad inline item length on the worker wire: " + inline);
    }
    if (inline >= 0) {
      n.bytes = in.readNBytes(inline);
      if (n.bytes.length != inline) {
        throw new IOException("worker output ended inside an item's bytes");
      }
    }
    int children = count(in.readInt());
    for (int i = 0; i < children; i++) {
      n.children.add(read(in));
    }
    return n;
  }

  private static int count(int n) throws IOException {
    if (n < 0 || n > MAX_CHILDREN_ON_WIRE) {
      throw new IOException("bad count on the worker wire: " + n);
    }
    return n;
  }

  /** Strings as a length-prefixed UTF-8 byte array (writeUTF is limited to 64 KB). */
  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(DataInputStream in) throws IOException {
    int len = in.readInt();
    if (len < 0 || len > 512 * 1024 * 1024) {
      throw new IOException("bad string length on the worker wire: " + len);
    }
    byte[] b = in.readNBytes(len);
    if (b.length != len) {
      throw new IOException("worker output ended inside a string");
    }
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }
}
