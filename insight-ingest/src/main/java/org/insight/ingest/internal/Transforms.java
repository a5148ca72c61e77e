package org.insight.ingest.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.insight.Messages;
import org.insight.ingest.ValueSource;

/** A {@link ValueSource} with its date patterns compiled, applying its transforms to raw values. Not API. */
final class Transforms {
  private final ValueSource value;
  private final List<DateTimeFormatter> dates = new ArrayList<>();
  private final List<DateTimeFormatter> dateTimes = new ArrayList<>();
  private final Pattern split;

  Transforms(ValueSource value) {
    this.value = value;
    for (String p : value.dateFormats()) {
      dates.add(p.equalsIgnoreCase("iso") ? DateTimeFormatter.ISO_LOCAL_DATE : compile(p));
    }
    for (String p : value.dateTimeFormats()) {
      dateTimes.add(p.equalsIgnoreCase("iso") ? DateTimeFormatter.ISO_DATE_TIME : compile(p));
    }
    split = value.split() == null ? null : Pattern.compile(Pattern.quote(value.split()));
  }

  /**
   * A DateTimeFormatter pattern, strict (no 30 February) — with {@code y} read as the proleptic year {@code u},
   * since strict resolution of year-of-era needs an era field that dates in files never have.
   */
  static DateTimeFormatter compile(String pattern) {
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      sb.append(!quoted && c == 'y' ? 'u' : c);
    }
    return DateTimeFormatter.ofPattern(sb.toString(), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  }

  /** The transformed values; a value a transform refuses throws {@link RecordView.FieldException}. */
  List<String> apply(List<String> raw) {
    List<String> out = new ArrayList<>();
    for (String r : raw) {
      if (r == null) {
        continue;
      }
      List<String> parts = split == null ? List.of(r) : List.of(split.split(r, -1));
      for (String part : parts) {
        String v = value.trim() ? strip(part) : part;
        if (v.isBlank()) {
          continue;
        }
        v = lookup(v);
        if (v == null) {
          continue;
        }
        if (value.decimalComma()) {
          v = v.replace(" ", "").replace("\u00a0", "").replace(".", "").replace(',', '.');
        }
        if (!dates.isEmpty()) {
          v = date(v);
        } else if (!dateTimes.isEmpty()) {
          v = dateTime(v);
        }
        out.add(v);
      }
    }
    return out;
  }

  // trims spaces and the stray quotes messy exports leave around a cell ("  \"abc\" " → abc)
  private static String strip(String s) {
    String t = s.strip();
    if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }

  private String lookup(String v) {
    if (value.lookup().isEmpty()) {
      return v;
    }
    String mapped = value.lookup().get(v.toUpperCase(Locale.ROOT));
    if (mapped != null) {
      return mapped.isEmpty() ? null : mapped;
    }
    if (value.strictLookup()) {
      throw new RecordView.FieldException("the code " + Messages.quote(v) + " is not in the "
          + (value.lookupName().isEmpty() ? "" : "'" + value.lookupName() + "' ") + "code list; known codes: "
          + String.join(", ", value.lookup().keySet().stream().limit(20).toList())
          + (value.lookup().size() > 20 ? ", …" : "") + "; add it to the mapping's lookup");
    }
    return v;
  }

  private String date(String v) {
    for (DateTimeFormatter f : dates) {
      try {
        return LocalDate.parse(v, f).toString();
      } catch (DateTimeParseException e) {
        // try the next pattern
      }
    }
    throw new RecordView.FieldException(Messages.quote(v) + " does not match the date format "
        + String.join(" or ", value.dateFormats().stream().map(p -> "'" + p + "'").toList())
        + "; fix the value, or add its format to the mapping");
  }

  private String dateTime(String v) {
    for (int i = 0; i < dateTimes.size(); i++) {
      DateTimeFormatter f = dateTimes.get(i);
      String s = value.dateTimeFormats().get(i).equalsIgnoreCase("iso") && v.length() > 10 && v.charAt(10) == ' '
          ? v.substring(0, 10) + 'T' + v.substring(11) : v;
      if (f == DateTimeFormatter.ISO_DATE_TIME && s.length() == 10) {
        f = DateTimeFormatter.ISO_LOCAL_DATE;   // a day without a time: kept at the precision the source has
      }
      try {
        TemporalAccessor t = f.parseBest(s, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from,
            LocalDate::from);
        if (t instanceof LocalDate d) {
          return d.toString();
        } else if (t instanceof ZonedDateTime z) {
          return z.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } else if (t instanceof OffsetDateTime o) {
          return o.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return ((LocalDateTime) t).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      } catch (DateTimeParseException e) {
        // try the next pattern
      }
    }
    throw new RecordView.FieldException(Messages.quote(v) + " does not match the date-time format "
        + String.join(" or ", value.dateTimeFormats().stream().map(p -> "'" + p + "'").toList())
        + "; fix the value, or add its format to the mapping");
  }
}
