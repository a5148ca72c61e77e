package org.insight.nlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.insight.Hashing;
import org.insight.InsightException;

/**
 * An {@link EntityRecognizer} over an Apache OpenNLP {@code TokenNameFinderModel} (maximum entropy over token,
 * shape and context features), loaded from a file or the class path, or trained by {@link NerTrainer}.
 *
 * <p>Its {@link #method()} is {@code ner:opennlp@} followed by the first 12 hex digits of the model file's SHA-256,
 * so two models never share a method and re-running the same model gives the same mentions. The project ships no
 * model: train one on data you may use ({@code insight nlp train-ner}), or load a model you are licensed to use.
 *
 * <p>Thread-safe: the model is shared, each call uses its own finder.
 */
public final class OpenNlpEntityRecognizer implements EntityRecognizer {

  private final TokenNameFinderModel model;
  private final byte[] bytes;
  private final String hash;
  private final Set<String> types;

  private OpenNlpEntityRecognizer(byte[] bytes) {
    this.bytes = bytes;
    try {
      this.model = new TokenNameFinderModel(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new InsightException("not an OpenNLP name-finder model (" + e.getMessage()
          + "); train one with 'insight nlp train-ner' or NerTrainer", e);
    }
    this.hash = sha256(bytes).substring(0, 12);
    Set<String> t = new LinkedHashSet<>();
    for (String outcome : outcomes(model)) {
      // BIO outcomes: "<type>-start", "<type>-cont", "other"
      int dash = outcome.lastIndexOf('-');
      if (dash > 0) {
        t.add(EntitySpan.schemaType(outcome.substring(0, dash)));
      }
    }
    this.types = Set.copyOf(t);
  }

  /** A recogniser over the model in this file. */
  public static OpenNlpEntityRecognizer load(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return new OpenNlpEntityRecognizer(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the NER model " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A recogniser over a model resource on the class path.
   *
   * @param resource the resource name, e.g. {@code models/en-ner-person.bin}
   * @param loader the class loader to look in (passed explicitly: no thread context class loader)
   */
  public static OpenNlpEntityRecognizer fromClasspath(String resource, ClassLoader loader) {
    Objects.requireNonNull(resource, "resource");
    try (InputStream in = Objects.requireNonNull(loader, "loader").getResourceAsStream(resource)) {
      if (in == null) {
        throw new InsightException("no NER model resource " + resource + " on the class path; check the name, or"
            + " load the model from a file with OpenNlpEntityRecognizer.load");
      }
      return new OpenNlpEntityRecognizer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the NER model resource " + resource, e);
    }
  }

  static OpenNlpEntityRecognizer of(TokenNameFinderModel trained) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      trained.serialize(out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not serialise the trained model", e);
    }
    return new OpenNlpEntityRecognizer(out.toByteArray());
  }

  /** Writes the model (atomically: a temporary file renamed into place). */
  public void save(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      Path abs = file.toAbsolutePath();
      if (abs.getParent() != null) {
        Files.createDirectories(abs.getParent());
      }
      Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
      Files.write(tmp, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the NER model to " + file + ": " + e.getMessage(), e);
    }
  }

  /** The first 12 hex digits of the model file's SHA-256. */
  public String modelHash() {
    return hash;
  }

  @Override
  public String method() {
    return "ner:opennlp@" + hash;
  }

  @Override
  public Set<String> types() {
    return types;
  }

  @Override
  public String language() {
    String l = model.getLanguage();
    return l == null || l.equals("und") ? "" : l;
  }

  @Override
  public List<EntitySpan> recognize(List<Sentence> sentences) {
    NameFinderME finder = new NameFinderME(model);
    List<EntitySpan> out = new ArrayList<>();
    for (Sentence s : sentences) {
      List<Token> tokens = s.tokens();
      if (tokens.isEmpty()) {
        continue;
      }
      String[] words = new String[tokens.size()];
      for (int i = 0; i < words.length; i++) {
        words[i] = tokens.get(i).text();
      }
      Span[] names = finder.find(words);
      double[] probs = finder.probs(names);
      for (int i = 0; i < names.length; i++) {
        Token first = tokens.get(names[i].getStart());
        Token last = tokens.get(names[i].getEnd() - 1);
        String text = s.text().substring(first.start() - s.start(), last.end() - s.start());
        out.add(new EntitySpan(first.start(), last.end(), text, EntitySpan.schemaType(names[i].getType()),
            Math.max(0, Math.min(1, probs[i]))));
      }
    }
    finder.clearAdaptiveData(); // one call is one document: what it learned about names stays with it
    return out;
  }

  private static List<String> outcomes(TokenNameFinderModel model) {
    List<String> out = new ArrayList<>();
    var m = model.getNameFinderSequenceModel();
    for (String o : m.getOutcomes()) {
      out.add(o);
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    return Hashing.sha256Hex(bytes);
  }
}
