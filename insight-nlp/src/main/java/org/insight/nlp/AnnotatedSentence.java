package org.insight.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.insight.core.InvalidDataException;

/**
 * A sentence annotated with its entities, in OpenNLP's name-finder format: one sentence a line, tokens separated by
 * spaces, each entity between {@code <START:type>} and {@code <END>} (themselves space-separated tokens), e.g.
 * {@code Officers stopped <START:person> Ivan Petrov <END> near <START:location> Lyon <END> .}. Blank lines separate
 * documents; lines starting with {@code #} are comments.
 *
 * @param sentence the sentence's tokens joined by single spaces
 * @param entities its entities, offsets in the sentence's text, types as {@link EntitySpan#schemaType(String)}
 * @param tags the annotation tag of each entity, as written ({@code person})
 * @param documentStart whether a blank line (a new document) came before it
 */
public record AnnotatedSentence(Sentence sentence, List<EntitySpan> entities, List<String> tags, boolean documentStart) {

  /** Copies the lists. */
  public AnnotatedSentence {
    Objects.requireNonNull(sentence, "sentence");
    entities = List.copyOf(entities);
    tags = List.copyOf(tags);
  }

  /**
   * Reads annotated sentences from a UTF-8 file.
   *
   * @throws InvalidDataException listing every malformed line (line number and what is wrong)
   */
  public static List<AnnotatedSentence> read(Path file) {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the annotated sentences in " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses annotated sentences, one a line.
   *
   * @throws InvalidDataException listing every malformed line (line number and what is wrong); nothing is returned
   */
  public static List<AnnotatedSentence> parse(List<String> lines) {
    List<AnnotatedSentence> out = new ArrayList<>();
    List<InvalidDataException.Problem> problems = new ArrayList<>();
    boolean newDocument = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        newDocument = true;
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      try {
        checkNesting(line);
        NameSample sample = NameSample.parse(line, newDocument);
        String[] words = sample.getSentence();
        if (words.length == 0) {
          throw new IllegalArgumentException("no tokens");
        }
        Sentence sentence = Sentence.ofTokens(Arrays.asList(words));
        List<EntitySpan> entities = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (Span name : sample.getNames()) {
          if (name.getStart() >= name.getEnd()) {
            throw new IllegalArgumentException("an empty entity <START:" + name.getType() + "> <END>");
          }
          Token first = sentence.tokens().get(name.getStart());
          Token last = sentence.tokens().get(name.getEnd() - 1);
          String tag = name.getType() == null ? "default" : name.getType();
          entities.add(new EntitySpan(first.start(), last.end(), sentence.text().substring(first.start(), last.end()),
              EntitySpan.schemaType(tag), 1.0));
          tags.add(tag);
        }
        out.add(new AnnotatedSentence(sentence, entities, tags, newDocument));
        newDocument = false;
      } catch (IOException | RuntimeException e) {
        problems.add(new InvalidDataException.Problem("line " + (i + 1),
            (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + "; write tokens separated by spaces and entities as <START:person> Ivan Petrov <END>"));
        if (problems.size() >= 100) {
          break;
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDataException(problems);
    }
    return out;
  }

  /** OpenNLP's parser accepts an unclosed {@code <START:…>}: refuse it, a stray {@code <END>} and nesting. */
  private static void checkNesting(String line) {
    boolean open = false;
    for (String token : line.split("\\s+")) {
      if (token.startsWith("<START")) {
        if (open) {
          throw new IllegalArgumentException("an entity opened inside another (" + token + ")");
        }
        open = true;
      } else if (token.equals("<END>")) {
        if (!open) {
          throw new IllegalArgumentException("<END> without a <START:type> before it");
        }
        open = false;
      }
    }
    if (open) {
      throw new IllegalArgumentException("a <START:type> without its <END>");
    }
  }
}
