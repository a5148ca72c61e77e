package org.insight.nlp.internal.selector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.insight.nlp.SelectorKind;

/**
 * Geographic coordinates: decimal pairs (4+ decimals or a cue word), hemisphere-lettered decimals, and
 * degrees-minutes-seconds; reported as {@code lat,lon} in decimal degrees.
 */
final class CoordinateRecognizer implements Recognizer {
  private static final Pattern DECIMAL_PAIR = Pattern.compile(
      "(?<![0-9.,+\\-])([-+]?\\d{1,2}\\.(\\d{1,10}))(?:\\s{0,3}[,;/]\\s{0,3}|\\s{1,3})([-+]?\\d{1,3}\\.(\\d{1,10}))"
          + "(?![0-9]|[.,]\\d)");
  private static final Pattern COORD_CUE = Pattern.compile(
      "(?iu)(?<![\\p{L}])(?:lat|latitude|lon|lng|long|longitude|gps|coord|coords|coordinates|coordonn[ée]es|"
          + "coordenadas|position|location|loc|geo|wgs84|wgs-84)(?![\\p{L}])");
  private static final String DMS_PART =
      "(\\d{1,3})\\s?[°º]\\s?(\\d{1,2}(?:[.,]\\d{1,4})?)\\s?['′’]\\s?(?:(\\d{1,2}(?:[.,]\\d{1,4})?)\\s?(?:[\"″”]|''|′′)\\s?)?";
  private static final Pattern DMS = Pattern.compile(
      "(?<![\\p{N}])" + DMS_PART + "([NS])(?![\\p{L}])\\s{0,3}[,;/]?\\s{0,3}" + DMS_PART + "([EWO])(?![\\p{L}])");

  private static final String DEC = "(\\d{1,3}(?:\\.\\d{1,10})?)\\s?°?";
  private static final Pattern HEMI_PREFIX = Pattern.compile(
      "(?<![\\p{L}\\p{N}])([NS])\\s?" + DEC + "\\s{0,3}[,;/]?\\s{0,3}([EWO])\\s?" + DEC + "(?![\\p{N}]|\\.\\d)");
  private static final Pattern HEMI_SUFFIX = Pattern.compile(
      "(?<![\\p{L}\\p{N}.])" + DEC + "\\s?([NS])(?![\\p{L}])\\s{0,3}[,;/]?\\s{0,3}" + DEC + "\\s?([EWO])(?![\\p{L}])");
  private static final Pattern DMS_PREFIX = Pattern.compile(
      "(?<![\\p{L}\\p{N}])([NS])\\s?" + DMS_PART + "\\s{0,3}[,;/]?\\s{0,3}([EWO])\\s?" + DMS_PART);

  private static void hemisphereHit(String text, Candidates out, MatchResult m, double lat, String ns, double lon,
      String ew, String format) {
    if (Double.isNaN(lat) || Double.isNaN(lon) || lat > 90 || lon > 180
        || m.group().indexOf('.') < 0 && m.group().indexOf('°') < 0) {
      return; // "N 12 E 5" is more likely a room or grid reference than a position
    }
    out.add(Rank.COORD, SelectorKind.COORDINATES, text, m.start(), m.end(),
        deg(ns.equals("S") ? -lat : lat) + "," + deg(ew.equals("E") ? lon : -lon), 0.9, Map.of("format", format));
  }

  @Override
  public void find(String text, Candidates out) {
    IntPredicate hemi = hemisphereStart(text);
    IntPredicate digits = Scan.digitStart(text);
    for (MatchResult h : Scan.matchesAt(text, HEMI_PREFIX, hemi)) {
      hemisphereHit(text, out, h, Double.parseDouble(h.group(2)), h.group(1), Double.parseDouble(h.group(4)),
          h.group(3), "decimal");
    }
    for (MatchResult h : Scan.matchesAt(text, HEMI_SUFFIX, digits)) {
      hemisphereHit(text, out, h, Double.parseDouble(h.group(1)), h.group(2), Double.parseDouble(h.group(3)),
          h.group(4), "decimal");
    }
    for (MatchResult h : Scan.matchesAt(text, DMS_PREFIX, hemi)) {
      hemisphereHit(text, out, h, dms(h.group(2), h.group(3), h.group(4), 90), h.group(1),
          dms(h.group(6), h.group(7), h.group(8), 180), h.group(5), "dms");
    }
    for (MatchResult m : Scan.matchesAt(text, DECIMAL_PAIR, signedDigitStart(text))) {
      boolean precise = m.group(2).length() >= 4 && m.group(4).length() >= 4;
      boolean cue = Scan.cueBefore(text, m.start(), COORD_CUE, 30);
      if (!precise && !cue) {
        continue;
      }
      double lat = Double.parseDouble(m.group(1));
      double lon = Double.parseDouble(m.group(3));
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        continue;
      }
      out.add(Rank.COORD, SelectorKind.COORDINATES, text, m.start(), m.end(), deg(lat) + "," + deg(lon),
          cue ? 0.85 : 0.75, Map.of("format", "decimal"));
    }
    for (MatchResult m : Scan.matchesAt(text, DMS, digits)) {
      double lat = dms(m.group(1), m.group(2), m.group(3), 90);
      double lon = dms(m.group(5), m.group(6), m.group(7), 180);
      if (Double.isNaN(lat) || Double.isNaN(lon)) {
        continue;
      }
      if (m.group(4).equals("S")) {
        lat = -lat;
      }
      if (!m.group(8).equals("E")) {
        lon = -lon;
      }
      out.add(Rank.COORD, SelectorKind.COORDINATES, text, m.start(), m.end(), deg(lat) + "," + deg(lon), 0.9,
          Map.of("format", "dms"));
    }
  }

  private static double dms(String d, String mi, String s, int maxDeg) {
    double deg = Integer.parseInt(d);
    double min = Double.parseDouble(mi.replace(',', '.'));
    double sec = s == null ? 0 : Double.parseDouble(s.replace(',', '.'));
    if (min >= 60 || sec >= 60) {
      return Double.NaN;
    }
    double v = deg + min / 60 + sec / 3600;
    return v > maxDeg ? Double.NaN : v;
  }

  private static String deg(double v) {
    String s = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  /** Starts of digit runs, or the sign just before one. */
  private static IntPredicate signedDigitStart(String text) {
    int n = text.length();
    return i -> {
      char c = text.charAt(i);
      if (c == '-' || c == '+') {
        return i + 1 < n && Scan.isDigit(text.charAt(i + 1));
      }
      return Scan.isDigit(c) && (i == 0 || !Scan.isDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '-'
          && text.charAt(i - 1) != '+');
    };
  }

  /** An uppercase N or S starting a word. */
  private static IntPredicate hemisphereStart(String text) {
    return i -> {
      char c = text.charAt(i);
      return (c == 'N' || c == 'S') && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
    };
  }
}
