package org.insight.core.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import org.insight.Hashing;
import org.insight.core.ContentHash;
import org.insight.core.EvidenceCorruptedException;

/**
 * Hashes everything it returns and, at end of stream, throws {@link EvidenceCorruptedException} if the bytes
 * do not hash to the expected value. Every later read throws again, so a caller cannot miss the failure by
 * reading past it. {@code skip} reads (and hashes) the skipped bytes; mark/reset is not supported because
 * rereading would corrupt the running hash.
 */
public final class VerifyingInputStream extends FilterInputStream {
  private final ContentHash expected;
  private final MessageDigest digest = Hashing.sha256();
  private ContentHash mismatch;
  private boolean verified;

  /**
   * Wraps a stream of stored content.
   *
   * @param in the raw content
   * @param expected the hash it was stored under
   */
  public VerifyingInputStream(InputStream in, ContentHash expected) {
    super(in);
    this.expected = expected;
  }

  /** The content hash of a finished digest. */
  public static ContentHash hash(MessageDigest d) {
    return new ContentHash(Hashing.hex(d));
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (mismatch != null) {
      throw new EvidenceCorruptedException(expected, mismatch);
    }
    int n = super.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
    } else if (n == -1 && !verified) {
      ContentHash actual = hash(digest);
      if (!actual.equals(expected)) {
        mismatch = actual;
        throw new EvidenceCorruptedException(expected, actual);
      }
      verified = true;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(8192, Math.max(n, 1))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r == -1) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {
    // not supported: see markSupported
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset is not supported on verified evidence streams");
  }
}
