package org.insight.report.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Statement;
import org.insight.geo.Dbscan;
import org.insight.graph.GraphEdge;
import org.insight.graph.Network;
import org.insight.report.Claim;
import org.insight.report.ProductKind;
import org.insight.report.ReportException;
import org.insight.report.Row;
import org.insight.report.Section;
import org.insight.report.Source;
import org.insight.search.Hit;
import org.insight.search.Query;
import org.insight.workspace.Flag;
import org.insight.workspace.GraphOptions;
import org.insight.workspace.Located;
import org.insight.workspace.Page;
import org.insight.workspace.ResolvedEntity;
import org.insight.workspace.Session;

/** The subject profile: everything a session may see about one entity, each part with its provenance. */
public final class Profiles {
  /** At most this many linked documents are shown (the rest are counted in a note). */
  static final int MAX_DOCUMENTS = 2_000;
  private static final int SNIPPET = 240;
  private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2}([T ].*)?)?)?");

  private Profiles() {}

  public static Collected read(Session reader, EntityId id) {
    Entity subject = reader.entity(id).orElseThrow(() -> new ReportException("no entity " + id.value()
        + " is visible to this session; give the id of an entity it may see (insight search finds them)"));
    Collected c = new Collected("Profile: " + subject.caption(), ProductKind.PROFILE);
    c.item(id.value());
    List<Row> timeline = new ArrayList<>();

    // statements by property, each with its provenance and grading
    Map<String, List<Claim>> byProperty = new TreeMap<>();
    for (Statement s : subject.statements()) {
      c.item(s.id());
      c.label(s.label());
      byProperty.computeIfAbsent(s.property(), k -> new ArrayList<>())
          .add(new Claim(s.id(), s.value(), s.original(), s.label(), Source.of(s.provenance())));
      if (DATE.matcher(s.value()).matches()) {
        timeline.add(new Row(s.id(), List.of(s.value(), s.property() + " of " + subject.caption(), "statement"),
            List.of(Source.of(s.provenance()))));
      }
    }
    List<Section.PropertyGroup> groups = new ArrayList<>();
    byProperty.forEach((property, claims) -> {
      claims.sort(Comparator.comparing(Claim::value).thenComparing(Claim::statementId));
      groups.add(new Section.PropertyGroup(property, claims));
    });
    c.add(new Section.Statements("Statements (" + subject.schema() + ")", groups));

    // the network around the subject (one hop)
    Network whole = reader.graph(GraphOptions.defaults());
    Optional<Network> near = whole.node(id).map(n -> whole.neighbourhood(id, 1));
    Set<String> edgeDocuments = new TreeSet<>();
    near.ifPresent(n -> n.edges().stream().filter(e -> e.source().equals(id) || e.target().equals(id))
        .forEach(e -> edgeDocuments.addAll(e.documents())));

    documents(reader, c, subject, edgeDocuments);
    flags(reader, c, id);
    sameAs(reader, c, id);

    if (near.isPresent()) {
      Networks.add(c, near.get(), Optional.of(id), "Network around the subject (one hop)");
      for (GraphEdge e : near.get().edges()) {
        e.start().ifPresent(start -> timeline.add(new Row(e.source().value() + "|" + e.target().value() + "|"
            + e.kind() + "|" + e.type(), List.of(start, e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
            + e.type() + ": " + caption(near.get(), e.source()) + " – " + caption(near.get(), e.target()), "edge"),
            List.of())));
      }
    } else {
      c.add(new Section.Note("Network around the subject", "The subject is not in the link graph."));
    }

    // its places and events: the points of the subject and of its neighbours
    Set<EntityId> around = new HashSet<>();
    around.add(id);
    near.ifPresent(n -> n.nodes().forEach(node -> around.add(node.id())));
    List<Dbscan.Member<Located>> points = new ArrayList<>();
    for (Located l : reader.geo().points()) {
      if (around.contains(l.entity())) {
        points.add(new Dbscan.Member<>(l, l.point(), Dbscan.NOISE, false));
        l.time().ifPresent(t -> timeline.add(new Row(l.entity().value() + "|" + l.property(), List.of(t.toString(),
            l.schema() + " " + l.entity().value() + " at " + l.point(), "point"), List.of())));
      }
    }
    Maps.add(c, "Places and events", points, List.of());

    timeline.sort(Comparator.comparing((Row r) -> r.cells().get(0)).thenComparing(Row::item));
    c.add(new Section.Table("Timeline", List.of("when", "what", "from"), timeline));
    return c;
  }

  private static String caption(Network n, EntityId id) {
    return Networks.caption(n, id);
  }

  /** The documents that name the subject (a phrase search on its caption) or co-mention it, with a snippet each. */
  private static void documents(Session reader, Collected c, Entity subject, Set<String> edgeDocuments) {
    Map<String, Row> rows = new TreeMap<>();
    String caption = subject.caption();
    if (!caption.isBlank()) {
      for (Hit h : reader.search(Query.phrase(caption).target(Query.Target.DOCUMENTS).highlight(true)
          .limit(MAX_DOCUMENTS)).hits()) {
        h.document().ifPresent(d -> rows.put(d.id(), documentRow(c, d, h.highlights().isEmpty() ? snippet(d, caption)
            : String.join(" … ", h.highlights()).replace("<b>", "").replace("</b>", ""))));
      }
    }
    int missing = 0;
    for (String documentId : edgeDocuments) {
      if (rows.size() >= MAX_DOCUMENTS) {
        missing++;
      } else if (!rows.containsKey(documentId)) {
        Optional<Document> d = reader.document(documentId);
        d.ifPresent(x -> rows.put(x.id(), documentRow(c, x, snippet(x, caption))));
      }
    }
    c.add(new Section.Table("Linked documents", List.of("document", "title", "snippet", "label"),
        new ArrayList<>(rows.values())));
    if (missing > 0) {
      c.add(new Section.Note("More documents", missing + " more co-mentioning document(s) are not shown."));
    }
  }

  private static Row documentRow(Collected c, Document d, String snippet) {
    c.item(d.id());
    c.label(d.label());
    return new Row(d.id(), List.of(d.id(), d.title(), snippet, d.label().toString()), List.of(Source.of(d.provenance())));
  }

  /** The text around the first place the subject's caption appears (or the text's start). */
  static String snippet(Document d, String caption) {
    String text = d.text();
    int at = caption.isBlank() ? -1 : text.toLowerCase(Locale.ROOT).indexOf(caption.toLowerCase(Locale.ROOT));
    int from = Math.max(0, at < 0 ? 0 : at - SNIPPET / 3);
    int to = Math.min(text.length(), from + SNIPPET);
    return (from > 0 ? "…" : "") + text.substring(from, to).replaceAll("\\s+", " ").trim()
        + (to < text.length() ? "…" : "");
  }

  private static void flags(Session reader, Collected c, EntityId id) {
    List<Row> rows = new ArrayList<>();
    for (int offset = 0; ; offset += 1000) {
      Page<Flag> page = reader.flags(null, offset, 1000);
      for (Flag f : page.items()) {
        if (f.subjectId().equals(id.value())) {
          c.item(f.id().value());
          c.label(f.label());
          rows.add(new Row(f.id().value(), List.of(f.id().value(), f.watchList(), f.entryId(), f.subjectName(),
              String.format(Locale.ROOT, "%.3f", f.probability()), f.status(), f.explanation(), f.label().toString()),
              List.of(Source.of(f.provenance()))));
        }
      }
      if (page.items().size() < 1000) {
        break;
      }
    }
    c.add(new Section.Table("Screening flags", List.of("flag", "watch list", "entry", "name", "probability", "status",
        "explanation", "label"), rows));
  }

  private static void sameAs(Session reader, Collected c, EntityId id) {
    List<Row> rows = new ArrayList<>();
    Optional<ResolvedEntity> resolved = reader.resolution().resolved(id);
    resolved.ifPresent(r -> {
      for (Entity member : r.members()) {
        if (member.id().equals(id)) {
          continue;
        }
        c.item(member.id().value());
        Map<String, String> datasets = new LinkedHashMap<>();
        member.statements().forEach(s -> {
          c.label(s.label());
          datasets.putIfAbsent(s.provenance().dataset(), s.provenance().dataset());
        });
        rows.add(new Row(member.id().value(), List.of(member.id().value(), member.schema(), member.caption(),
            String.join(" ", datasets.keySet()), r.cluster().orElse(""), r.run().orElse("")),
            member.statements().stream().map(s -> Source.of(s.provenance())).distinct().toList()));
      }
    });
    c.add(new Section.Table("Same-as cluster", List.of("record", "type", "caption", "datasets", "cluster", "run"),
        rows));
  }
}
