package org.insight.nlp.internal.selector;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.insight.nlp.SelectorKind;

/**
 * The phone recogniser as it was before the pre-filter — libphonenumber over the whole text — kept as the oracle that
 * {@link PhoneRecognizer} must equal.
 */
final class ReferencePhoneRecognizer implements Recognizer {
  private final String region;

  ReferencePhoneRecognizer(String region) {
    this.region = region;
  }

  @Override
  public void find(String text, Candidates out) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    for (PhoneNumberMatch m : util.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
      String raw = m.rawString();
      boolean intl = raw.startsWith("+") || raw.startsWith("00");
      String e164 = util.format(m.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
      String where = util.getRegionCodeForNumber(m.number());
      Map<String, String> d = new LinkedHashMap<>();
      d.put("region", where == null ? "ZZ" : where);
      d.put("numberType", util.getNumberType(m.number()).name().toLowerCase(Locale.ROOT));
      out.add(Rank.PHONE, SelectorKind.PHONE, text, m.start(), m.end(), e164, intl ? 0.9 : 0.75, d);
    }
  }
}
