package org.insight.match;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Records judged to be one real-world entity.
 *
 * @param id a stable id: {@code "cl-"} and 16 hex digits of the SHA-256 of the smallest member id (by
 *     {@link String#compareTo}), so re-running over the same or grown data gives a cluster the same id as long as
 *     its smallest member stays in it
 * @param recordIds member ids, sorted
 */
public record Cluster(String id, List<String> recordIds) {
  public Cluster {
    recordIds = List.copyOf(recordIds);
  }

  /** The id of the cluster whose smallest member is {@code smallestMember}. */
  static String idOf(String smallestMember) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(smallestMember.getBytes(StandardCharsets.UTF_8));
      return "cl-" + HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
