package org.insight.nlp;

import static org.insight.BuilderGuard.requireUnset;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.insight.core.Document;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.nlp.internal.selector.SelectorScanner;

/**
 * Finds validated selectors — e-mail addresses, phone numbers, IBANs, payment cards, IMEIs, IP addresses, URLs,
 * domains, crypto-currency addresses, passport/ID-card MRZs, VINs, dates and coordinates — in free text.
 *
 * <p>Precision first: a candidate whose check digit or checksum fails is not a hit. Overlapping candidates are
 * resolved in favour of the more specific, better-validated kind (an IBAN over a phone number inside it, a URL over
 * its domain, a payment card over an IMEI-shaped number without an {@code IMEI} cue), then the longer span.
 *
 * <p>Every pattern is a hand scanner or a regex with bounded repetition only, so extraction time is linear in the
 * text length; texts longer than {@link Builder#maxChars(int)} (50 MiB chars by default) are refused with a
 * {@link TextTooLargeException}. Phone numbers use libphonenumber; IPv6 literals are parsed, never resolved.
 *
 * <p>Choices worth knowing: numeric dates are read day-first ({@code 04/12/2026} is 4 December); a VIN whose
 * position-9 check digit fails is reported only after a {@code VIN} cue word, with confidence 0.5 (the check digit is
 * mandatory only in North America and China); a 15-digit Luhn-valid number is an IMEI when an {@code IMEI} cue
 * precedes it (confidence 0.95), a payment card when it has a card IIN and no cue, else an IMEI with confidence 0.6;
 * decimal coordinate pairs need 4+ decimals on both parts or a cue word ({@code GPS}, {@code lat}, …) before them;
 * IBANs, VINs and MRZs are recognised in uppercase only; a bare month and year ({@code avril 2026}) gives a partial
 * date ({@code 2026-04}) with confidence 0.6.
 *
 * <p>Not recognised: MRZs of machine-readable visas, 14-digit IMEIs without check digit and
 * 16-digit IMEISVs, testnet Bitcoin addresses, internationalised (non-ASCII) e-mail addresses and domains.
 *
 * <p>Immutable and thread-safe.
 */
public final class SelectorExtractor {

  /** The extractor version, part of each mention's provenance method ({@code pattern:iban@1.0}). */
  public static final String VERSION = "1.0";

  /** The default input bound: 50 MiB of UTF-16 chars. */
  public static final int DEFAULT_MAX_CHARS = 50 * 1024 * 1024;

  private final SelectorScanner scanner;
  private final int maxChars;

  private SelectorExtractor(Builder b) {
    this.maxChars = b.maxChars;
    this.scanner = new SelectorScanner(b.kinds, b.region, Year.now(b.clock).getValue());
  }

  /** A builder: every kind, region {@code ZZ} (only international phone numbers), the default input bound. */
  public static Builder builder() {
    return new Builder();
  }

  /** An extractor for every kind with no default phone region. */
  public static SelectorExtractor create() {
    return builder().build();
  }

