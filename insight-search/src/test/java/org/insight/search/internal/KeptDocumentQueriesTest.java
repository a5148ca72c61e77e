package org.insight.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.insight.core.Schema;
import org.insight.search.Visibility;
import org.insight.search.Query;
import org.junit.jupiter.api.Test;

/**
 * Kept document queries are the reader's own: a search never makes faster that of a reader who sees other labels
 * (which would tell that reader what was asked), and an expanding clause is never kept at all.
 */
class KeptDocumentQueriesTest {

  @Test
  void aKeptQueryServesOnlyReadersOfTheSameLabels() {
    try (LuceneStore store = LuceneStore.inMemory(Schema.defaults())) {
      Visibility secret = Visibility.of(Set.of("SECRET"));
      Visibility open = Visibility.of(Set.of("OPEN"));
      store.search(Query.parse("nightjar warden"), secret);
      assertEquals(1, store.keptDocumentQueries().size());
      store.search(Query.parse("nightjar warden"), secret);
      assertEquals(1, store.keptDocumentQueries().size(), "the same reader's labels find the kept query");

      store.search(Query.parse("nightjar warden"), open);
      assertEquals(2, store.keptDocumentQueries().size(), "another reader's labels build and keep their own");
      assertEquals(2, store.keptDocumentQueries().keySet().stream().map(DocumentQueries.Kept::visibility)
          .distinct().count());
      store.search(Query.parse("nightjar warden"), Visibility.of(Set.of("OPEN")));
      assertEquals(2, store.keptDocumentQueries().size(), "equal labels share, whoever holds them");
    }
  }

  @Test
  void clausesThatExpandOverWhatAReaderSeesAreNeverKept() {
    try (LuceneStore store = LuceneStore.inMemory(Schema.defaults())) {
      Visibility open = Visibility.of(Set.of("OPEN"));
      for (String q : List.of("night*", "nightjar~1", "warden AND night*", "NOT nightj*")) {
        store.search(Query.parse(q), open);
      }
      assertEquals(Set.of(), store.keptDocumentQueries().keySet());
    }
  }
}
