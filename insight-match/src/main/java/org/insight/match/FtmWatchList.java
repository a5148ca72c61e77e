package org.insight.match;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.insight.core.Entity;
import org.insight.core.ftm.FtmProblem;
import org.insight.core.ftm.FtmReader;

/**
 * A watch list read from a FollowTheMoney file (an OpenSanctions or national export, JSON lines or a JSON array)
 * without writing a mapping: its Person entities become screening entries, each with its FtM id as the entry id, and
 * what the list says about them becomes entry attributes shown beside a hit — the FtM {@code topics}
 * ({@code sanction}, {@code crime}, {@code role.pep}, …), each {@code Sanction} naming the person (programme,
 * authority, listing date, reason), and the entity's top-level {@code datasets} (the lists naming it) and
 * {@code referents} (the source records merged into it). {@link #screen} hands hits out with them.
 *
 * <pre>{@code
 * FtmWatchList list = FtmWatchList.read(in, "sanctions.ftm.json",
 *     FtmReader.builder(Dataset.of("eu-sanctions", Label.of("OPEN"), SourceGrading.parse("A1"))).build());
 * for (ScreeningHit h : list.screening().candidates(ScreeningQuery.of("Иван Петров"), 5)) {
 *   list.attributes(h.id());   // {topics=[sanction], sanction=[EU-RUS (Council of the EU, listed 2022-02-28)]}
 * }
 * }</pre>
 *
 * <p>Entries carry no label (the list is a file the caller holds, as with a CSV watch list); what the reader could not
 * load is in {@link #problems()}.
 */
public final class FtmWatchList {
  private final Screening screening;
  private final Map<String, Map<String, List<String>>> attributes;
  private final List<FtmProblem> problems;
  private final long problemCount;
  private final Map<String, Long> notScreened;

  private FtmWatchList(Screening screening, Map<String, Map<String, List<String>>> attributes,
      List<FtmProblem> problems, long problemCount, Map<String, Long> notScreened) {
    this.screening = screening;
    this.attributes = attributes;
    this.problems = List.copyOf(problems);
    this.problemCount = problemCount;
    this.notScreened = Map.copyOf(notScreened);
  }

  /**
   * Reads a list, streaming; builds the screening index once at the end.
   *
   * @param reader the FtM reader (its dataset names the list in every hit)
   */
  public static FtmWatchList read(InputStream in, String source, FtmReader reader) {
    Objects.requireNonNull(reader, "reader");
    Map<String, Entity> persons = new LinkedHashMap<>();
    Map<String, String> ftmIds = new HashMap<>();
    Map<String, List<String>> sanctions = new HashMap<>();
    Map<String, Long> others = new TreeMap<>();
    Map<String, java.util.Set<String>> lists = new HashMap<>();
    Map<String, java.util.Set<String>> referents = new HashMap<>();
    FtmReader.Summary summary = reader.read(in, source, null, r -> {
      if (r.entity().isEmpty()) {
        return;
      }
      Entity e = r.entity().get();
      if (e.schema().equals("Person")) {
        Entity before = persons.get(e.id().value());
        persons.put(e.id().value(), before == null ? e : merge(before, e));
        ftmIds.putIfAbsent(e.id().value(), r.ftmId());
        r.datasets().forEach(d -> lists.computeIfAbsent(e.id().value(), k -> new java.util.TreeSet<>()).add(d));
        r.referents().forEach(d -> referents.computeIfAbsent(e.id().value(), k -> new java.util.TreeSet<>()).add(d));
      } else if (e.schema().equals("Sanction")) {
        for (String target : e.values("entity")) {
          sanctions.computeIfAbsent(target, k -> new ArrayList<>()).add(describe(e));
        }
      } else {
        others.merge(e.schema(), 1L, Long::sum);
      }
    });
    List<MatchRecord> entries = new ArrayList<>();
    Map<String, Map<String, List<String>>> attributes = new HashMap<>();
    for (Map.Entry<String, Entity> p : persons.entrySet()) {
      String id = ftmIds.get(p.getKey());
      entries.add(MatchRecord.of(id, reader.dataset().name(), p.getValue().properties()));
      Map<String, List<String>> a = new TreeMap<>();
      if (!p.getValue().values("topics").isEmpty()) {
        a.put("topics", p.getValue().values("topics"));
      }
      if (sanctions.containsKey(p.getKey())) {
        a.put("sanction", List.copyOf(sanctions.get(p.getKey())));
      }
      if (lists.containsKey(p.getKey())) {
        a.put("datasets", List.copyOf(lists.get(p.getKey())));
      }
      if (referents.containsKey(p.getKey())) {
        a.put("referents", List.copyOf(referents.get(p.getKey())));
      }
      attributes.put(id, java.util.Collections.unmodifiableMap(a));
    }
    return new FtmWatchList(Screening.of(entries), attributes, summary.problems(), summary.problemCount(), others);
  }

  private static Entity merge(Entity a, Entity b) {
    List<org.insight.core.Statement> all = new ArrayList<>(a.statements());
    all.addAll(b.statements());
    return new Entity(a.id(), a.schema(), all);
  }

  /**
   * A Sanction as a screening attribute: "programme (authority, listed date): reason", from what it gives; the
   * workspace's watch lists describe their Sanctions the same way.
   */
  public static String describe(Entity sanction) {
    StringBuilder sb = new StringBuilder(String.join("/", sanction.values("program")));
    List<String> about = new ArrayList<>(sanction.values("authority"));
    sanction.first("listingDate").or(() -> sanction.first("startDate")).ifPresent(d -> about.add("listed " + d));
    if (!about.isEmpty()) {
      sb.append(sb.length() == 0 ? "" : " ").append('(').append(String.join(", ", about)).append(')');
    }
    sanction.first("reason").ifPresent(r -> sb.append(sb.length() == 0 ? "" : ": ").append(r));
    return sb.length() == 0 ? "listed" : sb.toString();
  }

  /** The screening index over the list's persons. */
  public Screening screening() {
    return screening;
  }

  /** The best {@code k} entries for {@code query}, each hit with its {@link #attributes}. */
  public List<ScreeningHit> screen(ScreeningQuery query, int k) {
    return screening.candidates(query, k).stream().map(h -> h.withAttributes(attributes(h.id()))).toList();
  }

  /** What the list says about an entry ({@code topics}, {@code sanction}); empty for an unknown id. */
  public Map<String, List<String>> attributes(String entryId) {
    return attributes.getOrDefault(entryId, Map.of());
  }

  /** How many persons the list holds (its entries). */
  public int size() {
    return screening.size();
  }

  /** The first problems the reader met (see {@link FtmReader.Summary#problems()}). */
  public List<FtmProblem> problems() {
    return problems;
  }

  /** Every problem the reader met. */
  public long problemCount() {
    return problemCount;
  }

  /** Entities read but not screened (not persons, not sanctions), by type. */
  public Map<String, Long> notScreened() {
    return notScreened;
  }

  @Override
  public String toString() {
    return "FtmWatchList[entries=" + size() + ", problems=" + problemCount + "]";
  }
}
