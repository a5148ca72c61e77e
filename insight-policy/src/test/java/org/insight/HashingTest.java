package org.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashingTest {
  static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void everyFormHashesTheSameBytes() throws Exception {
    byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
    assertEquals(ABC, Hashing.sha256Hex("abc"));
    assertEquals(ABC, Hashing.sha256Hex(abc));
    assertEquals(ABC, Hashing.sha256Hex("xabcx".getBytes(StandardCharsets.UTF_8), 1, 3));
    assertEquals(ABC, Hashing.sha256Hex(new ByteArrayInputStream(abc)));
    var md = Hashing.sha256();
    md.update(abc);
    assertEquals(ABC, Hashing.hex(md));
  }

  /** Stored ids depend on both framings: these vectors pin them (computed independently of this code). */
  @Test
  void theTwoIdFramingsAreFixed() {
    assertEquals("430fb1b4ac43316eca81fab27a1930ab8eff8fef6a1dc7903dce44bbc2790dc5", Hashing.ofParts("ab", "c"));
    assertEquals("6d6d0ffa8fe1fcf741ef439fdeb5af86467a300a86dfadd184a96775d57d78c3", Hashing.ofParts(null, "x"));
    assertEquals("629c2f14f654f026086f2aefe1855533d0897f49df86a19073be17b237361b09",
        Hashing.ofTerminatedParts("ab", "c"));
  }

  @Test
  void partsAreNotJustConcatenated() {
    assertNotEquals(Hashing.ofParts("ab", "c"), Hashing.ofParts("a", "bc"));
    assertNotEquals(Hashing.ofTerminatedParts("ab", "c"), Hashing.ofTerminatedParts("a", "bc"));
  }
}
