package org.insight.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes coordinates: decimal degrees ({@code 48.8566, 2.3522}, {@code -33.8688 151.2093}), with
 * hemisphere letters before or after ({@code 48.8566 N, 2.3522 E}, {@code S 33.8688 E 151.2093}), degrees and
 * decimal minutes ({@code 48°51.396'N 2°21.132'E}) and degrees-minutes-seconds ({@code 48°51'23.8"N 2°21'7.9"E},
 * {@code -33°52'7.7" 151°12'33.5"}); typographic marks (º ′ ″ ’ ”, a Unicode minus) are accepted. A value that is
 * not a coordinate, or one out of range, is refused with a {@link CoordinateException} that says why: never guessed,
 * never clamped.
 */
public final class Coordinates {

  /** The written forms {@link #format} produces (and {@link #parse} reads back). */
  public enum Style {
    /** {@code 48.8566,2.3522}: the schema's geo value, six decimals at most (about 0.1 m). */
    DECIMAL,
    /** {@code 48.8566° N, 2.3522° E}. */
    DECIMAL_HEMISPHERE,
    /** {@code 48°51.396'N 2°21.132'E}, minutes with four decimals. */
    DEGREES_MINUTES,
    /** {@code 48°51'23.76"N 2°21'7.92"E}, seconds with three decimals. */
    DMS_HEMISPHERE,
    /** {@code 48°51'23.76" 2°21'7.92"}, the sign giving the hemisphere. */
    DMS_SIGNED
  }

  private static final Pattern COMPONENT = Pattern.compile(
      "([+-])?(\\d{1,3}(?:\\.\\d+)?)(?:°(?:(\\d{1,2}(?:\\.\\d+)?)'(?:(\\d{1,2}(?:\\.\\d+)?)\")?)?)?");
  private static final Pattern HEMISPHERE = Pattern.compile("[NSEW]");
  private static final Pattern PLAUSIBLE = Pattern.compile("(?=.*\\d)[\\d\\sNSEW°'\".,;+-]+");

  private Coordinates() {
  }

  /**
   * The point a text gives as latitude then longitude (or with hemisphere letters, in either order).
   *
   * @throws CoordinateException when the text is not a coordinate pair or a value is out of range
   */
  public static GeoPoint parse(String text) {
    if (text == null || text.isBlank()) {
      throw new CoordinateException(String.valueOf(text), "an empty value is not a coordinate; give latitude and"
          + " longitude, e.g. 48.8566, 2.3522 or 48°51'24\"N 2°21'8\"E");
    }
    String s = normalise(text);
    if (!PLAUSIBLE.matcher(s).matches()) {
      throw new CoordinateException(text, "\"" + text + "\" is not a coordinate pair; give latitude and longitude,"
          + " e.g. 48.8566, 2.3522 or 48°51'24\"N 2°21'8\"E");
    }
    String[] parts = split(s, text);
    Axis first = axis(parts[0]);
    Axis second = axis(parts[1]);
    if (first == Axis.LON && second != Axis.LON || second == Axis.LAT && first != Axis.LAT) {
      return point(component(parts[1], text, "latitude"), component(parts[0], text, "longitude"), text);
    }
    if (first == second && first != Axis.NONE) {
      throw new CoordinateException(text, "both values in \"" + text + "\" carry a " + (first == Axis.LAT
          ? "north/south" : "east/west") + " letter; give one latitude (N/S) and one longitude (E/W)");
    }
    return point(component(parts[0], text, "latitude"), component(parts[1], text, "longitude"), text);
  }

  /**
   * The point of two structured fields (a record's latitude and longitude columns), each in any form
   * {@link #parse} reads for one value (decimal, with a hemisphere letter, minutes and seconds).
   *
   * @throws CoordinateException when either is unreadable or out of range, or the letters contradict the fields
   */
  public static GeoPoint of(String latitude, String longitude) {
    String where = latitude + " / " + longitude;
    if (latitude == null || latitude.isBlank() || longitude == null || longitude.isBlank()) {
      throw new CoordinateException(where, "a point needs both a latitude and a longitude; got \"" + where + "\"");
    }
    String lat = normalise(latitude).replace(" ", "");
    String lon = normalise(longitude).replace(" ", "");
    if (axis(lat) == Axis.LON || axis(lon) == Axis.LAT) {
      throw new CoordinateException(where, "the latitude field holds an east/west value or the longitude field a"
          + " north/south one (\"" + where + "\"); are the columns swapped?");
    }
    return point(component(lat, where, "latitude"), component(lon, where, "longitude"), where);
  }

  /** Every coordinate pair written in free text, in order; spans that look like one but are out of range are left out. */
  public static List<Found> find(String text) {
    List<Found> out = new ArrayList<>();
    Matcher m = InText.PAIR.matcher(text);
    while (m.find()) {
      try {
        out.add(new Found(parse(m.group()), m.start(), m.end()));
      } catch (CoordinateException e) {
        // a span like "123.4, 567.8" is a number pair, not a point: not one to report
      }
    }
    return out;
  }

  /**
   * A coordinate pair found in text.
   *
   * @param point the point
   * @param start offset of its first character
   * @param end offset after its last character
   */
  public record Found(GeoPoint point, int start, int end) {
  }

  /** The point written in a style; {@link #parse} reads every style back to within 1e-6 degrees. */
  public static String format(GeoPoint p, Style style) {
    double lat = p.latitude();
    double lon = p.longitude();
    return switch (style) {
      case DECIMAL -> GeoPoint.decimals(lat, 6) + "," + GeoPoint.decimals(lon, 6);
      case DECIMAL_HEMISPHERE -> GeoPoint.decimals(Math.abs(lat), 7) + "° " + (lat < 0 ? 'S' : 'N') + ", "
          + GeoPoint.decimals(Math.abs(lon), 7) + "° " + (lon < 0 ? 'W' : 'E');
      case DEGREES_MINUTES -> dm(lat) + (lat < 0 ? 'S' : 'N') + " " + dm(lon) + (lon < 0 ? 'W' : 'E');
      case DMS_HEMISPHERE -> dms(lat) + (lat < 0 ? 'S' : 'N') + " " + dms(lon) + (lon < 0 ? 'W' : 'E');
      case DMS_SIGNED -> (lat < 0 ? "-" : "") + dms(lat) + " " + (lon < 0 ? "-" : "") + dms(lon);
    };
  }

  private static String dm(double value) {
    long units = Math.round(Math.abs(value) * 60 * 10_000); // 1e-4 minute
    long deg = units / (60 * 10_000);
    long rest = units % (60 * 10_000);
    return deg + "°" + GeoPoint.decimals(rest / 10_000.0, 4) + "'";
  }

  private static String dms(double value) {
    long units = Math.round(Math.abs(value) * 3600 * 1000); // 1e-3 second
    long deg = units / (3600 * 1000);
    long min = units % (3600 * 1000) / (60 * 1000);
    long ms = units % (60 * 1000);
    return deg + "°" + min + "'" + GeoPoint.decimals(ms / 1000.0, 3) + "\"";
  }

  private enum Axis { LAT, LON, NONE }

  private static Axis axis(String component) {
    Matcher m = HEMISPHERE.matcher(component);
    if (!m.find()) {
      return Axis.NONE;
    }
    char c = m.group().charAt(0);
    return c == 'N' || c == 'S' ? Axis.LAT : Axis.LON;
  }

  private static String normalise(String text) {
    String s = text.strip().toUpperCase(Locale.ROOT)
        .replace('\u2212', '-').replace('\u2013', '-')
        .replace('º', '°').replace('˚', '°')
        .replace("''", "\"").replace('′', '\'').replace('’', '\'').replace('‘', '\'').replace('´', '\'')
        .replace('″', '"').replace('”', '"').replace('“', '"');
    // marks bind to the number before them, and minutes/seconds to the mark before them: "48 ° 51 ' 24 \" N" is
    // "48°51'24\"N", while the space in "-33°52'7.7\" 151°12'33.5\"" still separates the two values
    s = s.replaceAll("\\s+([°'\"])", "$1").replaceAll("°\\s+(?=\\d+(?:\\.\\d+)?')", "°")
        .replaceAll("'\\s+(?=\\d+(?:\\.\\d+)?\")", "'").replaceAll("([+-])\\s+", "$1").replaceAll("\\s+", " ")
        .strip();
    // a hemisphere letter binds to its number: before it when the text starts with a letter ("S 33.8 W 70.5"),
    // otherwise after it ("33.8 S 70.5 W")
    if (!s.isEmpty() && "NSEW".indexOf(s.charAt(0)) >= 0) {
      s = s.replaceAll("(?<=^|[\\s,;])([NSEW])\\s+", "$1");
    } else {
      s = s.replaceAll("(?<=[\\d°'\"])\\s+([NSEW])(?=$|[\\s,;])", "$1");
    }
    return s.strip();
  }

  private static String[] split(String s, String original) {
    String[] parts;
    if (s.indexOf(',') >= 0 || s.indexOf(';') >= 0) {
      parts = s.split("\\s*[,;]\\s*", -1);
    } else if (s.indexOf(' ') >= 0) {
      parts = s.split(" ", -1);
    } else {
      // "48°51'24"N2°21'8"E": the first letter ends the latitude; "N48.85E2.35": the second letter starts the longitude
      Matcher m = HEMISPHERE.matcher(s);
      int cut = -1;
      if (m.find()) {
        cut = m.start() == 0 ? (m.find() ? m.start() : -1) : m.end();
      }
      parts = cut > 0 && cut < s.length() ? new String[] {s.substring(0, cut), s.substring(cut)} : new String[] {s};
    }
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new CoordinateException(original, "\"" + original + "\" is not a coordinate pair; give latitude and"
          + " longitude separated by a comma or a space, e.g. 48.8566, 2.3522 or 48°51'24\"N 2°21'8\"E");
    }
    return parts;
  }

  /** One signed value in degrees; {@code which} names it in messages. */
  private static double component(String raw, String original, String which) {
    String c = raw;
    char letter = 0;
    Matcher h = HEMISPHERE.matcher(c);
    if (h.find()) {
      letter = h.group().charAt(0);
      int start = h.start();
      int end = h.end();
      if (start != 0 && end != c.length() || h.find()) {
        throw unreadable(original, which, raw);
      }
      c = c.substring(0, start) + c.substring(end);
    }
    Matcher m = COMPONENT.matcher(c);
    if (!m.matches()) {
      throw unreadable(original, which, raw);
    }
    if (letter != 0 && "-".equals(m.group(1))) {
      throw new CoordinateException(original, "the " + which + " \"" + raw + "\" in \"" + original + "\" has both a"
          + " minus sign and a hemisphere letter; give one of them");
    }
    boolean hasMinutes = m.group(3) != null;
    boolean hasSeconds = m.group(4) != null;
    if (hasMinutes && m.group(2).contains(".") || hasSeconds && m.group(3).contains(".")) {
      throw new CoordinateException(original, "in the " + which + " \"" + raw + "\" only the last part may have"
          + " decimals (48°51'24.5\" or 48°51.408', not 48.5°51')");
    }
    double deg = Double.parseDouble(m.group(2));
    double min = hasMinutes ? Double.parseDouble(m.group(3)) : 0;
    double sec = hasSeconds ? Double.parseDouble(m.group(4)) : 0;
    if (min >= 60 || sec >= 60) {
      throw new CoordinateException(original, "the " + which + " \"" + raw + "\" in \"" + original
          + "\" has minutes or seconds of 60 or more; correct the value");
    }
    double value = deg + min / 60 + sec / 3600;
    boolean negative = "-".equals(m.group(1)) || letter == 'S' || letter == 'W';
    double max = "latitude".equals(which) ? 90 : 180;
    if (value > max) {
      throw new CoordinateException(original, "the " + which + " " + (negative ? "-" : "") + m.group(2)
          + (hasMinutes ? "°…" : "") + " in \"" + original + "\" is outside -" + (int) max + ".." + (int) max
          + ("latitude".equals(which) ? " (latitude first, then longitude: is the order swapped?)" : "")
          + "; correct the value");
    }
    return negative ? -value : value;
  }

  private static CoordinateException unreadable(String original, String which, String raw) {
    return new CoordinateException(original, "cannot read the " + which + " \"" + raw + "\" in \"" + original
        + "\"; write decimal degrees (48.8566, -2.35), with a hemisphere letter (48.8566N), or degrees, minutes and"
        + " seconds (48°51'24\"N)");
  }

  private static GeoPoint point(double lat, double lon, String original) {
    try {
      return new GeoPoint(lat, lon);
    } catch (CoordinateException e) {
      throw new CoordinateException(original, e.getMessage());
    }
  }

  /** The candidate spans {@link #find} tries; kept apart so the pattern compiles once. */
  private static final class InText {
    private static final String NUM = "[+\\-\u2212]?\\d{1,3}(?:\\.\\d+)?";
    private static final String DMS = "(?:[NSEWnsew]\\s?)?" + NUM + "(?:\\s?[°º˚]\\s?(?:\\d{1,2}(?:\\.\\d+)?\\s?['′’]"
        + "\\s?(?:\\d{1,2}(?:\\.\\d+)?\\s?(?:\"|''|″|”))?)?)?(?:\\s?[NSEWnsew](?![A-Za-z]))?";
    private static final String DECIMAL = "[+\\-\u2212]?\\d{1,2}\\.\\d{3,}\\s?,\\s?[+\\-\u2212]?\\d{1,3}\\.\\d{3,}";
    // a DMS pair needs a degree sign or a hemisphere letter somewhere; a bare decimal pair needs 3+ decimals each
    static final Pattern PAIR = Pattern.compile("(?<![\\w.])(?:" + DECIMAL + "|(?=[^,;\\n]*?[°º˚NSEWnsew])" + DMS
        + "\\s?[,;]?\\s?" + DMS + ")(?![\\w.])");
  }
}
