package org.insight.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the analyst syntax: total (only QuerySyntaxException), fast, deterministic, and print round-trips. */
class QueryParserProperties {

  private static final List<String> TOKENS = List.of("a", "b", "ab", "van", "Иван", "北京", "محمد", "7", "42", " ",
      " ", "  ", "\t", "\u00A0", "\u3000", "\"", "\"", "\\", "(", "(", ")", ")", ":", "*", "?", "~", "~2", "~3",
      "-", "+", "[", "]", "{", "}", " TO ", "TO", "AND", " AND ", "OR", " OR ", "NOT", " NOT ", "and", "name:",
      "phone:", "id:", "type:", "near:", "near:48.85,2.35,10km", "near:1,2,500m", "date:", "birthDate:", "text:",
      "dataset:", "1970", "2026-01", ",", ".", "@", "\uD83D\uDE00", "\uD800", "é", "x_y-z:");

  @Provide
  Arbitrary<String> grammarish() {
    Arbitrary<String> tokens = Arbitraries.of(TOKENS).list().ofMaxSize(40).map(l -> String.join("", l));
    Arbitrary<String> chars = Arbitraries.strings()
        .withChars("ab yz()\"\\:*?~-+[]{}TOANDRNé И北\u00A0,.09")
        .ofMaxLength(60);
    // near-valid text: a printed clause tree with one character inserted or deleted
    Arbitrary<String> mutated = Combinators.combine(clauses(), Arbitraries.integers().between(0, 10_000),
            Arbitraries.of('(', ')', '"', '\\', ':', '*', '~', '-', ' ', '[', ']', 'x'), Arbitraries.of(true, false))
        .as((c, at, ch, insert) -> {
          String s = QueryParser.print(c);
          int i = at % (s.length() + 1);
          return insert ? s.substring(0, i) + ch + s.substring(i)
              : i < s.length() ? s.substring(0, i) + s.substring(i + 1) : s;
        });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, mutated),
        net.jqwik.api.Tuple.of(6, tokens),
        net.jqwik.api.Tuple.of(3, chars),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(80)));
  }

  /** Either a clause or a QuerySyntaxException; never another exception, never slow. */
  @Property(tries = 3000)
  void anyStringParsesOrFailsWithSyntaxError(@ForAll("grammarish") String text) {
    long t0 = System.nanoTime();
    try {
      assertNotNull(QueryParser.parse(text));
    } catch (QuerySyntaxException e) {
      assertTrue(e.position() >= 0 && e.position() <= text.length(), () -> "position " + e.position());
      assertEquals(text, e.query());
    } catch (RuntimeException | StackOverflowError e) {
      fail("not a QuerySyntaxException for " + show(text), e);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 1_000, () -> "took " + ms + " ms for " + show(text));
  }

  /** The same text gives the same clause, or the same error at the same position. */
  @Property(tries = 1000)
  void parsingIsDeterministic(@ForAll("grammarish") String text) {
    assertEquals(outcome(text), outcome(text));
  }

  /** parse(print(c)) == c for clause trees the parser can produce. */
  @Property(tries = 2000)
  void printRoundTrips(@ForAll("clauses") Clause c) {
    String printed = QueryParser.print(c);
    assertEquals(c, QueryParser.parse(printed), () -> "printed as " + show(printed));
    assertEquals(printed, QueryParser.print(QueryParser.parse(printed)));
  }

  /** What the parser produces, printed and parsed again, is the same tree. */
  @Property(tries = 1000)
  void parsedQueriesRoundTrip(@ForAll("grammarish") String text) {
    Clause c;
    try {
      c = QueryParser.parse(text);
    } catch (QuerySyntaxException e) {
      return;
    }
    assertEquals(c, QueryParser.parse(QueryParser.print(c)), () -> show(text));
  }

  private static Object outcome(String text) {
    try {
      return QueryParser.parse(text);
    } catch (QuerySyntaxException e) {
      return List.of(e.position(), e.getMessage());
    }
  }

  // ------------------------------------------------------------------ clause trees

  private static final Set<String> RESERVED = Set.of("name", "id", "identifier", "type", "dataset", "text", "title",
      "near", "date", "any", "phone", "iban", "passport", "email", "imei", "bic", "vin", "national-id");

  @Provide
  Arbitrary<Clause> clauses() {
    return clause(3);
  }

  private Arbitrary<Clause> clause(int depth) {
    if (depth == 0) {
      return leaf();
    }
    Arbitrary<Clause> sub = Arbitraries.lazy(() -> clause(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, leaf()),
        net.jqwik.api.Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).map(l -> (Clause) new Clause.And(l))),
        net.jqwik.api.Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).map(l -> (Clause) new Clause.Or(l))),
        net.jqwik.api.Tuple.of(1, sub.map(x -> (Clause) new Clause.Not(x))));
  }

  /** A bare word: starts with a letter or digit, no operators or syntax characters, not a keyword. */
  private static Arbitrary<String> word() {
    Arbitrary<String> first = Arbitraries.strings().withChars("abcxyzANDORTéИвнП北京م0123456789").ofLength(1);
    Arbitrary<String> rest = Arbitraries.strings().withChars("abcxyzANDORTéИвнП北京م0123456789.@'-_/").ofMaxLength(6);
    return Combinators.combine(first, rest).as(String::concat)
        .filter(w -> !w.equals("AND") && !w.equals("OR") && !w.equals("NOT"));
  }

  /** Any non-blank text, syntax characters included (for quoted values). */
  private static Arbitrary<String> anyText() {
    Arbitrary<String> syntaxHeavy = Arbitraries.strings()
        .withChars("ab Иван北京\"\\()[]{}:*?~+-AND OR\t\u00A0é.,")
        .ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> anything = Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMinLength(1).ofMaxLength(8);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, syntaxHeavy), net.jqwik.api.Tuple.of(1, anything))
        .filter(s -> !QueryParser.isBlankWs(s));
  }

  private static Arbitrary<String> propertyName() {
    return Combinators.combine(Arbitraries.strings().withChars("abcqzXY").ofLength(1),
            Arbitraries.strings().withChars("abcqzXY019_-").ofMaxLength(8))
        .as(String::concat)
        .filter(s -> !RESERVED.contains(s.toLowerCase(Locale.ROOT)));
  }

  private static Arbitrary<String> date() {
    return Arbitraries.of("1970", "1980", "2026-01", "2026-01-31", "1000", "1975-03-15");
  }

  private static Arbitrary<String> textField() {
    return Arbitraries.of("text", "title", "").map(s -> s.isEmpty() ? null : s);
  }

  private static Arbitrary<String> wildcardPattern() {
    Arbitrary<String> lit = Arbitraries.strings().withChars("abИв北0").ofMinLength(2).ofMaxLength(4);
    Arbitrary<String> wild = Arbitraries.of("*", "?", "*?");
    Arbitrary<String> tail = Arbitraries.strings().withChars("ab*?в").ofMaxLength(3);
    return Combinators.combine(lit, wild, tail).as((a, b, c) -> a + b + c);
  }

  private static Arbitrary<Double> coordinate(double max) {
    return Arbitraries.doubles().between(-max, max).ofScale(4).map(d -> d + 0.0);
  }

  private static Arbitrary<Clause> leaf() {
    List<Arbitrary<Clause>> all = new ArrayList<>();
    all.add(Combinators.combine(textField(), word()).as((f, w) -> new Clause.Text(f, w)));
    all.add(Combinators.combine(textField(), anyText()).as((f, w) -> new Clause.Phrase(f, w)));
    all.add(Combinators.combine(Arbitraries.oneOf(textField(), Arbitraries.just("name"), propertyName()),
        wildcardPattern()).as((f, w) -> new Clause.Wildcard(f, w)));
    all.add(Combinators.combine(Arbitraries.oneOf(textField(), Arbitraries.just("name"), propertyName()), word(),
        Arbitraries.integers().between(0, 2)).as((f, w, e) -> new Clause.Fuzzy(f, w, e)));
    all.add(anyText().map(Clause.Name::new));
    all.add(anyText().map(Clause.AnyOf::new));
    all.add(Combinators.combine(Arbitraries.of("", "phone", "iban", "passport", "email", "imei", "bic", "vin",
        "national-id"), anyText()).as((s, v) -> new Clause.Identifier(s.isEmpty() ? null : s, v)));
    all.add(Combinators.combine(propertyName(), anyText()).as(Clause.Property::new));
    all.add(anyText().map(Clause.Type::new));
    all.add(anyText().map(Clause.Dataset::new));
    all.add(Combinators.combine(Arbitraries.oneOf(Arbitraries.just(""), propertyName()),
            date().injectNull(0.3), date().injectNull(0.3))
        .filter((p, a, b) -> a != null || b != null)
        // a range that ends before it starts is refused (issue 14, finding 8)
        .filter((p, a, b) -> a == null || b == null
            || org.insight.search.internal.PartialDates.bound(a)[0] <= org.insight.search.internal.PartialDates.bound(b)[1])
        .as((p, a, b) -> new Clause.DateRange(p.isEmpty() ? null : p, a, b)));
    all.add(Combinators.combine(coordinate(90), coordinate(180),
            Arbitraries.doubles().between(0.001, 20_038).ofScale(3))
        .as(Clause.Near::new));
    List<Arbitrary<? extends Clause>> alternatives = new ArrayList<>(all);
    return Arbitraries.oneOf(alternatives);
  }

  private static String show(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> sb.append(cp < 0x20 || cp > 0x7e ? String.format("\\u%04X", cp)
        : String.valueOf((char) cp)));
    return sb.toString();
  }
}
