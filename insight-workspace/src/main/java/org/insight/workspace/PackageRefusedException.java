package org.insight.workspace;

import org.insight.InsightException;

/**
 * A case package that is not imported: its signature does not verify with the trusted key, a file's SHA-256 differs
 * from the manifest's, a file is missing or unlisted, or it is not a package this library reads. Nothing was written.
 */
public final class PackageRefusedException extends InsightException {
  private static final long serialVersionUID = 1L;

  PackageRefusedException(String message) {
    super(message);
  }
}
