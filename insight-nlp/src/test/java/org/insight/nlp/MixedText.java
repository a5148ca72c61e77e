package org.insight.nlp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded mixed text for the selector golden test: report paragraphs in six languages with every selector kind
 * planted, near misses (failed checksums, times, timestamps, slashed dates, publication pages), and random runs of the
 * characters selectors are made of. Deterministic for a seed: the stored expectations were computed from it.
 */
final class MixedText {
  private static final String[] PARAGRAPHS = {
    "At %T officers observed a blue van near the harbour. The driver used the number %X and mentioned account %X"
        + " before a meeting on %X.",
    "Le suspect a appelé son complice au %X plusieurs fois, le %X vers %T. Courriel : %X ; carte %X.",
    "El sospechoso pagó con la tarjeta %X. La reunión tuvo lugar el %X cerca de %X, tel. %X.",
    "Der Verdächtige überwies Geld an %X und nutzte die Adresse %X sowie die Seite %X (Tel. %X).",
    "Подозреваемый звонил по номеру %X в %T, прежде чем покинуть город. Кошелёк: %X.",
    "شوهد المشتبه به وهو يغادر المبنى ليلا %X واتصل بشريكه %X. البريد: %X.",
    "Log %X %X %X %X %X"};
  private static final String[] SELECTORS = {"+33 6 12 34 56 78", "+44 20 7946 0958", "+49 30 901820",
    "+7 495 123-45-67", "06 12 34 56 78", "0033 1 42 68 53 00", "(0)20 7946 0958", "+1 650-253-0000 ext. 12",
    "+33 (0)1 42 68 53 00", "+33 6 12 34 56 79 x 3", "+１ ６５０ ２５３ ００００", "+٣٣ ٦ ١٢ ٣٤ ٥٦ ٧٨",
    "FR76 3000 6000 0112 3456 7890 189", "DE89 3704 0044 0532 0130 00", "GB29 NWBK 6016 1331 9268 19",
    "DE89 3704 0044 0532 0130 01", "4111 1111 1111 1111", "5500 0000 0000 0004", "4111 1111 1111 1112",
    "IMEI 490154203237518", "490154203237518", "14/03/2026", "2026-04-12", "3 mai 2026", "12 April 2026",
    "avril 2026", "2026-04-12 21:40", "2012-01-02 08:00", "3/10/2011", "211-227 (2003)", "ivan.petrov@example.org",
    "j.moreau@mail.example.fr", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", "0x52908400098527886E0F7030069857D2E4169EE7",
    "0xde709f2102306220921060314715629080e2fb77", "192.168.10.77", "10.0.0.300", "2001:db8::8a2e:370:7334",
    "https://heron.example.org/drop?id=42", "www.example.com/contact", "evil.example.ru", "48.856613, 2.352222",
    "40°26'46\"N 79°58'56\"W", "GPS 48.85, 2.35", "1M8GDM9AXKP042788", "VIN 1M8GDM9AXKP042789",
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", "21:40", "12345", "+33", "+", "100 %",
    "€ 0612345678", "abc0612345678", "0612345678def", "tel:+33612345678", "+33 6 12 34 56 78/79"};
  private static final String RUN_CHARS = "0123456789 +-.:/()@x#,;'\"°NSEWabcXYZ\n";

  private MixedText() {}

  /** {@code count} texts from {@code seed}. */
  static List<String> texts(long seed, int count) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(text(r));
    }
    return out;
  }

  private static String text(Random r) {
    StringBuilder sb = new StringBuilder();
    int paragraphs = 1 + r.nextInt(6);
    for (int p = 0; p < paragraphs; p++) {
      if (p > 0) {
        sb.append(r.nextBoolean() ? "\n\n" : " ");
      }
      String template = PARAGRAPHS[r.nextInt(PARAGRAPHS.length)];
      for (int i = 0; i < template.length(); i++) {
        char c = template.charAt(i);
        if (c != '%') {
          sb.append(c);
          continue;
        }
        i++;
        sb.append(template.charAt(i) == 'T'
            ? String.format(Locale.ROOT, "%02d:%02d", r.nextInt(24), r.nextInt(60)) : filler(r));
      }
    }
    return sb.toString();
  }

  private static String filler(Random r) {
    int k = r.nextInt(10);
    if (k < 7) {
      return SELECTORS[r.nextInt(SELECTORS.length)];
    }
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(25);
    for (int i = 0; i < n; i++) {
      sb.append(RUN_CHARS.charAt(r.nextInt(RUN_CHARS.length())));
    }
    return sb.toString();
  }

  /** One line per selector: kind, span, text, value, confidence and details in a fixed order. */
  static String canonical(List<Selector> selectors) {
    StringBuilder sb = new StringBuilder();
    for (Selector s : selectors) {
      sb.append(s.kind()).append('|').append(s.start()).append('|').append(s.end()).append('|').append(s.text())
          .append('|').append(s.value()).append('|').append(s.confidence()).append('|')
          .append(new TreeMap<>(s.details())).append('\n');
    }
    return sb.toString();
  }

  /** The SHA-256 of {@link #canonical}, hex. */
  static String digest(List<Selector> selectors) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(canonical(selectors).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
