package org.insight.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.insight.core.Dataset;
import org.insight.core.ftm.FtmReader;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;

/** A FollowTheMoney list screens out of the box: no mapping, names in other scripts, sanctions shown with the hit. */
class FtmWatchListTest {
  static final String LIST = """
      {"id": "NK-petrov", "schema": "Person", "properties": {"name": ["Ivan Petrov"], "birthDate": ["1975-03-14"], "nationality": ["ru"], "topics": ["sanction"]}}
      {"id": "NK-diallo", "schema": "Person", "properties": {"name": ["Amina Diallo"], "topics": ["role.pep"]}}
      {"id": "NK-rossi", "schema": "Person", "properties": {"name": ["Marco Rossi"], "birthDate": ["1980"], "topics": ["wanted", "crime"]}, "datasets": ["interpol_red_notices", "fr_wanted"], "referents": ["irn-2019-1234"]}
      {"id": "san-1", "schema": "Sanction", "properties": {"entity": ["NK-petrov"], "program": ["EU-RUS"], "authority": ["Council of the EU"], "listingDate": ["2022-02-28"], "reason": ["Asset freeze"]}}
      {"id": "NK-acme", "schema": "Company", "properties": {"name": ["Acme Holdings"]}}
      {"id": "jet", "schema": "Airplane", "properties": {"name": ["Learjet"]}}
      """;

  static FtmWatchList list() {
    return FtmWatchList.read(new ByteArrayInputStream(LIST.getBytes(StandardCharsets.UTF_8)), "list.ftm.jsonl",
        FtmReader.builder(Dataset.of("eu-sanctions", Label.of("OPEN"), SourceGrading.parse("A1"))).build());
  }

  @Test
  void anImportedListScreensANameWrittenInAnotherScript() {
    FtmWatchList list = list();
    assertEquals(3, list.size());
    assertEquals(Map.of("Company", 1L), list.notScreened());
    assertEquals(1, list.problemCount(), "the Airplane: " + list.problems());
    List<ScreeningHit> hits = list.screening().candidates(ScreeningQuery.of("Иван Петров").withBirthDate("1975"), 3);
    assertFalse(hits.isEmpty());
    ScreeningHit top = hits.get(0);
    assertEquals("NK-petrov", top.id());
    assertEquals("eu-sanctions", top.dataset());
    assertTrue(top.probability() > 0.5, "p=" + top.probability());
    assertEquals(Map.of("topics", List.of("sanction"),
            "sanction", List.of("EU-RUS (Council of the EU, listed 2022-02-28): Asset freeze")),
        list.attributes(top.id()));
    assertEquals(Map.of("topics", List.of("role.pep")), list.attributes("NK-diallo"));
    assertEquals(Map.of("topics", List.of("crime", "wanted"), "datasets", List.of("fr_wanted", "interpol_red_notices"),
        "referents", List.of("irn-2019-1234")), list.attributes("NK-rossi"));
    assertEquals(Map.of(), list.attributes("NK-nobody"));
    ScreeningHit rossi = list.screen(ScreeningQuery.of("Марко Росси"), 1).get(0);
    assertEquals("NK-rossi", rossi.id());
    assertEquals(list.attributes("NK-rossi"), rossi.attributes(), "the hit carries what the list says");

    List<ScreeningHit> arabic = list.screening().candidates(ScreeningQuery.of("أمينة ديالو"), 3);
    assertEquals("NK-diallo", arabic.get(0).id());
  }

  @Test
  void topLevelDatasetsAndReferentsAreReadAndABadOneIsReported() {
    List<FtmReader.Read> reads = FtmReader.builder(Dataset.of("l", Label.of("OPEN"), SourceGrading.UNGRADED)).build()
        .readAll(new ByteArrayInputStream("""
            {"id": "a", "schema": "Person", "properties": {"name": ["A"]}, "datasets": ["x", "y"], "referents": ["r1"]}
            {"id": "b", "schema": "Person", "properties": {"name": ["B"]}, "datasets": [7]}
            """.getBytes(StandardCharsets.UTF_8)), "l.jsonl");
    assertEquals(List.of("x", "y"), reads.get(0).datasets());
    assertEquals(List.of("r1"), reads.get(0).referents());
    assertEquals(List.of(), reads.get(1).datasets());
    assertEquals(1, reads.get(1).problems().size());
    assertTrue(reads.get(1).problems().get(0).message().contains("datasets (top-level) holds a number"),
        reads.get(1).problems().toString());
    assertTrue(reads.get(1).entity().isPresent(), "the rest of the entity loads");
  }
}
