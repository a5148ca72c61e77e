package org.insight.spark.internal.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.Mention;
import org.insight.core.Statement;
import org.insight.core.json.ModelJson;
import org.insight.ingest.IngestReport;

/**
 * One table for everything an extraction writes, partitioned by {@code kind}: {@code document}, {@code mention},
 * {@code statement} and {@code quarantine}. The readable columns serve queries and joins (label, dataset, record,
 * document id); {@code json} holds the whole item in the model's own JSON form ({@link ModelJson}), so label and
 * provenance — with the provenance chains a mention derives from — come back exactly as they were extracted.
 */
public final class ItemRows {
  public static final String DOCUMENT = "document";
  public static final String MENTION = "mention";
  public static final String STATEMENT = "statement";
  public static final String QUARANTINE = "quarantine";

  /** The columns, {@code kind} last (the partition column). */
  public static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("id", DataTypes.StringType, false),
      DataTypes.createStructField("label", DataTypes.StringType, false),
      DataTypes.createStructField("dataset", DataTypes.StringType, false),
      DataTypes.createStructField("record", DataTypes.StringType, false),
      DataTypes.createStructField("document_id", DataTypes.StringType, false),
      DataTypes.createStructField("content_hash", DataTypes.StringType, false),
      DataTypes.createStructField("reason", DataTypes.StringType, false),
      DataTypes.createStructField("message", DataTypes.StringType, false),
      DataTypes.createStructField("json", DataTypes.StringType, false),
      DataTypes.createStructField("kind", DataTypes.StringType, false)});

  private ItemRows() {}

  public static Row document(Document d) {
    return row(d.id(), requireLabel(d.label(), "document " + d.id()), d.provenance().dataset(),
        d.provenance().recordId(), d.parentId().orElse(""), d.contentHash().hex(), "", "",
        ModelJson.write(ModelJson.document(d)), DOCUMENT);
  }

  public static Row mention(Mention m) {
    return row(m.id(), requireLabel(m.label(), "mention " + m.id()), m.provenance().dataset(),
        m.provenance().recordId(), m.documentId(), "", "", "", ModelJson.write(ModelJson.mention(m)), MENTION);
  }

  public static Row statement(Statement s) {
    return row(s.id(), requireLabel(s.label(), "statement " + s.id()), s.provenance().dataset(),
        s.provenance().recordId(), "", s.provenance().contentHash().map(h -> h.hex()).orElse(""), "", "",
        ModelJson.write(ModelJson.statement(s)), STATEMENT);
  }

  /** A quarantined item: the reason and message the embedded ingest reports, and its bytes' hash ("" if unread). */
  public static Row quarantine(String dataset, String label, IngestReport.Failure f) {
    return row(f.path(), label, dataset, f.path(), "", f.sha256(), f.reason(), f.message(), "", QUARANTINE);
  }

  /** Every statement of the entities, one row each. */
  public static List<Row> statements(List<Entity> entities) {
    List<Row> out = new ArrayList<>();
    for (Entity e : entities) {
      for (Statement s : e.statements()) {
        out.add(statement(s));
      }
    }
    return out;
  }

  public static Document toDocument(Row r) {
    return ModelJson.document(ModelJson.read(r.getAs("json")));
  }

  public static Mention toMention(Row r) {
    return ModelJson.mention(ModelJson.read(r.getAs("json")));
  }

  public static Statement toStatement(Row r) {
    return ModelJson.statement(ModelJson.read(r.getAs("json")));
  }

  /** The columns of a row by name, for messages and tests. */
  public static Map<String, String> fields(Row r) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String f : SCHEMA.fieldNames()) {
      out.put(f, r.getAs(f));
    }
    return out;
  }

  /** A job never writes an item without its label (rule 3): an unlabelled one stops the task, it is never written. */
  private static String requireLabel(org.insight.policy.Label label, String what) {
    String text = label == null ? "" : label.toString();
    if (text.isBlank()) {
      throw new IllegalStateException(what + " has no label; an extraction never writes an unlabelled item");
    }
    return text;
  }

  private static Row row(Object... values) {
    return RowFactory.create(values);
  }
}
