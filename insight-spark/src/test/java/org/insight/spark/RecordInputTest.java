package org.insight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.insight.ingest.RecordMapping;
import org.insight.ingest.RecordMappingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a job ships to its executors to read records: the same mapping on the other side, or a clear error first. */
class RecordInputTest {
  @TempDir Path tmp;

  @Test
  void aMappingFileIsReadOnTheDriverAndRebuiltAlikeOnTheOtherSide() throws Exception {
    Path file = tmp.resolve("calls.json");
    try (InputStream in = RecordMapping.class.getResourceAsStream("/org/insight/ingest/mappings/cdr.json")) {
      Files.write(file, in.readAllBytes());
    }
    RecordInput input = RecordInput.mapping(file.toString());
    Files.delete(file); // executors never see the file
    RecordInput shipped = roundTrip(input);
    RecordMapping builtIn = RecordMapping.builtIn("cdr");
    assertEquals(builtIn.entities(), shipped.recordMapping().entities());
    assertEquals(builtIn.links(), shipped.recordMapping().links());
    assertEquals(input.fingerprint(), shipped.fingerprint());
    assertNotEquals(RecordInput.mapping("cdr").fingerprint(), input.fingerprint(), "named by its file, not as cdr");
    assertNotEquals(RecordInput.ftm().fingerprint(), RecordInput.mapping("cdr").fingerprint());
    assertNull(roundTrip(RecordInput.ftm()).recordMapping());
    assertTrue(roundTrip(RecordInput.ftm()).ftmInput());
  }

  @Test
  void aBadMappingFailsOnTheDriverWithTheReadersMessage() {
    RecordMappingException missing = assertThrows(RecordMappingException.class,
        () -> RecordInput.mapping(tmp.resolve("nope.json").toString()));
    assertTrue(missing.getMessage().contains("neither a built-in mapping nor a mapping file"), missing.getMessage());
    RecordMappingException bad = assertThrows(RecordMappingException.class, () -> RecordInput.mapping(
        "{\"name\": \"x\", \"entities\": {\"p\": {\"type\": \"NoSuchType\", \"properties\": {}}}}"
            .getBytes(StandardCharsets.UTF_8), "x.json"));
    assertTrue(bad.getMessage().contains("NoSuchType"), bad.getMessage());
  }

  private static RecordInput roundTrip(RecordInput input) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(input);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (RecordInput) in.readObject();
    }
  }
}
