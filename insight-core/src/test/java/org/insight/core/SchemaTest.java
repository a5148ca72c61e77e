package org.insight.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
  private static final Schema S = Schema.defaults();

  private static InputStream json(String s) {
    // schema snippets are written with ' for readability
    return new ByteArrayInputStream(s.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  private static void rejected(String messagePart, String... files) {
    SchemaException e = assertThrows(SchemaException.class, () -> {
      Schema s = S;
      for (String f : files) {
        s = s.extend(json(f));
      }
    });
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  @Test
  void defaultsLoadOnceWithAllTypes() {
    assertSame(S, Schema.defaults());
    assertEquals("1.0.0", S.version());
    for (String t : List.of("Thing", "LegalEntity", "Person", "Organization", "Vehicle", "IdentityDocument",
        "Phone", "Email", "Address", "BankAccount", "CryptoWallet", "Location", "Event", "Document", "Associate",
        "Family", "Ownership", "Call", "Transfer", "TravelledWith", "SameAs", "CoLocated")) {
      assertTrue(S.find(t).isPresent(), t);
    }
    assertEquals(Optional.empty(), S.find("Mention"));
    assertTrue(S.type("Thing").isAbstract());
    assertFalse(S.type("Person").isAbstract());
  }

  @Test
  void inheritancePutsInheritedPropertiesFirst() {
    EntityType person = S.type("Person");
    List<String> names = List.copyOf(person.properties().keySet());
    assertEquals("name", names.get(0)); // from Thing
    assertTrue(names.indexOf("email") < names.indexOf("birthDate")); // LegalEntity before Person
    assertEquals(PropertyType.DATE, person.property("birthDate").type());
    assertEquals(PropertyType.COUNTRY, person.property("country").type());
    assertEquals("passport", person.property("passportNumber").scheme());
    assertEquals("Person", S.type("IdentityDocument").property("holder").range());
    assertEquals("", person.property("name").scheme());
    assertTrue(person.has("email"));
    assertFalse(person.has("iban"));
    assertThrows(UnsupportedOperationException.class, () -> person.properties().remove("name"));
  }

  @Test
  void isAFollowsAncestry() {
    EntityType person = S.type("Person");
    assertTrue(person.isA("Person"));
    assertTrue(person.isA("LegalEntity"));
    assertTrue(person.isA("Thing"));
    assertFalse(person.isA("Organization"));
    assertFalse(S.type("Thing").isA("Person"));
    assertEquals(List.of("LegalEntity"), person.parents());
    assertTrue(person.ancestors().containsAll(List.of("LegalEntity", "Thing")));
  }

  @Test
  void edgesNameTheirEnds() {
    EntityType ownership = S.type("Ownership");
    assertTrue(ownership.isEdge());
    assertEquals(new EntityType.Edge("owner", "asset"), ownership.edge().orElseThrow());
    assertEquals(PropertyType.ENTITY, ownership.property("owner").type());
    assertTrue(ownership.has("startDate"));
    EntityType call = S.type("Call");
    assertEquals(new EntityType.Edge("caller", "callee"), call.edge().orElseThrow());
    assertTrue(call.has("duration") && call.has("cellId") && call.has("startDate"));
    assertEquals(new EntityType.Edge("payer", "beneficiary"), S.type("Transfer").edge().orElseThrow());
    assertFalse(S.type("Person").isEdge());
    for (EntityType t : S.types()) {
      t.edge().ifPresent(e -> {
        assertEquals(PropertyType.ENTITY, t.property(e.source()).type(), t.name());
        assertEquals(PropertyType.ENTITY, t.property(e.target()).type(), t.name());
      });
    }
  }

  @Test
  void propertyDefCleansWithScheme() {
    PropertyDef iban = S.type("BankAccount").property("iban");
    assertEquals("DE89370400440532013000", iban.clean("de89 3704 0044 0532 0130 00"));
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> iban.clean("DE88370400440532013000"));
    assertEquals("iban (identifier(iban))", e.problems().get(0).where());
    assertEquals("1975-03", S.type("Person").property("birthDate").clean("1975/03"));
  }

  @Test
  void unknownTypeAndPropertyListWhatIsAvailable() {
    SchemaException e = assertThrows(SchemaException.class, () -> S.type("Persn"));
    assertTrue(e.getMessage().contains("did you mean 'Person'?"), e.getMessage());
    assertTrue(e.getMessage().contains("BankAccount") && e.getMessage().contains("Vehicle"), e.getMessage());
    SchemaException p = assertThrows(SchemaException.class, () -> S.type("Person").property("birthdate"));
    assertTrue(p.getMessage().contains("did you mean 'birthDate'?"), p.getMessage());
    assertTrue(p.getMessage().contains("passportNumber"), p.getMessage());
  }

  @Test
  void extensionAddsATypeAndAPropertyToAnExistingType() {
    Schema ext = S.extend(json("{'name': 'police-fr', 'version': '2', 'types': {"
        + "'Thing': {'properties': {'caseNumber': {'type': 'identifier', 'label': 'Case number'}}},"
        + "'Weapon': {'label': 'Weapon', 'extends': ['Thing'], 'properties': {"
        + "  'serialNumber': {'type': 'identifier'}, 'owner': {'type': 'entity', 'range': 'Person'}}},"
        + "'Carries': {'extends': 'Interval', 'edge': {'source': 'person', 'target': 'weapon'}, 'properties': {"
        + "  'person': {'type': 'entity', 'range': 'Person'}, 'weapon': {'type': 'entity', 'range': 'Weapon'}}}"
        + "}}"));
    assertEquals("1.0.0+police-fr@2", ext.version());
    assertTrue(ext.type("Weapon").isA("Thing"));
    assertTrue(ext.type("Weapon").has("name"));
    assertTrue(ext.type("Person").has("caseNumber")); // added on Thing, inherited all the way down
    assertEquals("Case number", ext.type("Vehicle").property("caseNumber").label());
    assertTrue(ext.type("Carries").isEdge());
    assertFalse(S.type("Person").has("caseNumber")); // the default schema is unchanged
    assertTrue(S.find("Weapon").isEmpty());
  }

  @Test
  void conflictingExtensionsAreRejected() {
    rejected("a property keeps its type",
        "{'types': {'Person': {'properties': {'birthDate': {'type': 'text'}}}}}");
    rejected("inherits it from LegalEntity as country",
        "{'types': {'Person': {'properties': {'country': {'type': 'text'}}}}}");
    rejected("may only add properties",
        "{'types': {'Person': {'extends': ['Thing'], 'properties': {}}}}");
    rejected("inherits it from LegalEntity as text", // a parent gaining a property its child has differently
        "{'types': {'LegalEntity': {'properties': {'birthDate': {'type': 'text'}}}}}");
    // same definition again is harmless
    S.extend(json("{'types': {'Person': {'properties': {'birthDate': {'type': 'date'}}}}}"));
  }

  @Test
  void invalidFilesNameTheFileTypeAndProperty() {
    rejected("extends unknown type 'Thng'", "{'name': 'x', 'types': {'A': {'extends': ['Thng']}}}");
    rejected("did you mean 'Thing'?", "{'types': {'A': {'extends': ['Thng']}}}");
    rejected("cycle: A → B → A", "{'types': {'A': {'extends': 'B'}, 'B': {'extends': 'A'}}}");
    rejected("property A.p in my-ext", "{'name': 'my-ext', 'types': {'A': {'properties': {'p': {'type': 'dat'}}}}}");
    rejected("did you mean 'date'?", "{'types': {'A': {'properties': {'p': {'type': 'dat'}}}}}");
    rejected("unknown identifier scheme", "{'types': {'A': {'properties': {'p': {'type': 'identifier', 'scheme': 'x'}}}}}");
    rejected("only identifier properties have schemes", "{'types': {'A': {'properties': {'p': {'type': 'date', 'scheme': 'iban'}}}}}");
    rejected("has range 'Nobody'", "{'types': {'A': {'properties': {'p': {'type': 'entity', 'range': 'Nobody'}}}}}");
    rejected("is of type text", "{'types': {'E': {'edge': {'source': 'a', 'target': 'b'}, 'properties': {"
        + "'a': {'type': 'text'}, 'b': {'type': 'entity'}}}}}");
    rejected("is not one of its properties", "{'types': {'E': {'edge': {'source': 'a', 'target': 'zz'}, 'properties': {"
        + "'a': {'type': 'entity'}}}}}");
    rejected("unknown key \"extend\"", "{'types': {'A': {'extend': 'Thing'}}}");
    rejected("not valid JSON", "{'types': ");
    rejected("has no \"types\"", "{}");
    rejected("invalid type name", "{'types': {'lower': {}}}");
  }

  @Test
  void loadNeedsAVersionedBase() {
    SchemaException e = assertThrows(SchemaException.class, () -> Schema.load(json("{'types': {}}")));
    assertTrue(e.getMessage().contains("has no \"version\""), e.getMessage());
    Schema tiny = Schema.load(json("{'version': '0.1', 'types': {'A': {'properties': {'n': {'type': 'name'}}}}}"),
        json("{'name': 'b', 'types': {'B': {'extends': 'A'}}}"));
    assertEquals("0.1+b", tiny.version());
    assertEquals("n", tiny.type("B").property("n").label());
  }

  @Test
  void extendFromAFileNamesItInMessages(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("broken.json");
    Files.writeString(f, "{\"types\": {\"A\": {\"extends\": \"Nope\"}}}");
    SchemaException e = assertThrows(SchemaException.class, () -> S.extend(f));
    assertTrue(e.getMessage().contains("in " + f), e.getMessage());
  }

  @Test
  void defaultSchemaCanBeReloadedFromItsResource() throws Exception {
    try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(Schema.DEFAULT_RESOURCE)) {
      Schema again = Schema.load(in);
      assertEquals(S.types().size(), again.types().size());
      assertEquals(S.type("Person"), again.type("Person"));
    }
  }
}
