package org.insight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job run as a principal is fed that principal's view only: its answer over a workspace with invisible padding
 * (the same entity ids and names under another label, near-miss names, other writers) equals its answer over a
 * workspace holding only the visible statements, and no invisible statement ever reaches a Spark row.
 */
class WorkspaceSourceNoLeakTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  static final Label VISIBLE = Label.of("A");
  static final Label HIDDEN = Label.of("B");
  static final Principal WRITER = Principal.of("writer", "A", "B");
  static final Principal OTHER_WRITER = Principal.of("other-writer", "B");
  static final Principal READER = Principal.of("reader", "A");

  @TempDir Path tmp;

  @Test
  void invisibleStatementsNeverReachTheJob() {
    Random r = new Random(22);
    List<Entity> visible = new ArrayList<>();
    List<Entity> padding = new ArrayList<>();
    Dataset a = Dataset.of("a", VISIBLE, SourceGrading.parse("B2"));
    Dataset b = Dataset.of("b", HIDDEN, SourceGrading.parse("B2"));
    for (int i = 0; i < 30; i++) {
      String name = "Ivan Petrov " + r.nextInt(5);
      visible.add(a.entity("Person", "p" + i).id(new EntityId("p-" + i)).add("name", name).build());
      // the same id and name under a label the reader lacks, and a near miss
      padding.add(b.entity("Person", "p" + i).id(new EntityId("p-" + i)).add("name", name).add("name", name + "a")
          .build());
      padding.add(b.entity("Person", "q" + i).id(new EntityId("q-" + i)).add("name", name).build());
    }
    Path full = tmp.resolve("full");
    Path only = tmp.resolve("only-visible");
    try (Workspace ws = Workspace.open(full)) {
      try (Session s = ws.session(WRITER, CI)) {
        s.add(visible);
        s.add(padding.subList(0, padding.size() / 2));
      }
      try (Session s = ws.session(OTHER_WRITER, CI)) {
        s.add(padding.subList(padding.size() / 2, padding.size()));
      }
    }
    try (Workspace ws = Workspace.open(only); Session s = ws.session(WRITER, CI)) {
      s.add(visible);
    }
    List<Row> answer = job(full);
    assertEquals(job(only), answer);
    assertFalse(answer.isEmpty());
    try (Workspace ws = Workspace.open(full); Session s = ws.session(READER, CI)) {
      List<Row> rows = WorkspaceSource.statements(SparkTestSession.get(), s, "name").collectAsList();
      assertEquals(30, rows.size());
      rows.forEach(row -> assertEquals(VISIBLE.toString(), row.getAs("label")));
    }
  }

  /** A small job over the reader's view: how many statements per name, and the entities holding each name. */
  private static List<Row> job(Path workspace) {
    SparkSession spark = SparkTestSession.get();
    try (Workspace ws = Workspace.open(workspace); Session s = ws.session(READER, CI)) {
      return WorkspaceSource.statements(spark, s, "name")
          .groupBy("value")
          .agg(org.apache.spark.sql.functions.count("id").as("n"),
              org.apache.spark.sql.functions.sort_array(org.apache.spark.sql.functions.collect_set("entity_id")).as("ids"))
          .orderBy("value")
          .collectAsList();
    }
  }
}
