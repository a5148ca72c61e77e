package org.insight.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.insight.core.Document;
import org.insight.core.Statement;
import org.insight.core.json.ModelJson;
import org.insight.search.Scan;
import org.insight.spark.internal.extract.ItemRows;
import org.insight.workspace.Page;
import org.insight.workspace.Session;

/**
 * A job's input read from a workspace as a principal: only what the session may see ever reaches Spark. The rows are
 * read through the session's one read path (a visible-data scan, audited once; documents page by page, audited per
 * page), on the driver, and handed to Spark as a data frame — so a job run "as" a principal is given that principal's
 * view and nothing else; it never opens the workspace's index itself. Driver-bound: for inputs larger than the
 * driver's memory, export the session's view (FtM export) to files and read those.
 */
public final class WorkspaceSource {
  /** The columns of {@link #statements}. */
  public static final StructType STATEMENT_COLUMNS = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("entity_id", DataTypes.StringType, false)
      .add("schema", DataTypes.StringType, false)
      .add("property", DataTypes.StringType, false)
      .add("value", DataTypes.StringType, false)
      .add("label", DataTypes.StringType, false)
      .add("dataset", DataTypes.StringType, false)
      .add("json", DataTypes.StringType, false);

  private static final int PAGE = 500;

  private WorkspaceSource() {}

  /**
   * The statements of {@code properties} the session may see ({@link Session#scanStatements}), one row each
   * ({@link #STATEMENT_COLUMNS}; {@code json} is the statement's full JSON form, label and provenance included).
   */
  public static Dataset<Row> statements(SparkSession spark, Session session, String... properties) {
    Objects.requireNonNull(session, "session");
    List<Row> rows = new ArrayList<>();
    try (Scan<Statement> scan = session.scanStatements(properties)) {
      for (Statement s : scan) {
        rows.add(RowFactory.create(s.id(), s.entityId().value(), s.schema(), s.property(), s.value(),
            s.label().toString(), s.provenance().dataset(), ModelJson.write(ModelJson.statement(s))));
      }
    }
    return spark.createDataFrame(rows, STATEMENT_COLUMNS);
  }

  /**
   * The documents the session may see ({@link Session#documents}), as rows of an extraction's output
   * ({@link ExtractJob#ITEM_COLUMNS}, kind {@code document}), so a job reads them as it reads extracted ones.
   */
  public static Dataset<Row> documents(SparkSession spark, Session session) {
    Objects.requireNonNull(session, "session");
    List<Row> rows = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      Page<Document> page = session.documents(offset, PAGE);
      page.items().forEach(d -> rows.add(ItemRows.document(d)));
      if (page.items().size() < PAGE) {
        break;
      }
    }
    return spark.createDataFrame(rows, ItemRows.SCHEMA);
  }
}
