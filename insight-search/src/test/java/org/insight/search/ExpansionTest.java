package org.insight.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regression tests of issue 14, finding 3: wildcard and fuzzy words expand over the words of visible data only, so
 * invisible words can neither push a wildcard over its cap (an answer turning into an error) nor take a visible
 * word's place among a fuzzy word's nearest ones. Each test searches, adds invisible padding designed to move the
 * answer, and searches again.
 */
class ExpansionTest {
  private static final Visibility OPEN = Visibility.of(Set.of("OPEN"));
  private Path dir;
  private Index index;
  private int next;

  @BeforeEach
  void open() throws IOException {
    dir = Files.createTempDirectory("expansion");
    index = Index.open(dir, Schema.defaults());
  }

  @AfterEach
  void close() throws IOException {
    index.close();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private void notes(String label, List<String> values) {
    List<Statement> out = new ArrayList<>();
    for (String v : values) {
      String id = "e" + next++;
      out.add(Statement.of(EntityId.of(id), "Person", "notes", v, null, Label.of(label),
          Provenance.of("ds", id, "record:api", SourceGrading.UNGRADED)));
    }
    index.write(out, List.of());
  }

  private static List<String> words(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + letters(i));
    }
    return out;
  }

  /** {@code i} in base 26 with letters, 4 of them: words the analyzers keep whole. */
  private static String letters(int i) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 4; k++) {
      sb.append((char) ('a' + i % 26));
      i /= 26;
    }
    return sb.reverse().toString();
  }

  private String view(String query) {
    try {
      SearchResult r = index.search(Query.parse(query).limit(50), OPEN);
      StringBuilder sb = new StringBuilder("total=" + r.total());
      r.hits().forEach(h -> sb.append(' ').append(h.id()).append(String.format(Locale.ROOT, "@%.6f", h.score())));
      return sb.toString();
    } catch (QuerySyntaxException e) {
      return "error: " + e.getMessage();
    }
  }

  @Test
  void aWildcardWithVisibleWordsUnderTheCapAnswersWhateverInvisibleWordsShareItsPrefix() {
    notes("OPEN", words("nightjar", 1_000));
    String before = view("nightjar*");
    assertTrue(before.startsWith("total=1000 "), before);
    notes("SECRET", List.of("nightjar"));
    notes("SECRET", words("nightjarz", 200));
    assertEquals(before, view("nightjar*"));
  }

  @Test
  void aWildcardOverTheCapIsRefusedForVisibleWordsOnlyWithAClearMessage() {
    notes("OPEN", words("nightjar", 1_001));
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
        () -> index.search(Query.parse("nightjar*"), OPEN));
    assertTrue(e.getMessage().contains("more than 1000 different words in the data you can see"), e.getMessage());
  }

  @Test
  void invisibleNearMissesNeverPushAVisibleWordOutOfAFuzzyWordsNearest() {
    notes("OPEN", List.of("nightjar"));
    String before = view("nightjax~");
    assertTrue(before.startsWith("total=1 "), before);
    // 60 words one edit from the query that sort before 'nightjar': Lucene's own top-50 would keep them instead
    List<String> nearMisses = new ArrayList<>();
    String q = "nightjax";
    for (int pos = 1; pos < q.length() && nearMisses.size() < 60; pos++) {
      for (char c = 'a'; c <= 'z' && nearMisses.size() < 60; c++) {
        String v = q.substring(0, pos) + c + q.substring(pos + 1);
        if (!v.equals(q) && !v.equals("nightjar") && v.compareTo("nightjar") < 0) {
          nearMisses.add(v);
        }
      }
    }
    notes("SECRET", nearMisses);
    assertEquals(before, view("nightjax~"));
  }

  @Test
  void theNearestVisibleWordsRankFirst() {
    notes("OPEN", List.of("nightjar", "nightjxr", "nightjaxx"));
    SearchResult r = index.search(Query.parse("nightjar~2").limit(10), OPEN);
    assertEquals(3, r.total());
    assertEquals("e0", r.hits().get(0).id(), "the exact word scores highest");
  }

  @Test
  void suggestionsCompleteFromVisibleNamesOnly() {
    List<Statement> out = new ArrayList<>();
    out.add(Statement.of(EntityId.of("v"), "Person", "name", "Zetawarden Ivanov", null, Label.of("OPEN"),
        Provenance.of("ds", "v", "record:api", SourceGrading.UNGRADED)));
    index.write(out, List.of());
    List<Suggestion> before = index.suggest("zetaw", 10, OPEN);
    assertEquals(1, before.size());
    List<Statement> padding = new ArrayList<>();
    for (String w : words("zetawa", 1_100)) {
      padding.add(Statement.of(EntityId.of("s" + w), "Person", "name", w, null, Label.of("SECRET"),
          Provenance.of("ds", "s" + w, "record:api", SourceGrading.UNGRADED)));
    }
    index.write(padding, List.of());
    assertEquals(before, index.suggest("zetaw", 10, OPEN));
  }
}
