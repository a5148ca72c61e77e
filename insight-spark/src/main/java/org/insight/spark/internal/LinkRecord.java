package org.insight.spark.internal;

import com.esotericsoftware.kryo.DefaultSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.insight.match.MatchRecord;
import org.insight.policy.Label;

/**
 * A record of a link run as the RDD stages ship it: its side (0 left or dedupe, 1 right) and the fields of a
 * {@link RecordRows#RECORD} row in plain arrays (Java-serializable, unlike {@link MatchRecord}). The
 * {@link MatchRecord} is built once per deserialised copy, when first asked for. Not API.
 */
@DefaultSerializer(JavaSerializer.class)
public final class LinkRecord implements Externalizable {
  private static final long serialVersionUID = 1L;

  /** Run order: the left side first, then by id as Java compares strings (what an embedded run sorts by). */
  public static final Comparator<LinkRecord> RUN_ORDER = Comparator.comparingInt(LinkRecord::side)
      .thenComparing(LinkRecord::id);

  // not final: Externalizable fills them in after the no-argument constructor (written by hand, the record is
  // shuffled several times per candidate pair and reflective serialization of its arrays was the larger cost)
  private int side;
  private String id;
  private String dataset;
  private String[] properties;
  private String[][] values;
  private String label;
  private transient MatchRecord record;

  /** For deserialization only. */
  public LinkRecord() {}

  private LinkRecord(int side, MatchRecord r) {
    this.side = side;
    this.id = r.id();
    this.dataset = r.dataset();
    this.properties = new String[r.values().size()];
    this.values = new String[properties.length][];
    int i = 0;
    for (Map.Entry<String, List<String>> e : r.values().entrySet()) {
      properties[i] = e.getKey();
      values[i++] = e.getValue().toArray(new String[0]);
    }
    this.label = r.label() == null ? null : r.label().toString();
    this.record = r;
  }

  /** The record of a row whose first four fields are those of {@link RecordRows#RECORD}, on {@code side}. */
  public static LinkRecord of(Row row, int side) {
    return new LinkRecord(side, RecordRows.record(row));
  }

  public int side() {
    return side;
  }

  public String id() {
    return id;
  }

  /** The label's canonical text, or null. */
  public String label() {
    return label;
  }

  /** The match record (built on first use in this copy). */
  public MatchRecord record() {
    MatchRecord r = record;
    if (r == null) {
      Map<String, List<String>> v = new LinkedHashMap<>();
      for (int i = 0; i < properties.length; i++) {
        v.put(properties[i], List.of(values[i]));
      }
      r = MatchRecord.ofCleaned(id, dataset, v, label == null ? null : Label.parse(label));
      record = r;
    }
    return r;
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeByte(side);
    write(out, id);
    write(out, dataset);
    out.writeBoolean(label != null);
    if (label != null) {
      write(out, label);
    }
    out.writeInt(properties.length);
    for (int i = 0; i < properties.length; i++) {
      write(out, properties[i]);
      out.writeInt(values[i].length);
      for (String v : values[i]) {
        write(out, v);
      }
    }
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    side = in.readByte();
    id = read(in);
    dataset = read(in);
    label = in.readBoolean() ? read(in) : null;
    properties = new String[in.readInt()];
    values = new String[properties.length][];
    for (int i = 0; i < properties.length; i++) {
      properties[i] = read(in);
      values[i] = new String[in.readInt()];
      for (int j = 0; j < values[i].length; j++) {
        values[i][j] = read(in);
      }
    }
  }

  /** UTF-8 with an int length: {@code writeUTF} refuses strings over 64 KB. */
  private static void write(ObjectOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String read(ObjectInput in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return side + ":" + id + Arrays.toString(properties);
  }
}
