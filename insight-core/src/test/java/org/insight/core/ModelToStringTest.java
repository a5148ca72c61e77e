package org.insight.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;

/**
 * Every public record of the model, built by reflection with a sentinel in each of its text components: its
 * {@code toString()} shows ids, types and labels, never a value, text, title or metadata — a log line must not
 * bypass the labels.
 */
class ModelToStringTest {
  /** Components that hold what a source said (and nested records' ones): never in a toString. */
  static final Set<String> VALUES = Set.of("value", "original", "text", "title", "metadata");
  static final Label LABEL = Label.of("SENTINEL_LABEL");

  static String sentinel(String component) {
    return "<<" + component + ">>";
  }

  @Test
  void noModelRecordPrintsAValue() throws Exception {
    List<Class<?>> records = modelRecords();
    assertTrue(records.size() >= 10, "found the model's records: " + records);
    for (Class<?> type : records) {
      if (type == EntityId.class || type == ContentHash.class) {
        continue; // an id is what a toString is for
      }
      Object instance = build(type);
      String text = instance.toString();
      for (String component : VALUES) {
        assertFalse(text.contains(sentinel(component)), type.getSimpleName() + " prints its " + component + ": " + text);
      }
      for (RecordComponent c : type.getRecordComponents()) {
        if (c.getType() == Label.class) {
          assertTrue(text.contains(LABEL.toString()), type.getSimpleName() + " shows its label: " + text);
        }
        if (c.getName().equals("id") && c.getType() == String.class) {
          assertTrue(text.contains(sentinel("id")), type.getSimpleName() + " shows its id: " + text);
        }
      }
    }
  }

  @Test
  void aDocumentsTextTitleAndMetadataStayOutOfItsToString() {
    Document d = new Document(null, ContentHash.of("secret".getBytes(StandardCharsets.UTF_8)), "Ivan's file",
        "Ivan Petrov moved the money", "en", Map.of("author", List.of("Ivan Petrov")), Optional.empty(), null, LABEL,
        Provenance.of("ds", "r1", "tika:TXTParser", null));
    assertFalse(d.toString().contains("Ivan"), d.toString());
    assertTrue(d.toString().contains(d.id()) && d.toString().contains("SENTINEL_LABEL"), d.toString());
  }

  /** The public records in this module's root package, nested ones included. */
  static List<Class<?>> modelRecords() throws URISyntaxException, java.io.IOException, ClassNotFoundException {
    Path classes = Path.of(Document.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("org/insight/core");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        String name = f.getFileName().toString().replace(".class", "");
        Class<?> c = Class.forName("org.insight.core." + name, false, Document.class.getClassLoader());
        if (c.isRecord() && java.lang.reflect.Modifier.isPublic(c.getModifiers())
            && !Throwable.class.isAssignableFrom(c.getEnclosingClass() == null ? c : c.getEnclosingClass())) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** An instance of {@code type} with a sentinel in each String component, other components valid samples. */
  static Object build(Class<?> type) throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      args[i] = sample(components[i].getType(), components[i].getGenericType(), components[i].getName());
    }
    Constructor<?> canonical = type.getDeclaredConstructor(types);
    return canonical.newInstance(args);
  }

  static Object sample(Class<?> type, Type generic, String component) throws ReflectiveOperationException {
    if (type == String.class) {
      return component.equals("hex") ? ContentHash.of(new byte[0]).hex() : sentinel(component);
    }
    if (type == EntityId.class) {
      return EntityId.of("ent-1");
    }
    if (type == ContentHash.class) {
      return ContentHash.of(new byte[] {1});
    }
    if (type == Label.class) {
      return LABEL;
    }
    if (type == SourceGrading.class) {
      return SourceGrading.UNGRADED;
    }
    if (type == Instant.class) {
      return Instant.EPOCH;
    }
    if (type == Provenance.class) {
      return Provenance.of(sentinel("dataset"), sentinel("recordId"), sentinel("method"), null);
    }
    if (type == Entity.class || type == Statement.class) {
      Statement s = new Statement(null, EntityId.of("ent-1"), "Person", "name", sentinel("value"), sentinel("original"),
          LABEL, Provenance.of("ds", "r1", "record:test", null));
      return type == Statement.class ? s : new Entity(EntityId.of("ent-1"), "Person", List.of(s));
    }
    if (type == int.class || type == double.class) {
      return type == int.class ? (Object) 0 : (Object) 0.5;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (type.isRecord()) {
      return build(type);
    }
    Type[] parameters = generic instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
    if (type == Optional.class) {
      return Optional.of(sample(raw(parameters[0]), parameters[0], component));
    }
    if (type == List.class) {
      return List.of(sample(raw(parameters[0]), parameters[0], component));
    }
    if (type == Set.class) {
      return Set.of(sample(raw(parameters[0]), parameters[0], component));
    }
    if (type == Map.class) {
      return Map.of(sentinel(component), sample(raw(parameters[1]), parameters[1], component));
    }
    throw new AssertionError("no sample for " + generic + " (" + component + "): teach this test the type");
  }

  static Class<?> raw(Type t) {
    return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
  }
}
