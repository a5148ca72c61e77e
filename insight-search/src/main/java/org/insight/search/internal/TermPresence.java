package org.insight.search.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Which terms one index snapshot holds, whatever their label: the presearch's view of a batch. Each answer is looked
 * up once and remembered (many queries share terms). Not API.
 */
final class TermPresence {
  private final IndexReader reader;
  private final Map<String, TermsEnum> fields = new HashMap<>();
  private final Map<Term, Boolean> known = new HashMap<>();

  TermPresence(IndexReader reader) {
    this.reader = reader;
  }

  boolean has(Term term) throws IOException {
    Boolean cached = known.get(term);
    if (cached != null) {
      return cached;
    }
    TermsEnum it = terms(term.field());
    boolean present = it != null && it.seekExact(term.bytes());
    known.put(term, present);
    return present;
  }

  /** Whether some term of {@code field} is accepted by {@code automaton} (a scan of the field's terms). */
  boolean anyMatching(String field, ByteRunAutomaton automaton) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return false;
    }
    TermsEnum it = terms.iterator();
    for (BytesRef t = it.next(); t != null; t = it.next()) {
      if (automaton.run(t.bytes, t.offset, t.length)) {
        return true;
      }
    }
    return false;
  }

  private TermsEnum terms(String field) throws IOException {
    if (!fields.containsKey(field)) {
      Terms terms = MultiTerms.getTerms(reader, field);
      fields.put(field, terms == null ? null : terms.iterator());
    }
    return fields.get(field);
  }
}
