package org.insight.nlp.internal.selector;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.insight.nlp.SelectorKind;

/**
 * Telephone numbers that libphonenumber finds and judges valid, in E.164.
 *
 * <p>libphonenumber runs only on the stretches {@link PhoneStretches} lets through, each with one character of context
 * before and three after (what its matcher looks at around a candidate), and keeps the matches starting inside the
 * stretch: the same matches as running it over the whole text, without parsing every date, time and digit group (and
 * without its copy of the rest of the text for each timestamp-like candidate, quadratic on long texts).
 */
final class PhoneRecognizer implements Recognizer {
  /** Characters after a stretch that libphonenumber's checks read: the next character and a {@code :MM} suffix. */
  private static final int CONTEXT_AFTER = 3;

  private final String region;
  private final boolean plusRequired;

  /** A recogniser reading numbers without an international prefix as numbers of {@code region} (or "ZZ"). */
  PhoneRecognizer(String region) {
    this.region = region;
    this.plusRequired = "ZZ".equals(region);
  }

  @Override
  public void find(String text, Candidates out) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    PhoneStretches.find(text, plusRequired, (start, end) -> {
      int from = Math.max(0, start - 1);
      String window = text.substring(from, Math.min(text.length(), end + CONTEXT_AFTER));
      for (PhoneNumberMatch m : util.findNumbers(window, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
        if (from + m.start() >= end) {
          break; // in the context after the stretch: the next stretch's, if anyone's
        }
        add(util, text, from + m.start(), from + m.end(), m, out);
      }
    });
  }

  private static void add(PhoneNumberUtil util, String text, int start, int end, PhoneNumberMatch m, Candidates out) {
    String raw = m.rawString();
    boolean intl = raw.startsWith("+") || raw.startsWith("00");
    String e164 = util.format(m.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
    String where = util.getRegionCodeForNumber(m.number());
    Map<String, String> d = new LinkedHashMap<>();
    d.put("region", where == null ? "ZZ" : where);
    d.put("numberType", util.getNumberType(m.number()).name().toLowerCase(Locale.ROOT));
    out.add(Rank.PHONE, SelectorKind.PHONE, text, start, end, e164, intl ? 0.9 : 0.75, d);
  }
}
