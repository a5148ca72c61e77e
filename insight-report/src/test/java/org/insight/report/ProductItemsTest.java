package org.insight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.workspace.ProductItem;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductItemsTest {
  @TempDir Path dir;

  @Test
  void aProfilesItemsAreItsStatementsWithTheirLabelsAndTheWholeUnderItsBanner() {
    World world = World.of("Ivan Petrov", "Anna Berg", "Li Wei");
    try (Workspace ws = World.open(dir.resolve("ws"))) {
      world.write(ws, l -> true);
      Product p = Reports.of(ws.session(Principal.of("analyst", "A"), Purpose.CRIMINAL_INVESTIGATION), World.CLOCK)
          .profile(World.SUBJECT);
      List<ProductItem> expected = new ArrayList<>();
      p.sections(Section.Statements.class).forEach(st -> st.groups().forEach(g -> g.claims().forEach(c ->
          expected.add(new ProductItem(c.statementId(), c.label())))));
      expected.add(new ProductItem("product", p.banner().label().orElseThrow()));
      assertEquals(expected, ProductItems.of(p));
      assertEquals(true, expected.size() > 1, "the profile shows statements: " + expected);
    }
  }
}
