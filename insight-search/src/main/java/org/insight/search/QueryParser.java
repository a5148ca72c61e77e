package org.insight.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The analyst query syntax ({@code insight search "…"}), parsed into a {@link Clause} tree by a single-pass
 * recursive-descent parser (linear in the query length, bounded recursion).
 *
 * <h2>Terms</h2>
 * <ul>
 *   <li>{@code blue van}: words, each must match: {@code And[Text(blue), Text(van)]}; one word is just {@code Text}.
 *       A word runs up to whitespace (any Unicode whitespace), {@code (}, {@code )} or {@code "}; it may hold any other
 *       character (Cyrillic, Arabic, CJK, digits, {@code - . @ '} …).</li>
 *   <li>{@code "blue van"}: a phrase; inside quotes {@code \"} is a quote and {@code \\} a backslash (any other
 *       backslash is literal). The text between the quotes is kept exactly.</li>
 *   <li>{@code petr*}, {@code p?trov}: a wildcard; at least 2 characters must precede the first {@code *} or
 *       {@code ?} (a leading wildcard would scan every term of the index).</li>
 *   <li>{@code ivan~} (1 edit), {@code ivan~0}, {@code ivan~2}: fuzzy; 3 edits or more are refused.</li>
 * </ul>
 *
 * <h2>Operators</h2>
 * {@code AND}, {@code OR}, {@code NOT} (upper case only: lower-case and/or/not are words), {@code -term} (NOT),
 * {@code +term} (required, i.e. a plain term), parentheses. Precedence: NOT and -/+ bind tightest, then AND (explicit
 * or implicit), then OR: {@code a OR b c} is {@code Or[a, And[b, c]]}. A chain {@code a AND b c} is one n-ary
 * {@code And}; a parenthesised group stays its own node ({@code (a b) c} is {@code And[And[a, b], c]}), and
 * {@code (a)} is just {@code a}. A {@code -} or {@code +} must touch its term ({@code - a} is an error), so a
 * word cannot start with - or + outside quotes ({@code +33612345678} alone means "required 33612345678").
 *
 * <h2>Fields</h2>
 * {@code field:value}, {@code field:"quoted value"}, {@code field:(a OR b)} (the field applies to every term
 * inside). A field name is {@code [A-Za-z][A-Za-z0-9_-]*}; the reserved names below match in any case.
 * After {@code field:} an unquoted value is read raw up to whitespace or {@code )} (so {@code phone:+33612345678}
 * and {@code email:a.b@c.org} work); a value with spaces needs quotes: {@code phone:"+33 6 12 34 56 78"}. Inside
 * {@code field:( … )} terms are read like words (they stop at {@code "} and {@code (}, a leading -/+ is the
 * operator and a colon is just a character), so quote values that start with + or -: {@code phone:("+33…" OR …)}.
 * <ul>
 *   <li>{@code name:} → {@link Clause.Name}. {@code name:"Ivan Petrov"} is one name; {@code name:(Ivan Petrov)}
 *       is one name too (adjacent plain words in a name group join with one space), while
 *       {@code name:(Ivan OR Petrov)} and {@code name:(Ivan AND Petrov)} are two names. Without quotes or
 *       parentheses the field takes one word: {@code name:Ivan Petrov} is {@code And[Name(Ivan), Text(Petrov)]}.
 *       {@code name:petr*} and {@code name:ivan~} are {@code Wildcard("name", …)} and {@code Fuzzy("name", …)}.</li>
 *   <li>{@code id:} / {@code identifier:} → {@code Identifier(null, value)}; {@code phone: iban: passport: email:
 *       imei: bic: vin: national-id:} → {@code Identifier(scheme, value)} with the scheme in lower case. Identifier
 *       values are raw: no wildcard or fuzzy.</li>
 *   <li>{@code any:"who smuggled the cigarettes"} → {@link Clause.AnyOf}: natural-language words, any of which may
 *       match, ranked by BM25; the words must be quoted, and nothing inside the quotes is read as syntax. It combines
 *       like any term: {@code any:"stolen cars" dataset:reports} ranks within one dataset.</li>
 *   <li>{@code type:} → {@link Clause.Type}; {@code dataset:} → {@link Clause.Dataset} (raw values).</li>
 *   <li>{@code text:} / {@code title:} → {@code Text(field, …)}, {@code Phrase(field, …)}, wildcard or fuzzy.</li>
 *   <li>{@code near:LAT,LON,Nkm} or {@code near:LAT,LON,Nm} (e.g. {@code near:48.85,2.35,10km},
 *       {@code near:48.85,2.35,500m}) → {@link Clause.Near} (metres are converted to km).</li>
 *   <li>{@code field:[FROM TO TO]} on any field → {@code DateRange(field, from, to)}; {@code date:[…]} is any
 *       date ({@code property == null}); {@code *} is an open bound; bounds are a year, a month or a day
 *       ({@code 1970}, {@code 1970-03}, {@code 1970-03-15}). {@code {…}} is read like {@code […]}: both bounds are
 *       always inclusive. {@code date:1975} is {@code DateRange(null, 1975, 1975)}. A range that ends before it
 *       starts ({@code [2000 TO 1900]}) or a bound that is no calendar date ({@code 1970-13}) is refused.</li>
 *   <li>any other field → {@code Property(field, value)} (the engine checks the name against the schema); unquoted
 *       property values with {@code *}/{@code ?} or a {@code ~N} tail are wildcard/fuzzy on that property, quoted
 *       values are always exact.</li>
 * </ul>
 *
 * <h2>Limits</h2>
 * At most {@value #MAX_LENGTH} characters, {@value #MAX_CLAUSES} clauses, {@value #MAX_DEPTH} levels of nesting
 * (parentheses and NOT/-/+). Every problem is a {@link QuerySyntaxException} with a 0-based char position and
 * what to do about it; nothing else is ever thrown.
 */
final class QueryParser {
  static final int MAX_LENGTH = 10_000;
  static final int MAX_CLAUSES = 1_024;
  static final int MAX_DEPTH = 32;

  static final Set<String> SCHEMES = Set.of("phone", "iban", "passport", "email", "imei", "bic", "vin", "national-id");
  private static final Set<String> RESERVED = Set.of("name", "id", "identifier", "type", "dataset", "text", "title",
      "near", "date", "any", "phone", "iban", "passport", "email", "imei", "bic", "vin", "national-id");

  private static final Pattern DATE = Pattern.compile("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?");
  private static final Pattern NEAR =
      Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?),(-?[0-9]+(?:\\.[0-9]+)?),([0-9]+(?:\\.[0-9]+)?)(km|m)");

  private enum Kind { TEXT, NAME, IDENTIFIER, TYPE, DATASET, NEAR, DATE, PROPERTY, ANY_WORDS }

  /** A field context: {@code typed} as written, {@code name} as it goes into the clause. */
  private record Field(String typed, String name, Kind kind) {}

  private static final Field ANY = new Field(null, null, Kind.TEXT);

  /** A parsed operand of an AND chain; {@code bareName} marks a plain word in a name group (joinable). */
  private record Operand(Clause clause, boolean bareName, boolean implicit) {}

  private final String q;
  private final int n;
  private int pos;
  private int clauses;
  private int depth;

  private QueryParser(String q) {
    this.q = q;
    this.n = q.length();
  }

  static Clause parse(String text) {
    if (text == null || isBlankWs(text)) {
      throw new QuerySyntaxException(String.valueOf(text), 0,
          "the query is empty; type words, a \"phrase\" or field:value");
    }
    if (text.length() > MAX_LENGTH) {
      throw new QuerySyntaxException(text, MAX_LENGTH, "the query is " + text.length()
          + " characters long and the limit is " + MAX_LENGTH + "; shorten it or split it into several searches");
    }
    QueryParser p = new QueryParser(text);
    p.skipWs();
    Clause c = p.parseOr(ANY);
    p.skipWs();
    if (p.pos < p.n) { // parseOr stops only at the end or at ')'
      throw p.error(p.pos, "unexpected ')' with no matching '('; remove it or add a '(' before the group");
    }
    return c;
  }

  // ---------------------------------------------------------------- grammar

  private Clause parseOr(Field f) {
    List<Clause> parts = new ArrayList<>();
    int start = pos;
    parts.add(parseAnd(f));
    while (true) {
      skipWs();
      if (!keywordAt("OR")) {
        break;
      }
      int op = pos;
      pos += 2;
      skipWs();
      expectTermAfter("OR", op);
      parts.add(parseAnd(f));
    }
    return parts.size() == 1 ? parts.get(0) : count(new Clause.Or(parts), start);
  }

  private Clause parseAnd(Field f) {
    int start = pos;
    List<Operand> ops = new ArrayList<>();
    ops.add(parseUnary(f, false));
    while (true) {
      skipWs();
      if (pos >= n || q.charAt(pos) == ')' || keywordAt("OR")) {
        break;
      }
      boolean implicit = true;
      if (keywordAt("AND")) {
        int op = pos;
        pos += 3;
        skipWs();
        expectTermAfter("AND", op);
        implicit = false;
      }
      ops.add(parseUnary(f, implicit));
    }
    List<Clause> parts = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Operand o = ops.get(i);
      if (f.kind == Kind.NAME && o.bareName && o.implicit && i > 0 && ops.get(i - 1).bareName
          && parts.get(parts.size() - 1) instanceof Clause.Name prev) {
        parts.set(parts.size() - 1, new Clause.Name(prev.name() + " " + ((Clause.Name) o.clause).name()));
      } else {
        parts.add(o.clause);
      }
    }
    return parts.size() == 1 ? parts.get(0) : count(new Clause.And(parts), start);
  }

  private Operand parseUnary(Field f, boolean implicit) {
    int start = pos;
    if (pos >= n) {
      throw error(start, "expected a term at the end of the query");
    }
    char c = q.charAt(pos);
    if (c == ')') {
      throw error(pos, "unexpected ')' with no matching '('; remove it or add a '(' before the group");
    }
    for (String kw : new String[] {"AND", "OR"}) {
      if (keywordAt(kw)) {
        throw error(pos, "expected a term before " + kw + "; " + kw + " joins two terms, as in: a " + kw
            + " b (to search the word itself, write it in lower case or quote it: \"" + kw + "\")");
      }
    }
    if (keywordAt("NOT")) {
      pos += 3;
      skipWs();
      expectTermAfter("NOT", start);
      enter(start);
      Clause x = parseUnary(f, false).clause;
      depth--;
      return new Operand(count(new Clause.Not(x), start), false, implicit);
    }
    if (c == '-' || c == '+') {
      if (pos + 1 >= n || isWs(q.charAt(pos + 1)) || q.charAt(pos + 1) == ')') {
        throw error(start, "expected a term right after '" + c + "' (no space between): -word excludes a word, "
            + "+word requires it; to search a lone '" + c + "' quote it");
      }
      pos++;
      enter(start);
      Clause x = parseUnary(f, false).clause;
      depth--;
      return new Operand(c == '-' ? count(new Clause.Not(x), start) : x, false, implicit);
    }
    return parsePrimary(f, implicit);
  }

  private Operand parsePrimary(Field f, boolean implicit) {
    int start = pos;
    char c = q.charAt(pos);
    if (c == '(') {
      return new Operand(group(f), false, implicit);
    }
    if (c == '"') {
      String s = readQuoted();
      return new Operand(value(f, s, true, start), false, implicit);
    }
    if (c == '[' || c == '{') {
      if (f == ANY) {
        throw error(start, "a date range needs a field, as in date:[1970 TO 1980] or birthDate:[1970 TO *]; "
            + "to search the text itself, quote it");
      }
      return new Operand(range(f), false, implicit);
    }
    if (f == ANY) {
      int i = fieldEnd(pos);
      if (i > pos && i < n && q.charAt(i) == ':') {
        return new Operand(fielded(q.substring(pos, i), i + 1), false, implicit);
      }
    }
    int end = pos;
    while (end < n && !isWordEnd(q.charAt(end))) {
      end++;
    }
    String word = q.substring(pos, end);
    pos = end;
    Clause v = value(f, word, false, start);
    return new Operand(v, f.kind == Kind.NAME && v instanceof Clause.Name, implicit);
  }

  private Clause group(Field f) {
    int open = pos;
    enter(open);
    pos++;
    skipWs();
    if (pos >= n) {
      throw unclosedParen(open);
    }
    if (q.charAt(pos) == ')') {
      throw error(open, "empty parentheses; put terms inside, as in (a OR b), or remove them");
    }
    Clause c = parseOr(f);
    skipWs();
    if (pos >= n) {
      throw unclosedParen(open);
    }
    pos++; // parseOr stops only at the end or at ')'
    depth--;
    return c;
  }

  private QuerySyntaxException unclosedParen(int open) {
    return error(open, "unclosed parenthesis opened at position " + open + "; add the closing ')'");
  }

  /** {@code field:…} at top level; {@code at} is just after the colon. */
  private Clause fielded(String typed, int at) {
    int start = pos;
    Field f = field(typed);
    pos = at;
    if (pos >= n || isWs(q.charAt(pos)) || q.charAt(pos) == ')') {
      throw error(start, "the field '" + typed + ":' has nothing after it; write " + typed + ":value, " + typed
          + ":\"several words\" or " + typed + ":(a OR b), with no space after the colon");
    }
    char c = q.charAt(pos);
    if (f.kind == Kind.ANY_WORDS && c != '"') {
      throw error(start, "any: takes its words in quotes, as in any:\"who smuggled the cigarettes\"; inside the "
          + "quotes no operator or field is read");
    }
    if (c == '(') {
      return group(f);
    }
    if (c == '"') {
      int vs = pos;
      return value(f, readQuoted(), true, vs);
    }
    if (c == '[' || c == '{') {
      return range(f);
    }
    int vs = pos;
    int end = pos;
    while (end < n && !isWs(q.charAt(end)) && q.charAt(end) != ')') {
      end++;
    }
    pos = end;
    return value(f, q.substring(vs, end), false, vs);
  }

  private static Field field(String typed) {
    String l = typed.toLowerCase(Locale.ROOT);
    switch (l) {
      case "name":
        return new Field(typed, "name", Kind.NAME);
      case "id":
      case "identifier":
        return new Field(typed, null, Kind.IDENTIFIER);
      case "type":
        return new Field(typed, null, Kind.TYPE);
      case "dataset":
        return new Field(typed, null, Kind.DATASET);
      case "text":
      case "title":
        return new Field(typed, l, Kind.TEXT);
      case "near":
        return new Field(typed, null, Kind.NEAR);
      case "date":
        return new Field(typed, null, Kind.DATE);
      case "any":
        return new Field(typed, null, Kind.ANY_WORDS);
      default:
        return SCHEMES.contains(l) ? new Field(typed, l, Kind.IDENTIFIER) : new Field(typed, typed, Kind.PROPERTY);
    }
  }

  /** The clause for one value in a field context. */
  private Clause value(Field f, String v, boolean quoted, int at) {
    if (quoted && isBlankWs(v)) {
      throw error(at, "empty quotes; put words between the quotes or remove them");
    }
    switch (f.kind) {
      case TEXT:
        return quoted ? leaf(at, () -> new Clause.Phrase(f.name, v)) : textish(f, v, at);
      case NAME:
        return quoted ? leaf(at, () -> new Clause.Name(v)) : textish(f, v, at);
      case PROPERTY:
        return quoted ? leaf(at, () -> new Clause.Property(f.name, v)) : textish(f, v, at);
      case IDENTIFIER:
        return leaf(at, () -> new Clause.Identifier(f.name, v));
      case TYPE:
        return leaf(at, () -> new Clause.Type(v));
      case DATASET:
        return leaf(at, () -> new Clause.Dataset(v));
      case NEAR:
        return near(v, at);
      case DATE:
        checkDate(v, at);
        return leaf(at, () -> new Clause.DateRange(null, v, v));
      case ANY_WORDS:
        return leaf(at, () -> new Clause.AnyOf(v));
      default:
        throw new AssertionError(f.kind);
    }
  }

  /** An unquoted value of a text-like field: wildcard, fuzzy or plain. */
  private Clause textish(Field f, String v, int at) {
    String field = f.name;
    int tilde = v.lastIndexOf('~');
    if (tilde >= 0 && asciiDigits(v, tilde + 1)) {
      String w = v.substring(0, tilde);
      String d = v.substring(tilde + 1);
      if (w.isEmpty()) {
        throw error(at, "'~' needs a word right before it, as in ivan~ (1 edit) or ivan~2 (2 edits)");
      }
      if (wildcardIndex(w) >= 0) {
        throw error(at, "a term cannot be both a wildcard and fuzzy; use either petr* or petrov~");
      }
      int edits = d.isEmpty() ? 1 : d.length() > 1 ? Integer.MAX_VALUE : d.charAt(0) - '0';
      if (edits > 2) {
        throw error(at, "a fuzzy match allows at most 2 edits, not ~" + d + "; use " + w + "~ (1 edit) or "
            + w + "~2");
      }
      return leaf(at, () -> new Clause.Fuzzy(field, w, edits));
    }
    int wild = wildcardIndex(v);
    if (wild >= 0) {
      if (v.codePointCount(0, wild) < 2) {
        throw error(at, "a wildcard needs at least 2 leading characters (a leading wildcard would scan every term "
            + "in the index); try more letters before the " + v.charAt(wild) + ", as in petr*, or a fuzzy match "
            + "such as petrov~");
      }
      return leaf(at, () -> new Clause.Wildcard(field, v));
    }
    switch (f.kind) {
      case NAME:
        return leaf(at, () -> new Clause.Name(v));
      case PROPERTY:
        return leaf(at, () -> new Clause.Property(field, v));
      default:
        return leaf(at, () -> new Clause.Text(field, v));
    }
  }

  private Clause near(String v, int at) {
    Matcher m = NEAR.matcher(v);
    if (!m.matches()) {
      throw error(at, "near needs LAT,LON,DISTANCE with the distance in km or m and no spaces, as in "
          + "near:48.85,2.35,10km or near:48.85,2.35,500m");
    }
    double lat = Double.parseDouble(m.group(1)) + 0.0; // + 0.0 turns -0.0 into 0.0
    double lon = Double.parseDouble(m.group(2)) + 0.0;
    double d = Double.parseDouble(m.group(3));
    double km = m.group(4).equals("m") ? d / 1000 : d;
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && km > 0 && km <= 20_038)) {
      throw error(at, "near needs a latitude in [-90, 90], a longitude in [-180, 180] and a distance above 0 and "
          + "at most 20038 km; got " + v);
    }
    return leaf(at, () -> new Clause.Near(lat, lon, km));
  }

  /** {@code [FROM TO TO]} or {@code {FROM TO TO}} at {@code pos}. */
  private Clause range(Field f) {
    int open = pos;
    pos++;
    skipWs();
    String from = bound(open);
    skipWs();
    if (!(q.startsWith("TO", pos) && pos + 2 < n && isWs(q.charAt(pos + 2)))) {
      throw error(pos >= n ? open : pos, "expected TO between the two dates of the range opened at position "
          + open + ", as in [1970 TO 1980] (TO in upper case, with spaces around it)");
    }
    pos += 2;
    skipWs();
    String to = bound(open);
    skipWs();
    if (pos >= n) {
      throw error(open, "unclosed date range opened at position " + open + "; close it with ]");
    }
    if (q.charAt(pos) != ']' && q.charAt(pos) != '}') {
      throw error(pos, "expected ] to close the date range opened at position " + open
          + ", as in [1970 TO 1980]");
    }
    pos++;
    String a = from.equals("*") ? null : from;
    String b = to.equals("*") ? null : to;
    if (a != null) {
      checkDate(a, open);
    }
    if (b != null) {
      checkDate(b, open);
    }
    if (a == null && b == null) {
      throw error(open, "a date range needs at least one date; [* TO *] would match everything, so leave it out");
    }
    String property = f.kind == Kind.DATE ? null : f.typed;
    return leaf(open, () -> new Clause.DateRange(property, a, b));
  }

  private String bound(int open) {
    int s = pos;
    while (pos < n && !isWs(q.charAt(pos)) && q.charAt(pos) != ']' && q.charAt(pos) != '}') {
      pos++;
    }
    if (pos == s) {
      if (pos >= n) {
        throw error(open, "unclosed date range opened at position " + open + "; close it with ]");
      }
      throw error(pos, "expected a date or * in the range opened at position " + open + ", as in [1970 TO 1980]");
    }
    return q.substring(s, pos);
  }

  private void checkDate(String d, int at) {
    if (!DATE.matcher(d).matches()) {
      throw error(at, "'" + shorten(d) + "' is not a date; write a year (1970), a month (1970-03), a day "
          + "(1970-03-15) or * for an open bound");
    }
  }

  // ---------------------------------------------------------------- lexing helpers

  private String readQuoted() {
    int open = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < n) {
      char c = q.charAt(pos);
      if (c == '\\' && pos + 1 < n && (q.charAt(pos + 1) == '"' || q.charAt(pos + 1) == '\\')) {
        sb.append(q.charAt(pos + 1));
        pos += 2;
      } else if (c == '"') {
        pos++;
        return sb.toString();
      } else {
        sb.append(c);
        pos++;
      }
    }
    throw error(open, "unclosed quote opened at position " + open + "; add the closing \" (a quote inside a "
        + "phrase is written \\\")");
  }

  private void expectTermAfter(String op, int opPos) {
    if (pos >= n || q.charAt(pos) == ')' || keywordAt("AND") || keywordAt("OR")) {
      throw error(opPos, "expected a term after " + op + " at position " + opPos + "; add a word, a \"phrase\", "
          + "field:value or a (group) after it, or remove " + op);
    }
  }

  private boolean keywordAt(String kw) {
    int e = pos + kw.length();
    return q.startsWith(kw, pos) && (e == n || isDelimiter(q.charAt(e)));
  }

  /** The end of a field name starting at {@code i}, or {@code i} when there is none. */
  private int fieldEnd(int i) {
    if (i >= n || !isAsciiLetter(q.charAt(i))) {
      return i;
    }
    int e = i + 1;
    while (e < n && (isAsciiLetter(q.charAt(e)) || (q.charAt(e) >= '0' && q.charAt(e) <= '9')
        || q.charAt(e) == '_' || q.charAt(e) == '-')) {
      e++;
    }
    return e;
  }

  private void skipWs() {
    while (pos < n && isWs(q.charAt(pos))) {
      pos++;
    }
  }

  private void enter(int at) {
    if (++depth > MAX_DEPTH) {
      throw error(at, "the query nests deeper than " + MAX_DEPTH + " levels (parentheses, NOT, - and +); "
          + "flatten it");
    }
  }

  private Clause count(Clause c, int at) {
    if (++clauses > MAX_CLAUSES) {
      throw error(at, "the query has more than " + MAX_CLAUSES + " clauses; narrow it down or split it into "
          + "several searches");
    }
    return c;
  }

  private Clause leaf(int at, Supplier<Clause> make) {
    Clause c;
    try {
      c = make.get();
    } catch (QuerySyntaxException e) { // a record's own check; give it the position
      throw error(at, e.getMessage());
    }
    return count(c, at);
  }

  private QuerySyntaxException error(int at, String problem) {
    return new QuerySyntaxException(q, at, problem);
  }

  static boolean isWs(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  static boolean isBlankWs(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isWs(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDelimiter(char c) {
    return isWs(c) || c == '(' || c == ')' || c == '"';
  }

  private static boolean isWordEnd(char c) {
    return isDelimiter(c);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean asciiDigits(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int wildcardIndex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '*' || s.charAt(i) == '?') {
        return i;
      }
    }
    return -1;
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  // ---------------------------------------------------------------- printing

  /**
   * Renders a clause in the analyst syntax such that {@code parse(print(c)).equals(c)} for every clause the parser
   * can produce. Each leaf is rendered bare when that reads back exactly, else quoted; {@code And} children that
   * are {@code And}/{@code Or}, {@code Or} children that are {@code Or} and {@code Not} operands that are
   * {@code And}/{@code Or} are parenthesised, so the tree shape is kept.
   *
   * @throws IllegalArgumentException for a clause the syntax cannot express: {@link Clause.All},
   *     {@link Clause.Within}, an {@code And}/{@code Or} of fewer than 2 clauses, or a leaf no analyst text parses
   *     to (e.g. {@code Text(null, "blue van")}, a {@code Phrase} on a property, {@code Identifier("foo", …)}).
   */
  static String print(Clause c) {
    StringBuilder sb = new StringBuilder();
    print(c, sb);
    return sb.toString();
  }

  private static void print(Clause c, StringBuilder sb) {
    if (c instanceof Clause.And a) {
      requireComposite(a.clauses(), c);
      String sep = "";
      for (Clause x : a.clauses()) {
        sb.append(sep);
        sep = " ";
        printWrapped(x, x instanceof Clause.And || x instanceof Clause.Or, sb);
      }
    } else if (c instanceof Clause.Or o) {
      requireComposite(o.clauses(), c);
      String sep = "";
      for (Clause x : o.clauses()) {
        sb.append(sep);
        sep = " OR ";
        printWrapped(x, x instanceof Clause.Or, sb);
      }
    } else if (c instanceof Clause.Not x) {
      sb.append("NOT ");
      printWrapped(x.clause(), x.clause() instanceof Clause.And || x.clause() instanceof Clause.Or, sb);
    } else {
      sb.append(printLeaf(c));
    }
  }

  private static void printWrapped(Clause c, boolean wrap, StringBuilder sb) {
    if (wrap) {
      sb.append('(');
      print(c, sb);
      sb.append(')');
    } else {
      print(c, sb);
    }
  }

  private static void requireComposite(List<Clause> parts, Clause c) {
    if (parts.size() < 2) {
      throw new IllegalArgumentException("the analyst syntax has no form for " + c + " (fewer than 2 clauses)");
    }
  }

  private static String printLeaf(Clause c) {
    List<String> candidates = new ArrayList<>();
    if (c instanceof Clause.Text t) {
      candidates.add(prefix(t.field()) + t.words());
    } else if (c instanceof Clause.Phrase p) {
      candidates.add(prefix(p.field()) + quote(p.words()));
    } else if (c instanceof Clause.AnyOf a) {
      candidates.add("any:" + quote(a.words()));
    } else if (c instanceof Clause.Wildcard w) {
      candidates.add(prefix(w.field()) + w.pattern());
    } else if (c instanceof Clause.Fuzzy z) {
      candidates.add(prefix(z.field()) + z.word() + "~" + z.edits());
    } else if (c instanceof Clause.Name nm) {
      candidates.add("name:" + nm.name());
      candidates.add("name:" + quote(nm.name()));
    } else if (c instanceof Clause.Identifier id) {
      String f = id.scheme() == null ? "id:" : id.scheme() + ":";
      candidates.add(f + id.value());
      candidates.add(f + quote(id.value()));
    } else if (c instanceof Clause.Property p) {
      if (!RESERVED.contains(p.property().toLowerCase(Locale.ROOT))) {
        candidates.add(p.property() + ":" + p.value());
        candidates.add(p.property() + ":" + quote(p.value()));
      }
    } else if (c instanceof Clause.Type t) {
      candidates.add("type:" + t.schema());
      candidates.add("type:" + quote(t.schema()));
    } else if (c instanceof Clause.Dataset d) {
      candidates.add("dataset:" + d.name());
      candidates.add("dataset:" + quote(d.name()));
    } else if (c instanceof Clause.DateRange r) {
      candidates.add((r.property() == null ? "date" : r.property()) + ":[" + (r.from() == null ? "*" : r.from())
          + " TO " + (r.to() == null ? "*" : r.to()) + "]");
    } else if (c instanceof Clause.Near nr) {
      candidates.add("near:" + plain(nr.lat()) + "," + plain(nr.lon()) + "," + plain(nr.km()) + "km");
    }
    for (String s : candidates) {
      try {
        if (c.equals(parse(s))) {
          return s;
        }
      } catch (QuerySyntaxException e) {
        // try the next form
      }
    }
    throw new IllegalArgumentException("the analyst syntax has no form for " + c);
  }

  private static String prefix(String field) {
    return field == null ? "" : field + ":";
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).toPlainString();
  }
}
