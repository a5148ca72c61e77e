package org.insight.nlp.internal.selector;

import java.util.Map;
import java.util.regex.Pattern;
import org.insight.nlp.SelectorKind;
import org.insight.nlp.internal.Checksums;

/** Vehicle identification numbers: 17 uppercase letters and digits (no I, O, Q), check digit or a cue word. */
final class VinRecognizer implements Recognizer {
  @Override
  public void find(String text, Candidates out) {
    Scan.asciiRuns(text, 17, (s, e) -> {
      if (e - s == 17) {
        vin(text, s, e, out);
      }
    });
  }

  private static final Pattern VIN_CUE = Pattern.compile("(?i)\\b(?:VIN|FIN|chassis)\\b");

  private static void vin(String text, int s, int e, Candidates out) {
    int letters = 0;
    for (int k = s; k < e; k++) {
      char c = text.charAt(k);
      if (c >= 'A' && c <= 'Z') {
        if (c == 'I' || c == 'O' || c == 'Q') {
          return;
        }
        letters++;
      } else if (c < '0' || c > '9') {
        return; // lowercase
      }
    }
    if (letters == 0 || letters == 17) {
      return;
    }
    String v = text.substring(s, e);
    if (Checksums.vinCheckChar(v) == v.charAt(8)) {
      out.add(Rank.VIN, SelectorKind.VIN, text, s, e, v, 0.9, Map.of("check", "valid"));
    } else if (Scan.cueBefore(text, s, VIN_CUE, 24)) {
      // Outside North America and China the position-9 check digit is optional: with a cue word, keep it.
      out.add(Rank.VIN, SelectorKind.VIN, text, s, e, v, 0.5, Map.of("check", "invalid"));
    }
  }
}
