package org.insight.nlp.internal.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.insight.nlp.Selector;
import org.insight.nlp.SelectorKind;

/**
 * The engine behind {@code SelectorExtractor}: runs the recognisers of the requested kinds over a text, then lets
 * {@link OverlapResolver} choose among overlapping candidates.
 *
 * <p>Immutable and thread-safe.
 */
public final class SelectorScanner {

  private final List<Recognizer> recognizers;

  /**
   * Creates a scanner.
   *
   * @param kinds the kinds to report
   * @param region default region for numbers written without an international prefix (ISO 3166 alpha-2, or "ZZ")
   * @param currentYear the year used for the MRZ birth-date century rule
   */
  public SelectorScanner(Set<SelectorKind> kinds, String region, int currentYear) {
    this(recognizers(kinds, region, currentYear));
  }

  /** A scanner running {@code recognizers} in order (the tests swap one for a reference implementation). */
  SelectorScanner(List<Recognizer> recognizers) {
    this.recognizers = List.copyOf(recognizers);
  }

  /** The recognisers of {@code kinds}, in the order they run. */
  static List<Recognizer> recognizers(Set<SelectorKind> kinds, String region, int currentYear) {
    List<Recognizer> r = new ArrayList<>();
    if (kinds.contains(SelectorKind.MRZ)) {
      r.add(new MrzRecognizer(currentYear));
    }
    if (kinds.contains(SelectorKind.IBAN)) {
      r.add(new IbanRecognizer());
    }
    boolean cards = kinds.contains(SelectorKind.PAYMENT_CARD);
    boolean imeis = kinds.contains(SelectorKind.IMEI);
    if (cards || imeis) {
      r.add(new CardImeiRecognizer(cards, imeis));
    }
    if (kinds.contains(SelectorKind.EMAIL)) {
      r.add(new EmailRecognizer());
    }
    if (kinds.contains(SelectorKind.URL)) {
      r.add(new UrlRecognizer());
    }
    if (kinds.contains(SelectorKind.DOMAIN)) {
      r.add(new DomainRecognizer());
    }
    if (kinds.contains(SelectorKind.IPV4)) {
      r.add(new Ipv4Recognizer());
    }
    if (kinds.contains(SelectorKind.IPV6)) {
      r.add(new Ipv6Recognizer());
    }
    if (kinds.contains(SelectorKind.VIN)) {
      r.add(new VinRecognizer());
    }
    boolean bitcoin = kinds.contains(SelectorKind.BITCOIN);
    boolean ethereum = kinds.contains(SelectorKind.ETHEREUM);
    if (bitcoin || ethereum) {
      r.add(new CryptoAddressRecognizer(bitcoin, ethereum));
    }
    if (kinds.contains(SelectorKind.DATE)) {
      r.add(new DateRecognizer());
    }
    if (kinds.contains(SelectorKind.COORDINATES)) {
      r.add(new CoordinateRecognizer());
    }
    if (kinds.contains(SelectorKind.PHONE)) {
      r.add(new PhoneRecognizer(region));
    }
    return r;
  }

  /** Every validated selector in {@code text}, overlaps resolved, sorted by start. */
  public List<Selector> scan(String text) {
    Candidates candidates = new Candidates();
    for (Recognizer r : recognizers) {
      r.find(text, candidates);
    }
    return OverlapResolver.resolve(candidates.list());
  }
}
