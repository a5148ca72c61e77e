package org.insight.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.InsightException;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;

/**
 * The JSON form of provenance, statements, documents and mentions: how the index stores them and how the CLI
 * prints them. Labels are their canonical text, gradings their two-character code, instants ISO-8601.
 *
 * <p>The form is versioned by {@link #VERSION}. A change that a reader of the previous version would misread
 * bumps it. Single objects do not carry the version (the index stores millions of them, and the workspace's own
 * format version covers its index); a file or message that stands alone carries it through {@link #stamp}, and
 * every reader here refuses an object stamped with a newer version rather than misread it.
 */
public final class ModelJson {
  /** The version of this JSON form. */
  public static final int VERSION = 1;

  /** The field {@link #stamp} writes. */
  public static final String VERSION_FIELD = "formatVersion";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Labels of the stored form, remembered by text: every stored value read back carries its label as text, and
   * parsing it was two fifths of decoding a statement. Only this decoding remembers; {@link Label#parse} on a
   * caller's text never does, so whether a text was seen before is not something chosen input can time.
   */
  private static final ParsedLabels STORED_LABELS = new ParsedLabels(4_096);

  private ModelJson() {}

  /** Marks {@code node} as written in this version of the form; returns it. */
  public static ObjectNode stamp(ObjectNode node) {
    node.put(VERSION_FIELD, VERSION);
    return node;
  }

  /**
   * The version {@code node} was written in: its stamp, or {@link #VERSION} when it has none.
   *
   * @throws InsightException when the stamp is newer than this reader or not a positive number
   */
  public static int version(JsonNode node) {
    JsonNode v = node.get(VERSION_FIELD);
    if (v == null) {
      return VERSION;
    }
    if (!v.canConvertToInt() || v.asInt() < 1) {
      throw new InsightException("JSON " + VERSION_FIELD + " " + v + " is not a version number; expected "
          + VERSION + " or lower");
    }
    if (v.asInt() > VERSION) {
      throw new InsightException("JSON written in model format " + v.asInt() + ", newer than this library reads ("
          + VERSION + "); upgrade the INSIGHT SDK to read it");
    }
    return v.asInt();
  }

  /** The JSON form of {@code p}, with the provenance it was derived from nested. */
  public static ObjectNode provenance(Provenance p) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("dataset", p.dataset());
    n.put("recordId", p.recordId());
    p.contentHash().ifPresent(h -> n.put("contentHash", h.hex()));
    n.put("ingestedAt", p.ingestedAt().toString());
    n.put("ingestedBy", p.ingestedBy());
    n.put("method", p.method());
    n.put("grading", p.grading().toString());
    if (!p.derivedFrom().isEmpty()) {
      ArrayNode from = n.putArray("derivedFrom");
      p.derivedFrom().forEach(d -> from.add(provenance(d)));
    }
    return n;
  }

  /** The provenance {@code n} holds; missing fields take their neutral value (epoch, ungraded X4). */
  public static Provenance provenance(JsonNode n) {
    version(n);
    List<Provenance> from = new ArrayList<>();
    n.path("derivedFrom").forEach(d -> from.add(provenance(d)));
    return new Provenance(
        n.path("dataset").asText(),
        n.path("recordId").asText(""),
        n.hasNonNull("contentHash") ? Optional.of(ContentHash.parse(n.get("contentHash").asText())) : Optional.empty(),
        Instant.parse(n.path("ingestedAt").asText(Instant.EPOCH.toString())),
        n.path("ingestedBy").asText(""),
        n.path("method").asText(),
        SourceGrading.parse(n.path("grading").asText("X4")),
        from);
  }

  /** The JSON form of {@code s}; {@code original} only when it differs from the value. */
  public static ObjectNode statement(Statement s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", s.id());
    n.put("entityId", s.entityId().value());
    n.put("schema", s.schema());
    n.put("property", s.property());
    n.put("value", s.value());
    if (!s.original().equals(s.value())) {
      n.put("original", s.original());
    }
    n.put("label", s.label().toString());
    n.set("provenance", provenance(s.provenance()));
    return n;
  }

