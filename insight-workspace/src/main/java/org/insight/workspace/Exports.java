package org.insight.workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Statement;
import org.insight.core.ftm.FtmWriter;
import org.insight.core.json.ModelJson;
import org.insight.policy.Label;
import org.insight.search.Hit;
import org.insight.search.Query;
import org.insight.search.Scan;
import org.insight.search.SearchResult;
import org.insight.search.Visibility;

/**
 * Writes a session's export ({@link Session#export}) in one audited call, in constant memory, audit first:
 *
 * <ol>
 *   <li>one pass over one snapshot of the visible entities ({@code Index.scanEntities}, with the session's visibility
 *       inside the query, so nothing invisible is exported, selects, orders or counts anything) writes the shape to a
 *       spool file (owner-only, in the system temp directory), counting entities and statements, folding the labels,
 *       and hashing the ids and the bytes;</li>
 *   <li>the one audit entry ({@code export}: selection, shape, counts, label, the two SHA-256 digests and — up to
 *       {@value #AUDIT_IDS} — every exported id) is made durable;</li>
 *   <li>only then is the spool copied to the caller's writer (after the header line for {@code jsonl}), and
 *       deleted.</li>
 * </ol>
 *
 * A failure before the audit entry writes an {@code error} entry and hands out nothing.
 */
final class Exports {
  /** Up to this many exported ids are listed in the audit entry; beyond, the ids' digest and count stand for them. */
  static final int AUDIT_IDS = 10_000;
  /** How many referenced entities an FtM export keeps looked up (references, a Call's Phones). */
  private static final int LOOKUPS = 10_000;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Exports() {}

