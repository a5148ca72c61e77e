package org.insight.core.ftm;

import java.util.Objects;

/**
 * Something in an FtM file that was not loaded, with where it is and why: a line that is not JSON, an entity with no
 * id or schema, a schema or property this SDK does not hold, a value of the wrong type or one its property's type
 * refuses. The rest of the entity (and of the file) still loads.
 *
 * @param source the file (or stream) name
 * @param line the line the entity starts on, 1-based
 * @param ftmId the entity's FtM id, or {@code ""} when it has none (or the line is not JSON)
 * @param message what was wrong and what happened to it
 */
public record FtmProblem(String source, long line, String ftmId, String message) {
  public FtmProblem {
    Objects.requireNonNull(source, "source");
    ftmId = ftmId == null ? "" : ftmId;
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line: id X: message}, one line. */
  public String describe() {
    return source + ":" + line + ": " + (ftmId.isEmpty() ? "" : "id " + ftmId + ": ") + message;
  }
}
