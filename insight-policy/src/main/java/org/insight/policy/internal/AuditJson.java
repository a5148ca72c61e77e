package org.insight.policy.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.insight.Hashing;
import org.insight.policy.AuditEvent;
import org.insight.policy.AuditKey;
import org.insight.policy.AuditRecord;

/**
 * The one-line JSON form of an audit record, and its hash. Not API.
 *
 * <p>A line is {@code {"seq":..,"at":..,"principal":..,"purpose":..,"operation":..,"query":..,
 * "items":[..],"outcome":..,"prev":..,"hash":..}} with no whitespace. The canonical encoding that is
 * hashed is the same object without {@code prev} and {@code hash}. Strings escape {@code "}, {@code \},
 * control characters and unpaired surrogates; everything else passes through as UTF-8, so the encoding of
 * a value is unique and a line can be checked against the re-encoding of what it decodes to.
 *
 * <p>The decoder reads only this layout (fixed key order, no whitespace); anything else is malformed.
 */
public final class AuditJson {

  /** The previous-hash of the first record: 64 zeros. */
  public static final String ZERO_HASH = "0".repeat(64);

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private AuditJson() {}

  /** A line that is not an audit record; the message says where and why. */
  public static final class MalformedLineException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedLineException(String message) {
      super(message);
    }
  }

  /**
   * The canonical encoding of a sequence number and an event: the part of a line that is hashed.
   *
   * @param sequence the sequence number
   * @param event the event
   * @return {@code {"seq":..,...,"outcome":..}}
   */
  public static String canonical(long sequence, AuditEvent event) {
    return canonical(sequence, event, null);
  }

  /**
   * The canonical encoding of an entry, keyed ({@code {"v":2,"key":..,"seq":..}}) or not.
   *
   * @param sequence the sequence number
   * @param event the event
   * @param keyId the key id of a keyed entry, or null
   * @return the text that is hashed or MACed
   */
  public static String canonical(long sequence, AuditEvent event, String keyId) {
    StringBuilder sb = new StringBuilder(256);
    appendCanonicalBody(sb, sequence, event, keyId);
    return sb.append('}').toString();
  }

  private static void appendCanonicalBody(StringBuilder sb, long sequence, AuditEvent e, String keyId) {
    if (keyId != null) {
      sb.append("{\"v\":2,\"key\":");
      string(sb, keyId);
      sb.append(",\"seq\":").append(sequence);
    } else {
      sb.append("{\"seq\":").append(sequence);
    }
    sb.append(",\"at\":");
    string(sb, e.at().toString());
    sb.append(",\"principal\":");
    string(sb, e.principal());
    sb.append(",\"purpose\":");
    string(sb, e.purpose());
    sb.append(",\"operation\":");
    string(sb, e.operation());
    sb.append(",\"query\":");
    string(sb, e.query());
    sb.append(",\"items\":[");
    List<String> items = e.items();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      string(sb, items.get(i));
    }
    sb.append("],\"outcome\":");
    string(sb, e.outcome());
  }

  /**
   * The hash of a record: lowercase hex SHA-256 of {@code previousHash + canonical(sequence, event)}.
   *
   * @param previousHash the previous record's hash
   * @param sequence the sequence number
   * @param event the event
   * @return 64 lowercase hex digits
   */
  public static String hash(String previousHash, long sequence, AuditEvent event) {
    return sha256(previousHash + canonical(sequence, event));
  }

  /**
   * Builds the record that follows {@code previousHash} with the given sequence number.
   *
   * @param sequence the sequence number
   * @param event the event
   * @param previousHash the previous record's hash
   * @return the record with its hash
   */
  public static AuditRecord chain(long sequence, AuditEvent event, String previousHash) {
    return new AuditRecord(sequence, event, previousHash, hash(previousHash, sequence, event));
  }

  /**
   * The keyed hash of an entry: lowercase hex HMAC-SHA256 under {@code key} of {@code previousHash +
   * canonical(sequence, event, key.id())}.
   *
   * @param key the key
   * @param previousHash the previous record's hash
   * @param sequence the sequence number
   * @param event the event
   * @return 64 lowercase hex digits
   */
  public static String mac(AuditKey key, String previousHash, long sequence, AuditEvent event) {
    return key.hmacHex(previousHash + canonical(sequence, event, key.id()));
  }

  /**
   * Builds the record that follows {@code previousHash}, keyed when {@code key} is not null.
   *
   * @param sequence the sequence number
   * @param event the event
   * @param previousHash the previous record's hash
   * @param key the chain's key, or null for an unkeyed entry
   * @return the record with its hash
   */
  public static AuditRecord chain(long sequence, AuditEvent event, String previousHash, AuditKey key) {
    if (key == null) {
      return chain(sequence, event, previousHash);
    }
    return new AuditRecord(sequence, event, previousHash, mac(key, previousHash, sequence, event), key.id());
  }

  /**
   * The line for a record, without the line end.
   *
   * @param r the record
   * @return the JSON object on one line
   */
  public static String line(AuditRecord r) {
    StringBuilder sb = new StringBuilder(384);
    appendCanonicalBody(sb, r.sequence(), r.event(), r.keyId());
    sb.append(",\"prev\":");
    string(sb, r.previousHash());
    sb.append(",\"hash\":");
    string(sb, r.hash());
    return sb.append('}').toString();
  }

  private static boolean isKeyId(String s) {
    return s.length() == 16 && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  /**
   * Whether {@code s} is 64 lowercase hex digits.
   *
   * @param s a string
   * @return true for a well-formed hash
   */
  public static boolean isHash(String s) {
    if (s == null || s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * SHA-256 of the UTF-8 bytes of {@code text}, as lowercase hex.
   *
   * @param text the text
   * @return 64 lowercase hex digits
   */
  public static String sha256(String text) {
    return Hashing.sha256Hex(text);
  }

  /**
   * SHA-256 of bytes, as lowercase hex.
   *
   * @param bytes the bytes
   * @param offset where to start
   * @param length how many
   * @return 64 lowercase hex digits
   */
  public static String sha256(byte[] bytes, int offset, int length) {
    return Hashing.sha256Hex(bytes, offset, length);
  }


  /**
   * Appends {@code s} as a JSON string literal.
   *
   * @param sb where to write
   * @param s the value
   */
  public static void string(StringBuilder sb, String s) {
    sb.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            unicodeEscape(sb, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < n
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            // an unpaired surrogate has no UTF-8 form: escape it so it survives the round trip
            unicodeEscape(sb, c);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static void unicodeEscape(StringBuilder sb, char c) {
    sb.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }

  /**
   * Decodes one line (without its line end) into a record. The hash is read, not checked.
   *
   * @param line the line
   * @return the record it holds
   * @throws MalformedLineException when the line is not in the layout the log writes
   */
  public static AuditRecord parse(String line) throws MalformedLineException {
    Reader r = new Reader(line);
    String keyId = null;
    if (line.startsWith("{\"v\":")) {
      r.expect("{\"v\":2,\"key\":");
      keyId = r.string("key");
      if (!isKeyId(keyId)) {
        throw new MalformedLineException("\"key\" is not 16 lowercase hex digits");
      }
      r.expect(",\"seq\":");
    } else {
      r.expect("{\"seq\":");
    }
    long seq = r.number("seq");
    r.expect(",\"at\":");
    String atText = r.string("at");
    Instant at;
    try {
      at = Instant.parse(atText);
    } catch (DateTimeParseException e) {
      throw new MalformedLineException("\"at\" is not an ISO-8601 instant");
    }
    r.expect(",\"principal\":");
    String principal = r.string("principal");
    r.expect(",\"purpose\":");
    String purpose = r.string("purpose");
    r.expect(",\"operation\":");
    String operation = r.string("operation");
    r.expect(",\"query\":");
    String query = r.string("query");
    r.expect(",\"items\":[");
    List<String> items = new ArrayList<>();
    if (!r.tryExpect(']')) {
      do {
        items.add(r.string("items"));
      } while (r.tryExpect(','));
      r.expect("]");
    }
    r.expect(",\"outcome\":");
    String outcome = r.string("outcome");
    r.expect(",\"prev\":");
    String prev = r.string("prev");
    r.expect(",\"hash\":");
    String hash = r.string("hash");
    r.expect("}");
    r.end();
    if (!isHash(prev)) {
      throw new MalformedLineException("\"prev\" is not 64 lowercase hex digits");
    }
    if (!isHash(hash)) {
      throw new MalformedLineException("\"hash\" is not 64 lowercase hex digits");
    }
    return new AuditRecord(
        seq, new AuditEvent(at, principal, purpose, operation, query, items, outcome), prev, hash, keyId);
  }

  /** A cursor over one line; messages name the field and the 1-based column, never the content. */
  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s) {
      this.s = s;
    }

    private MalformedLineException error(String what) {
      return new MalformedLineException(what + " at column " + (pos + 1));
    }

    void expect(String literal) throws MalformedLineException {
      if (!s.startsWith(literal, pos)) {
        throw error("expected " + literal);
      }
      pos += literal.length();
    }

    boolean tryExpect(char c) {
      if (pos < s.length() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    void end() throws MalformedLineException {
      if (pos != s.length()) {
        throw error("unexpected text after the record");
      }
    }

    long number(String field) throws MalformedLineException {
      int start = pos;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        pos++;
      }
      if (pos == start || pos - start > 19) {
        throw error("\"" + field + "\" is not a positive whole number");
      }
      long v;
      try {
        v = Long.parseLong(s, start, pos, 10);
      } catch (NumberFormatException e) {
        throw error("\"" + field + "\" is too large");
      }
      if (v < 1) {
        throw error("\"" + field + "\" must be 1 or more");
      }
      return v;
    }

    String string(String field) throws MalformedLineException {
      if (!tryExpect('"')) {
        throw error("expected a string for \"" + field + "\"");
      }
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw error("unterminated string in \"" + field + "\"");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c < 0x20) {
          throw error("raw control character in \"" + field + "\"");
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        if (pos >= s.length()) {
          throw error("unterminated escape in \"" + field + "\"");
        }
        char e = s.charAt(pos++);
        switch (e) {
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case '/' -> sb.append('/');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw error("short \\u escape in \"" + field + "\"");
            }
            int v = 0;
            for (int k = 0; k < 4; k++) {
              int d = Character.digit(s.charAt(pos++), 16);
              if (d < 0) {
                throw error("bad \\u escape in \"" + field + "\"");
              }
              v = (v << 4) | d;
            }
            sb.append((char) v);
          }
          default -> throw error("unknown escape in \"" + field + "\"");
        }
      }
    }
  }
}