  static Export write(Session session, ExportOptions options, Writer out) {
    Workspace ws = session.workspace();
    String query = "types=" + (options.types().isEmpty() ? "*" : String.join(",", options.types()))
        + options.query().map(q -> " query=" + q).orElse("") + " shape=" + options.shape().text();
    Path spool = null;
    Export export;
    Tally tally = new Tally();
    try {
      Set<String> types = new TreeSet<>();
      if (options.types().isEmpty()) {
        types.addAll(session.types(null));
      } else {
        options.types().forEach(t -> types.addAll(session.types(t)));
      }
      Visibility visibility = Visibility.of(session.visibleLabels());
      spool = spool();
      MessageDigest bytes = sha256();
      FtmWriter.Result ftm;
      try (OutputStream file = Files.newOutputStream(spool);
           Writer w = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(file, bytes),
               StandardCharsets.UTF_8), 1 << 16)) {
        if (options.query().isEmpty()) {
          Body body = body(ws, options.shape(), w, lookup(ws, types, null, visibility));
          try (Scan<Entity> scan = ws.store.scanEntities(types, visibility)) {
            for (Entity e : scan) {
              tally.add(e);
              body.write(e);
            }
          }
          ftm = body.finish();
        } else {
          Set<EntityId> found = found(ws, options.query().get(), visibility);
          Body body = body(ws, options.shape(), w, lookup(ws, types, found, visibility));
          for (EntityId id : found) {
            List<Statement> visible = ws.store.statements(id, visibility);
            if (!visible.isEmpty()) {
              Entity e = Entity.of(id, visible, ws.schema());
              if (types.contains(e.schema())) {
                tally.add(e);
                body.write(e);
              }
            }
          }
          ftm = body.finish();
        }
      }
      export = new Export(session.principal().id(), session.purpose().name(), ws.now(), options, tally.entities,
          tally.statements, tally.label(), tally.datasets, ftm, HexFormat.of().formatHex(bytes.digest()),
          HexFormat.of().formatHex(tally.ids.digest()));
    } catch (IOException | RuntimeException e) {
      delete(spool);
      session.audit("export", query, List.of(), "error: " + e.getClass().getSimpleName());
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot spool the export: " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
    try {
      session.audit("export", query + " entities=" + export.entities() + " statements=" + export.statements()
          + " label=" + export.label().map(Object::toString).orElse("-") + " sha256=" + export.sha256()
          + " ids-sha256=" + export.idsSha256()
          + (tally.listed == null ? " ids=not-listed(more than " + AUDIT_IDS + "; ids-sha256 covers them)" : ""),
          tally.listed == null ? List.of() : tally.listed, "ok");
      // audited: only now does anything reach the caller
      if (options.shape() == ExportOptions.Shape.JSONL) {
        out.write(ModelJson.write(export.header()));
        out.write('\n');
      }
      try (Reader r = new InputStreamReader(Files.newInputStream(spool), StandardCharsets.UTF_8)) {
        r.transferTo(out);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
    } finally {
      delete(spool);
    }
    return export;
  }

  /** The counts, label, datasets and id digest of what goes out, in constant memory (bar the listed ids). */
  private static final class Tally {
    long entities;
    long statements;
    final Set<Label> labels = new LinkedHashSet<>();
    final Set<String> datasets = new TreeSet<>();
    final MessageDigest ids = sha256();
    List<String> listed = new ArrayList<>();

    void add(Entity e) {
      entities++;
      ids.update((e.id().value() + "\n").getBytes(StandardCharsets.UTF_8));
      if (listed != null) {
        listed.add(e.id().value());
        if (listed.size() > AUDIT_IDS) {
          listed = null;
        }
      }
      for (Statement s : e.statements()) {
        statements++;
        labels.add(s.label()); // few distinct labels: folded once at the end
        datasets.add(s.provenance().dataset());
      }
    }

    Optional<Label> label() {
      Label all = null;
      List<Label> sorted = new ArrayList<>(labels);
      sorted.sort(Comparator.comparing(Label::toString)); // the same conjunction whatever the scan order
      for (Label l : sorted) {
        all = all == null ? l : all.andOrStricter(l);
      }
      return Optional.ofNullable(all);
    }
  }

  /** One shape being written. */
  private interface Body {
    void write(Entity e);

    /** Flushes; for the FtM shapes what was written and left out, else null. */
    FtmWriter.Result finish();
  }

  private static Body body(Workspace ws, ExportOptions.Shape shape, Writer w, FtmWriter.Lookup lookup) {
    FtmWriter ftm = FtmWriter.of(ws.schema());
    return switch (shape) {
      case FTM -> sink(ftm.jsonLines(w, lookup));
      case FTM_STATEMENTS -> sink(ftm.statements(w, lookup));
      case JSONL -> new Body() {
        @Override
        public void write(Entity e) {
          ObjectNode n = JSON.objectNode();
          n.put("id", e.id().value());
          n.put("schema", e.schema());
          ArrayNode st = n.putArray("statements");
          e.statements().forEach(s -> st.add(ModelJson.statement(s)));
          line(w, ModelJson.write(n) + "\n");
        }

        @Override
        public FtmWriter.Result finish() {
          return null;
        }
      };
      case CSV -> {
        line(w, String.join(",", Export.CSV_COLUMNS) + "\r\n");
        yield new Body() {
          @Override
          public void write(Entity e) {
            StringBuilder b = new StringBuilder();
            for (Statement s : e.statements()) {
              List<String> row = List.of(e.id().value(), e.schema(), s.id(), s.property(), s.value(), s.original(),
                  s.label().toString(), s.provenance().dataset(), s.provenance().recordId(), s.provenance().method(),
                  s.provenance().grading().toString(), s.provenance().ingestedAt().toString(),
                  s.provenance().ingestedBy());
              for (int i = 0; i < row.size(); i++) {
                b.append(i > 0 ? "," : "").append(csv(row.get(i)));
              }
              b.append("\r\n");
            }
            line(w, b.toString());
          }

          @Override
          public FtmWriter.Result finish() {
            return null;
          }
        };
      }
    };
  }

  private static Body sink(FtmWriter.Sink sink) {
    return new Body() {
      @Override
      public void write(Entity e) {
        sink.write(e);
      }

      @Override
      public FtmWriter.Result finish() {
        return sink.finish();
      }
    };
  }

  /**
   * The entities an FtM file names besides the one being written (references, a Call's Phones): each read with the
   * session's visibility and kept only when it is in the selection, so a reference never reveals an entity the export
   * does not hold. A bounded cache: references cluster.
   */
  private static FtmWriter.Lookup lookup(Workspace ws, Set<String> types, Set<EntityId> found,
      Visibility visibility) {
    Map<EntityId, Optional<Entity>> cache = new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<EntityId, Optional<Entity>> eldest) {
        return size() > LOOKUPS;
      }
    };
    return id -> {
      Optional<Entity> hit = cache.get(id);
      if (hit == null) {
        if (found != null && !found.contains(id)) {
          hit = Optional.empty();
        } else {
          List<Statement> visible = ws.store.statements(id, visibility);
          hit = visible.isEmpty() ? Optional.empty()
              : Optional.of(Entity.of(id, visible, ws.schema())).filter(e -> types.contains(e.schema()));
        }
        cache.put(id, hit);
      }
      return hit;
    };
  }

  private static void line(Writer w, String text) {
    try {
      w.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spool the export: " + e.getMessage(), e);
    }
  }

  private static String csv(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  private static Path spool() throws IOException {
    try {
      return Files.createTempFile("insight-export-", ".part",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile("insight-export-", ".part"); // not POSIX: the temp directory is per user there
    }
  }

  private static void delete(Path spool) {
    if (spool != null) {
      try {
        Files.deleteIfExists(spool);
      } catch (IOException e) {
        // the spool is in the temp directory; a failed delete leaves a file only its owner can read
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Every entity the query finds among what is visible, paging through the search. */
  private static Set<EntityId> found(Workspace ws, Query q, Visibility visibility) {
    Set<EntityId> ids = new LinkedHashSet<>();
    Query base = q.target(Query.Target.ENTITIES).limit(Query.MAX_LIMIT);
    for (int offset = 0; offset <= Query.MAX_OFFSET; offset += Query.MAX_LIMIT) {
      SearchResult r = ws.store.search(base.offset(offset), visibility);
      for (Hit h : r.hits()) {
        if (h.kind() == Hit.Kind.ENTITY) {
          ids.add(EntityId.of(h.id()));
        }
      }
      if (r.hits().size() < Query.MAX_LIMIT) {
        break;
      }
    }
    return ids;
  }
}
