package org.insight.spark.internal;

import com.esotericsoftware.kryo.DefaultSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
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
    write(out);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    read(in);
  }

  /** Writes the record's fields (what {@link #read} reads back). */
  void write(DataOutput out) throws IOException {
    out.writeByte(side);
    Codec.writeString(out, id);
    Codec.writeString(out, dataset);
    out.writeBoolean(label != null);
    if (label != null) {
      Codec.writeString(out, label);
    }
    out.writeInt(properties.length);
    for (int i = 0; i < properties.length; i++) {
      Codec.writeString(out, properties[i]);
      out.writeInt(values[i].length);
      for (String v : values[i]) {
        Codec.writeString(out, v);
      }
    }
  }

  /** Reads the fields {@link #write} wrote, into this record made by the no-argument constructor. */
  void read(DataInput in) throws IOException {
    side = in.readByte();
    id = Codec.readString(in);
    dataset = Codec.readString(in);
    label = in.readBoolean() ? Codec.readString(in) : null;
    properties = new String[in.readInt()];
    values = new String[properties.length][];
    for (int i = 0; i < properties.length; i++) {
      properties[i] = Codec.readString(in);
      values[i] = new String[in.readInt()];
      for (int j = 0; j < values[i].length; j++) {
        values[i][j] = Codec.readString(in);
      }
    }
  }

  @Override
  public String toString() {
    return side + ":" + id + Arrays.toString(properties);
  }
}