  /**
   * Every validated selector in {@code text}, overlaps resolved, sorted by start offset.
   *
   * @param text the text to scan
   * @return the selectors, sorted by start
   * @throws TextTooLargeException if the text is longer than the extractor's bound
   */
  public List<Selector> extract(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > maxChars) {
      throw new TextTooLargeException(text.length(), maxChars);
    }
    return scanner.scan(text);
  }

  /**
   * The selectors of a document's text as mentions: each carries the document's id and label (derived data carries its
   * input's label) and a provenance derived from the document's, with method {@code pattern:<kind>@VERSION}.
   *
   * @param doc the document
   * @return its mentions, sorted by start
   * @throws TextTooLargeException if the document's text is longer than the extractor's bound
   */
  public List<Mention> mentions(Document doc) {
    Objects.requireNonNull(doc, "doc");
    List<Mention> out = new ArrayList<>();
    for (Selector s : extract(doc.text())) {
      Provenance p = Provenance.derived(doc.provenance().dataset(),
          "pattern:" + s.kind().name().toLowerCase(Locale.ROOT) + "@" + VERSION, List.of(doc.provenance()));
      out.add(new Mention(doc.id(), s.start(), s.end(), s.text(), propertyType(s.kind()), s.value(),
          java.util.Optional.empty(), s.confidence(), doc.label(), p));
    }
    return out;
  }

  /** The property type a selector kind's values have in the model. */
  public static PropertyType propertyType(SelectorKind kind) {
    switch (kind) {
      case EMAIL:
        return PropertyType.EMAIL;
      case PHONE:
        return PropertyType.PHONE;
      case URL:
      case DOMAIN:
        return PropertyType.URL;
      case DATE:
        return PropertyType.DATE;
      case COORDINATES:
        return PropertyType.GEO_POINT;
      default:
        return PropertyType.IDENTIFIER;
    }
  }

  /** Builds a {@link SelectorExtractor}; each setting may be given once. */
  public static final class Builder {
    private Set<SelectorKind> kinds = EnumSet.allOf(SelectorKind.class);
    private boolean kindsSet;
    private String region = "ZZ";
    private boolean regionSet;
    private int maxChars = DEFAULT_MAX_CHARS;
    private boolean maxCharsSet;
    private Clock clock = Clock.systemUTC();
    private boolean clockSet;

    private Builder() {}

    /**
     * The region assumed for phone numbers written without an international prefix.
     *
     * @param regionCode an ISO 3166-1 alpha-2 code libphonenumber supports, e.g. {@code FR}
     * @return this builder
     */
    public Builder defaultRegion(String regionCode) {
      requireUnset(regionSet, "defaultRegion", region);
      String r = Objects.requireNonNull(regionCode, "regionCode").trim().toUpperCase(Locale.ROOT);
      Set<String> supported = PhoneNumberUtil.getInstance().getSupportedRegions();
      if (!supported.contains(r)) {
        throw new IllegalArgumentException("unknown phone region '" + regionCode
            + "': give an ISO 3166-1 alpha-2 code, one of " + new TreeSet<>(supported));
      }
      region = r;
      regionSet = true;
      return this;
    }

    /**
     * The kinds to report (all by default).
     *
     * @param selected the kinds; not empty
     * @return this builder
     */
    public Builder kinds(Set<SelectorKind> selected) {
      requireUnset(kindsSet, "kinds", kinds);
      if (Objects.requireNonNull(selected, "selected").isEmpty()) {
        throw new IllegalArgumentException("no selector kinds given: give at least one, e.g. EnumSet.of(SelectorKind.IBAN)");
      }
      kinds = EnumSet.copyOf(selected);
      kindsSet = true;
      return this;
    }

    /**
     * The input bound in UTF-16 chars; longer texts are refused.
     *
     * @param max between 1 and {@link #DEFAULT_MAX_CHARS}
     * @return this builder
     */
    public Builder maxChars(int max) {
      requireUnset(maxCharsSet, "maxChars", maxChars);
      if (max < 1 || max > DEFAULT_MAX_CHARS) {
        throw new IllegalArgumentException("maxChars must be in [1, " + DEFAULT_MAX_CHARS + "], got " + max);
      }
      maxChars = max;
      maxCharsSet = true;
      return this;
    }

    /**
     * The clock giving the current year for the MRZ birth-date century rule (a two-digit year after the current
     * one is 19YY); the system UTC clock by default.
     *
     * @param c the clock
     * @return this builder
     */
    public Builder clock(Clock c) {
      requireUnset(clockSet, "clock", clock);
      clock = Objects.requireNonNull(c, "clock");
      clockSet = true;
      return this;
    }

    /** The extractor. */
    public SelectorExtractor build() {
      return new SelectorExtractor(this);
    }
  }
}
