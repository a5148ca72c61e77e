package org.insight.core.internal;

import static org.insight.Messages.quote;
import static org.insight.core.internal.Problems.invalid;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * Country cleaning to ISO 3166-1 alpha-2, lowercase (as FollowTheMoney stores them). The lookup table is built
 * once from the JDK's own locale data (alpha-2, alpha-3, English names) plus a few aliases people write.
 */
public final class Countries {
  private Countries() {}

  private static final Map<String, String> LOOKUP = build();

  private static Map<String, String> build() {
    Map<String, String> m = new HashMap<>();
    // alpha-2 first so that no name or alias can shadow a code: every output must map to itself
    for (String cc : Locale.getISOCountries()) {
      m.put(cc.toLowerCase(Locale.ROOT), cc.toLowerCase(Locale.ROOT));
    }
    m.put("xk", "xk"); // Kosovo: user-assigned but universally used (FtM, EU, SWIFT); not in the JDK's list
    for (String cc : Locale.getISOCountries()) {
      String a2 = cc.toLowerCase(Locale.ROOT);
      Locale l = new Locale("", cc);
      try {
        m.putIfAbsent(l.getISO3Country().toLowerCase(Locale.ROOT), a2);
      } catch (MissingResourceException e) {
        // a code without alpha-3 data: reachable by alpha-2 and name only
      }
      String name = l.getDisplayCountry(Locale.ENGLISH);
      if (!name.isEmpty() && !name.equalsIgnoreCase(cc)) {
        for (String variant : variants(name)) {
          m.putIfAbsent(key(variant), a2);
        }
      }
    }
    String[][] aliases = {
      {"uk", "gb"}, {"great britain", "gb"}, {"britain", "gb"}, {"england", "gb"}, {"scotland", "gb"},
      {"wales", "gb"}, {"northern ireland", "gb"}, {"united kingdom of great britain and northern ireland", "gb"},
      {"usa", "us"}, {"u s a", "us"}, {"u s", "us"}, {"united states of america", "us"}, {"america", "us"},
      {"russia", "ru"}, {"russian federation", "ru"}, {"south korea", "kr"}, {"republic of korea", "kr"},
      {"north korea", "kp"}, {"iran", "ir"}, {"syria", "sy"}, {"vietnam", "vn"}, {"viet nam", "vn"},
      {"laos", "la"}, {"moldova", "md"}, {"czech republic", "cz"}, {"czechia", "cz"}, {"holland", "nl"},
      {"ivory coast", "ci"}, {"cote d ivoire", "ci"}, {"turkey", "tr"}, {"turkiye", "tr"},
      {"macedonia", "mk"}, {"north macedonia", "mk"}, {"burma", "mm"}, {"myanmar", "mm"},
      {"bolivia", "bo"}, {"venezuela", "ve"}, {"tanzania", "tz"}, {"taiwan", "tw"}, {"palestine", "ps"},
      {"vatican", "va"}, {"holy see", "va"}, {"kosovo", "xk"}, {"xkx", "xk"}, {"uae", "ae"},
      {"drc", "cd"}, {"dr congo", "cd"}, {"democratic republic of the congo", "cd"},
      {"republic of the congo", "cg"}, {"swaziland", "sz"}, {"eswatini", "sz"}, {"cape verde", "cv"},
      {"east timor", "tl"}, {"brunei", "bn"}, {"micronesia", "fm"}, {"hong kong", "hk"}, {"macau", "mo"},
      {"macao", "mo"},
    };
    for (String[] a : aliases) {
      m.putIfAbsent(key(a[0]), a[1]);
    }
    return Map.copyOf(m);
  }

  /** "Myanmar (Burma)" → also "Myanmar" and "Burma"; "St. Lucia" → also "Saint Lucia". */
  private static String[] variants(String name) {
    String noParen = name.replaceAll("\\s*\\(.*\\)", "");
    String inParen = name.contains("(") ? name.replaceAll(".*\\((.*)\\).*", "$1") : noParen;
    return new String[] {
      name, noParen, inParen, noParen.replace("St.", "Saint"), name.replace(" - ", " "),
    };
  }

  /** Case-, diacritic- and punctuation-insensitive key: "Côte d’Ivoire" → "cote d ivoire". */
  static String key(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    d = d.toLowerCase(Locale.ROOT).replace("&", " and ");
    return d.replaceAll("[^a-z0-9]+", " ").strip();
  }

  /** COUNTRY: see {@link org.insight.core.PropertyType#COUNTRY}. */
  public static String clean(String raw) {
    String k = raw.length() > 200 ? "" : key(raw);
    String cc = LOOKUP.get(k);
    if (cc == null) {
      throw invalid("country", "the value " + quote(raw) + " is not a known country; give an ISO 3166-1 code"
          + " (fr, fra) or the English name (France)");
    }
    return cc;
  }
}
