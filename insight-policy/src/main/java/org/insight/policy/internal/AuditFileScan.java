package org.insight.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.insight.policy.AuditCheckpoint;
import org.insight.policy.AuditKey;
import org.insight.policy.AuditRecord;
import org.insight.policy.AuditVerification;

/**
 * One pass over an audit log file: verification, the last readable record and where the complete lines
 * end. Not API.
 *
 * @param verification the result of checking every line
 * @param lastRecord the last line that decodes to a record (the head to append after), or null
 * @param completeEnd the offset just past the last line end: everything after it is a torn append
 * @param tornBytes how many bytes follow the last line end
 * @param lines how many lines were read, counting a torn last line
 */
public record AuditFileScan(
    AuditVerification verification,
    AuditRecord lastRecord,
    long completeEnd,
    long tornBytes,
    int lines) {

  /** The longest line the log writes or reads: 64 MiB. */
  public static final int MAX_LINE_BYTES = 64 << 20;

  /**
   * Reads {@code in} to its end.
   *
   * @param in the file's bytes from offset 0
   * @param limit how many bytes to read at most (the file may be growing)
   * @param checkpoint a checkpoint to check against, or null
   * @param ignoreTornTail true to leave a last line without a line end out of the verification (the
   *     caller cuts it off); false to report it as unparsable
   * @return what was found
   * @throws IOException when reading fails
   */
  public static AuditFileScan scan(
      InputStream in, long limit, AuditCheckpoint checkpoint, boolean ignoreTornTail)
      throws IOException {
    return scan(in, limit, checkpoint, null, ignoreTornTail);
  }

  /**
   * Reads {@code in} to its end, checking keyed entries' MACs with {@code key}.
   *
   * @param in the file's bytes from offset 0
   * @param limit how many bytes to read at most (the file may be growing)
   * @param checkpoint a checkpoint to check against, or null
   * @param key the chain's key, or null to check order only
   * @param ignoreTornTail true to leave a last line without a line end out of the verification
   * @return what was found
   * @throws IOException when reading fails
   */
  public static AuditFileScan scan(
      InputStream in, long limit, AuditCheckpoint checkpoint, AuditKey key, boolean ignoreTornTail)
      throws IOException {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    AuditChainCheck check = new AuditChainCheck(checkpoint, key);
    byte[] chunk = new byte[1 << 16];
    byte[] line = new byte[1024];
    int lineLength = 0; // bytes kept, at most MAX_LINE_BYTES
    long fullLength = 0; // bytes of the current line, kept or not
    int lineNo = 0;
    long offset = 0;
    long completeEnd = 0;
    AuditRecord last = null;
    int n;
    while (offset < limit
        && (n = in.read(chunk, 0, (int) Math.min(chunk.length, limit - offset))) > 0) {
      int start = 0;
      for (int i = 0; i <= n; i++) {
        boolean lineEnd = i < n && chunk[i] == '\n';
        if (!lineEnd && i < n) {
          continue;
        }
        int part = i - start;
        fullLength += part;
        int keep = (int) Math.min(part, MAX_LINE_BYTES - (long) lineLength);
        if (keep > 0) {
          if (lineLength + keep > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(MAX_LINE_BYTES,
                Math.max(2L * line.length, (long) lineLength + keep)));
          }
          System.arraycopy(chunk, start, line, lineLength, keep);
          lineLength += keep;
        }
        if (lineEnd) {
          lineNo++;
          if (fullLength > MAX_LINE_BYTES) {
            check.unparsable(lineNo, "it is longer than " + (MAX_LINE_BYTES >> 20) + " MiB");
          } else {
            AuditRecord r = feed(check, utf8, line, lineLength, lineNo);
            if (r != null) {
              last = r;
            }
          }
          lineLength = 0;
          fullLength = 0;
          start = i + 1;
          completeEnd = offset + i + 1;
        }
      }
      offset += n;
    }
    if (fullLength > 0) {
      lineNo++;
      if (!ignoreTornTail) {
        check.unparsable(
            lineNo,
            "it has no line end: an append was interrupted (opening the log for append cuts it off)");
      }
    }
    return new AuditFileScan(check.finish(), last, completeEnd, fullLength, lineNo);
  }

  private static AuditRecord feed(
      AuditChainCheck check, CharsetDecoder utf8, byte[] bytes, int length, int lineNo) {
    String text;
    try {
      text = utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    } catch (CharacterCodingException e) {
      check.unparsable(lineNo, "it is not valid UTF-8");
      return null;
    }
    AuditRecord r;
    try {
      r = AuditJson.parse(text);
    } catch (AuditJson.MalformedLineException e) {
      check.unparsable(lineNo, e.getMessage());
      return null;
    }
    if (!check.decided()) {
      check.line(lineNo, r, AuditJson.line(r).equals(text));
    }
    return r;
  }
}
