package org.insight.nlp.internal.selector;

import java.util.Locale;
import java.util.Map;
import org.insight.nlp.SelectorKind;
import org.insight.nlp.internal.Checksums;

/** Bitcoin (base58check P2PKH/P2SH, bech32/bech32m SegWit) and Ethereum (EIP-55 when mixed case) addresses. */
final class CryptoAddressRecognizer implements Recognizer {
  private final boolean bitcoin;
  private final boolean ethereum;

  CryptoAddressRecognizer(boolean bitcoin, boolean ethereum) {
    this.bitcoin = bitcoin;
    this.ethereum = ethereum;
  }

  @Override
  public void find(String text, Candidates out) {
    // Runs under 17 chars were never looked at (the shortest VIN); kept so results do not change.
    Scan.asciiRuns(text, 17, (s, e) -> {
      int len = e - s;
      char c0 = text.charAt(s);
      if (ethereum && len == 42 && c0 == '0' && text.charAt(s + 1) == 'x') {
        ethereum(text, s, e, out);
      }
      if (bitcoin) {
        if (len >= 26 && len <= 35 && (c0 == '1' || c0 == '3')) {
          base58(text, s, e, out);
        } else if (len >= 14 && len <= 90 && text.regionMatches(true, s, "bc1", 0, 3)) {
          bech32(text, s, e, out);
        }
      }
    });
  }

  private static void base58(String text, int s, int e, Candidates out) {
    String tok = text.substring(s, e);
    byte[] payload = Checksums.base58check(tok);
    if (payload == null || payload.length != 21) {
      return;
    }
    String type = payload[0] == 0 && tok.charAt(0) == '1' ? "p2pkh" : payload[0] == 5 && tok.charAt(0) == '3' ? "p2sh"
        : null;
    if (type != null) {
      out.add(Rank.BTC, SelectorKind.BITCOIN, text, s, e, tok, 0.95, Map.of("type", type));
    }
  }

  private static void bech32(String text, int s, int e, Candidates out) {
    String tok = text.substring(s, e);
    String type = Checksums.segwit(tok, "bc");
    if (type != null) {
      out.add(Rank.BTC, SelectorKind.BITCOIN, text, s, e, tok, 0.95, Map.of("type", type));
    }
  }

  private static void ethereum(String text, int s, int e, Candidates out) {
    String hex = text.substring(s + 2, e);
    boolean lower = false;
    boolean upper = false;
    for (int k = 0; k < 40; k++) {
      char c = hex.charAt(k);
      if (c >= 'a' && c <= 'f') {
        lower = true;
      } else if (c >= 'A' && c <= 'F') {
        upper = true;
      } else if (c < '0' || c > '9') {
        return;
      }
    }
    boolean mixed = lower && upper;
    if (mixed && !Checksums.eip55(hex)) {
      return;
    }
    out.add(Rank.ETH, SelectorKind.ETHEREUM, text, s, e, "0x" + hex.toLowerCase(Locale.ROOT), mixed ? 0.95 : 0.8,
        Map.of("checksum", mixed ? "valid" : "none"));
  }
}
