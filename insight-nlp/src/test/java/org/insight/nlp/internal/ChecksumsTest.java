package org.insight.nlp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

  @Test
  void keccak256KnownVectors() {
    assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        HexFormat.of().formatHex(Keccak.keccak256(new byte[0])));
    assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        HexFormat.of().formatHex(Keccak.keccak256("abc".getBytes(StandardCharsets.US_ASCII))));
    // more than one 136-byte block
    byte[] big = new byte[300];
    assertEquals(32, Keccak.keccak256(big).length);
    assertArrayEquals(Keccak.keccak256(big), Keccak.keccak256(big.clone()));
  }

  @Test
  void checkDigits() {
    assertTrue(Checksums.luhn("79927398713"));
    assertFalse(Checksums.luhn("79927398710"));
    assertEquals(3, Checksums.luhnCheckDigit("7992739871"));
    assertTrue(Checksums.ibanMod97("GB82WEST12345698765432"));
    assertFalse(Checksums.ibanMod97("GB82WEST12345698765433"));
    assertEquals(6, Checksums.mrzCheckDigit("L898902C3"));
    assertEquals(2, Checksums.mrzCheckDigit("740812"));
    assertEquals('X', Checksums.vinCheckChar("1M8GDM9AXKP042788"));
    assertEquals('?', Checksums.vinCheckChar("1M8GDM9AXKP04278O"));
  }

  @Test
  void base58AndSegwit() {
    byte[] p = Checksums.base58check("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    assertEquals(21, p.length);
    assertEquals(0, p[0]);
    assertNull(Checksums.base58check("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"));
    assertNull(Checksums.base58check("0OIl"));
    assertEquals("bech32:v0", Checksums.segwit("BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ", "bc"));
    assertNull(Checksums.segwit("tb1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bc"));
  }
}
