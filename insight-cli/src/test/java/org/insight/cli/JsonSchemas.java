package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.insight.core.json.ModelJson;

/** Validates CLI outputs against the JSON Schemas published in {@code docs/json}, and remembers which were used. */
final class JsonSchemas {
  static final Path DIR = Path.of("..", "docs", "json").toAbsolutePath().normalize();
  static final Set<String> VALIDATED = new ConcurrentSkipListSet<>();

  /** Reads the schemas (and their $refs to model.schema.json) from the files; nothing is fetched. */
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      b -> b.resourceLoaders(r -> r.resources(JsonSchemas::file)));

  private JsonSchemas() {}

  private static String file(String iri) {
    if (!iri.startsWith("file:")) {
      return null;
    }
    try {
      return Files.readString(Path.of(URI.create(iri)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts every JSON line of {@code text} is valid against {@code docs/json/<name>.schema.json}; returns the first. */
  static JsonNode valid(String name, String text) {
    Schema schema = REGISTRY.getSchema(SchemaLocation.of(DIR.resolve(name + ".schema.json").toUri().toString()));
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    assertFalse(lines.isEmpty(), name + ": no output to validate");
    for (String line : lines) {
      JsonNode node = ModelJson.read(line);
      List<Error> errors = schema.validate(node);
      assertTrue(errors.isEmpty(), name + ": " + errors + " in " + line);
      assertEquals(Render.JSON_FORMAT, node.get("format").asInt(), "every JSON output carries its format");
    }
    VALIDATED.add(name);
    return ModelJson.read(lines.get(0));
  }
}
