package org.insight.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The metadata extraction found for an item: the common fields, and every raw field by its Tika name.
 *
 * @param author author or sender
 * @param created creation date
 * @param modified last modification date
 * @param title title or e-mail subject
 * @param language a language hint from the item itself (e.g. {@code dc:language}, {@code Content-Language})
 * @param location GPS position from EXIF or other geo tags
 * @param raw every metadata field, name → values
 */
public record ExtractedMetadata(
    Optional<String> author,
    Optional<Instant> created,
    Optional<Instant> modified,
    Optional<String> title,
    Optional<String> language,
    Optional<GeoPoint> location,
    Map<String, List<String>> raw) {

  public static final ExtractedMetadata EMPTY = new ExtractedMetadata(Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

  public ExtractedMetadata {
    author = Objects.requireNonNullElse(author, Optional.empty());
    created = Objects.requireNonNullElse(created, Optional.empty());
    modified = Objects.requireNonNullElse(modified, Optional.empty());
    title = Objects.requireNonNullElse(title, Optional.empty());
    language = Objects.requireNonNullElse(language, Optional.empty());
    location = Objects.requireNonNullElse(location, Optional.empty());
    TreeMap<String, List<String>> copy = new TreeMap<>();
    Objects.requireNonNullElse(raw, Map.<String, List<String>>of()).forEach((k, v) -> copy.put(k, List.copyOf(v)));
    raw = Collections.unmodifiableMap(copy);
  }

  /** Which fields are present, never their values: author, title and the raw fields are the source's data. */
  @Override
  public String toString() {
    List<String> present = new ArrayList<>();
    author.ifPresent(x -> present.add("author"));
    created.ifPresent(x -> present.add("created"));
    modified.ifPresent(x -> present.add("modified"));
    title.ifPresent(x -> present.add("title"));
    language.ifPresent(x -> present.add("language"));
    location.ifPresent(x -> present.add("location"));
    return "ExtractedMetadata[present=" + present + ", raw=" + raw.size() + " fields]";
  }

  /**
   * A WGS 84 position.
   *
   * @param latitude degrees, [-90, 90]
   * @param longitude degrees, [-180, 180]
   */
  public record GeoPoint(double latitude, double longitude) {
    public GeoPoint {
      if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
        throw new IllegalArgumentException("not a WGS 84 position: " + latitude + ", " + longitude);
      }
    }
  }
}
