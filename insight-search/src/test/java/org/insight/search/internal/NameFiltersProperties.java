package org.insight.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.phonetic.DoubleMetaphoneFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.insight.names.Names;

/**
 * The name analyzers' cheaper steps ({@link NameFilters}) and the analyse-once replay of a document's name tokens
 * ({@link RecordedTokens}) give exactly the tokens — terms, positions, offsets — of the stock Lucene chain the index was
 * first built with (regex char filter and token filter, {@link DoubleMetaphoneFilter}), so indexes written before
 * and after hold the same terms and answer the same queries.
 */
class NameFiltersProperties {
  private static final Pattern ARABIC_ARTICLE = Pattern.compile("(?<![\\p{IsArabic}])ال(?!له)(?=\\p{IsArabic}{2,})");
  private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´ʹʻʼʽʾʿ]");

  /** A token with everything the index keeps of it. */

  @Property(tries = 300)
  void nameAnalyzerEqualsTheStockChain(@ForAll("texts") String text) {
    assertEquals(tokens(reference(false), text), tokens(Analysis.name(), text), text);
  }

  @Property(tries = 300)
  void phoneticAnalyzerEqualsTheStockChain(@ForAll("texts") String text) {
    assertEquals(tokens(reference(true), text), tokens(Analysis.namePhonetic(), text), text);
  }

  @Property(tries = 300)
  void replayedNameTokensEqualBothAnalyzers(@ForAll("texts") String text) {
    RecordedTokens once = Analysis.nameTokens(text);
    assertEquals(tokens(reference(false), text), StreamTokens.of(once.replay()), text);
    assertEquals(tokens(reference(true), text), StreamTokens.of(once.phonetic()), text);
    assertEquals(StreamTokens.of(once.replay()), StreamTokens.of(once.replay()), "a replay can be read again");
  }

  /** The folding every text and name field runs: the ASCII fast path gives ICU's terms (whitespace tokens keep punctuation). */
  @Property(tries = 500)
  void foldEqualsIcuFolding(@ForAll("foldTexts") String text) {
    for (boolean whitespace : new boolean[] {true, false}) {
      Tokenizer a = whitespace ? new org.apache.lucene.analysis.core.WhitespaceTokenizer() : new StandardTokenizer();
      Tokenizer b = whitespace ? new org.apache.lucene.analysis.core.WhitespaceTokenizer() : new StandardTokenizer();
      a.setReader(new java.io.StringReader(text));
      b.setReader(new java.io.StringReader(text));
      assertEquals(StreamTokens.of(new ICUFoldingFilter(a)), StreamTokens.of(new NameFilters.Fold(b)), text);
    }
  }

  @Provide
  Arbitrary<String> foldTexts() {
    Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30);
    Arbitrary<String> mixed = Arbitraries.strings().withCharRange('A', 'z').withChars("0123456789 éÉßẞİıŁøÆﬁ²½Ⅻ①ｱＡ٣Жж北ǅ")
        .ofMaxLength(30);
    return Arbitraries.oneOf(ascii, mixed, texts());
  }

  @Provide
  Arbitrary<String> texts() {
    List<String> words = new ArrayList<>(List.of("Petrov", "Moreau", "témoin", "Straße", "Пётр", "ИВАНОВ", "Шевченко",
        "الكتاب", "عبدالله", "الله", "محمد", "ال", "بالكتاب", "O'Brien", "d’Arc", "ʿAli", "'''", "`", "Dr.", "Mr",
        "Mrs", "Sheikh", "Dr", "123", "٣الكتاب", "٪الكتاب", "x-ray", "北京市", "東京", "Ñúñez", "Çelik", "Ωmega",
        "schmidt", "Xavier", "Wright", "Ghislaine", "Caesar", "Thompson", "Czerny", "", "Jean-Luc", "e-mail@x.org"));
    words.addAll(Names.honorifics().stream().limit(10).toList());
    Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(words),
        Arbitraries.strings().withCharRange('a', 'z').withChars("'’éßЖжاللهك٣ 北").ofMaxLength(8));
    Arbitrary<String> separator = Arbitraries.of(" ", "  ", "\n", ", ", ".", "-", "'", "؟", "،", "");
    return Arbitraries.oneOf(word, separator).list().ofMaxSize(25).map(parts -> String.join("", parts));
  }

  /** The name analyzer as it was first written: every step from Lucene, transliteration of non-ASCII tokens. */
  private static Analyzer reference(boolean phonetic) {
    CharArraySet honorifics = CharArraySet.unmodifiableSet(new CharArraySet(Names.honorifics(), false));
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new PatternReplaceCharFilter(ARABIC_ARTICLE, "ال ", reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new TransliterateNonAscii(source, Transliterator.getInstance(Names.TRANSLITERATOR_ID));
        ts = new ICUFoldingFilter(ts);
        ts = new PatternReplaceFilter(ts, APOSTROPHES, "", true);
        ts = new Analysis.LeadingHonorificFilter(ts, honorifics);
        if (phonetic) {
          ts = new DoubleMetaphoneFilter(ts, 4, false);
        }
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  private static final class TransliterateNonAscii extends TokenFilter {
    private final Transliterator transliterator;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    TransliterateNonAscii(TokenStream in, Transliterator transliterator) {
      super(in);
      this.transliterator = transliterator;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      String t = term.toString();
      if (t.chars().anyMatch(c -> c >= 0x80)) {
        term.setEmpty().append(transliterator.transliterate(t));
      }
      return true;
    }
  }

  private static List<StreamTokens.Token> tokens(Analyzer analyzer, String text) {
    return StreamTokens.of(analyzer.tokenStream("f", text));
  }
}