  /**
   * The label of the stored form's text {@code text} (what {@link Label#toString()} wrote): remembered, see
   * {@code STORED_LABELS}. For decoders of stored values only; a caller's own text goes to {@link Label#parse}.
   *
   * @throws org.insight.policy.LabelSyntaxException if the text is not a label
   */
  public static Label label(String text) {
    return STORED_LABELS.parse(text);
  }

  /** The statement {@code n} holds. */
  public static Statement statement(JsonNode n) {
    version(n);
    return new Statement(
        n.path("id").asText(),
        EntityId.of(n.path("entityId").asText()),
        n.path("schema").asText(),
        n.path("property").asText(),
        n.path("value").asText(),
        n.hasNonNull("original") ? n.get("original").asText() : null,
        label(n.path("label").asText()),
        provenance(n.path("provenance")));
  }

  /** The JSON form of {@code d}, text included. */
  public static ObjectNode document(Document d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", d.id());
    n.put("contentHash", d.contentHash().hex());
    n.put("title", d.title());
    n.put("language", d.language());
    d.parentId().ifPresent(p -> n.put("parentId", p));
    ObjectNode meta = n.putObject("metadata");
    d.metadata().forEach((k, v) -> {
      ArrayNode a = meta.putArray(k);
      v.forEach(a::add);
    });
    ObjectNode ex = n.putObject("extraction");
    ex.put("parser", d.extraction().parser());
    ex.put("ocrEngine", d.extraction().ocrEngine());
    ex.put("ocrConfidence", d.extraction().ocrConfidence());
    n.put("label", d.label().toString());
    n.set("provenance", provenance(d.provenance()));
    n.put("text", d.text());
    return n;
  }

  /** The document {@code n} holds; a missing text is empty. */
  public static Document document(JsonNode n) {
    version(n);
    Map<String, List<String>> meta = new LinkedHashMap<>();
    n.path("metadata").properties().forEach(e -> {
      List<String> values = new ArrayList<>();
      e.getValue().forEach(v -> values.add(v.asText()));
      meta.put(e.getKey(), values);
    });
    JsonNode ex = n.path("extraction");
    return new Document(
        n.path("id").asText(),
        ContentHash.parse(n.path("contentHash").asText()),
        n.path("title").asText(""),
        n.path("text").asText(""),
        n.path("language").asText(""),
        meta,
        n.hasNonNull("parentId") ? Optional.of(n.get("parentId").asText()) : Optional.empty(),
        new Document.Extraction(ex.path("parser").asText(""), ex.path("ocrEngine").asText(""), ex.path("ocrConfidence").asDouble(-1)),
        label(n.path("label").asText()),
        provenance(n.path("provenance")));
  }

  /** The JSON form of {@code m}. */
  public static ObjectNode mention(Mention m) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", m.id());
    n.put("documentId", m.documentId());
    n.put("start", m.start());
    n.put("end", m.end());
    n.put("text", m.text());
    n.put("type", m.type().name());
    n.put("value", m.value());
    m.entityId().ifPresent(e -> n.put("entityId", e.value()));
    n.put("confidence", m.confidence());
    n.put("label", m.label().toString());
    n.set("provenance", provenance(m.provenance()));
    return n;
  }

  /** The mention {@code n} holds. */
  public static Mention mention(JsonNode n) {
    version(n);
    return new Mention(
        n.path("documentId").asText(),
        n.path("start").asInt(),
        n.path("end").asInt(),
        n.path("text").asText(""),
        PropertyType.valueOf(n.path("type").asText()),
        n.path("value").asText(),
        n.hasNonNull("entityId") ? Optional.of(EntityId.of(n.get("entityId").asText())) : Optional.empty(),
        n.path("confidence").asDouble(),
        label(n.path("label").asText()),
        provenance(n.path("provenance")));
  }

  /** Compact JSON text of {@code node}. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new InsightException("could not write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses JSON text; unreadable text is an {@link InsightException} that says so. */
  public static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InsightException("JSON text is unreadable: " + e.getOriginalMessage(), e);
    }
  }
}
