package org.insight.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.insight.Hashing;
import org.insight.policy.Decision;
import org.insight.policy.Label;
import org.insight.policy.Purpose;

/**
 * Analytical production within cases: a product is drafted in a case, submitted to a named reviewer (a member),
 * approved by that reviewer only (never by its author), and released to named recipients — principals or
 * member-country profiles. See docs/collaboration.md, "Analytical production".
 *
 * <ul>
 *   <li><b>Who sees a production</b>: a member of the case whose clearance and purpose allow the conjunction of the
 *       case's label and every item's label. To anyone else it does not exist: every call answers as for a missing
 *       one, word for word.
 *   <li><b>Release check</b>: every item is checked against every recipient, for the purpose the product was drafted
 *       for. If any recipient may not see any item, nothing is released and a {@link ReleaseRefusedException} lists
 *       each (recipient, item, label, reason); nothing is silently dropped. The releaser (author or reviewer) sees
 *       the whole product, so the list tells it nothing it could not see.
 *   <li><b>Versions, durability, audit</b>: as every case item ({@link Cases}): each step names the version it is
 *       based on ({@link CaseConflictException}), is synced to the case journal before it returns, and writes one
 *       audit entry (ids and states, never the product's content) before the write.
 * </ul>
 */
public final class Productions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Session session;
  private final Cases cases;

  Productions(Session session, Cases cases) {
    this.session = session;
    this.cases = cases;
  }

  /**
   * Drafts a product in a case, for this session's purpose.
   *
   * @param title the product's title
   * @param sha256 the hash of the rendered file (64 lower-case hex digits)
   * @param items the product's items with their labels; at least one. The author must see every one.
   * @throws WriteRefusedException when the author may not see an item's label or the case's
   * @throws NoSuchCaseException when no such case is visible to this session
   */
  public Production draft(String caseId, String title, String sha256, List<ProductItem> items) {
    Objects.requireNonNull(caseId, "caseId");
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a product needs a non-blank title");
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a product's hash is the SHA-256 of its rendered file: 64 lower-case hex"
          + " digits; got " + org.insight.Messages.quote(String.valueOf(sha256)));
    }
    if (items == null || items.isEmpty()) {
      throw new IllegalArgumentException("a product needs at least one item; give the whole file as one item with"
          + " its label when it has no finer parts");
    }
    Map<String, ProductItem> byId = new LinkedHashMap<>();
    for (ProductItem i : items) {
      if (byId.put(i.id(), i) != null) {
        throw new IllegalArgumentException("product item id '" + i.id() + "' is given twice; ids must be unique");
      }
    }
    session.ensureOpen();
    Instant now = session.workspace().now();
    String author = session.principal().id();
    String operation = "release.draft";
    String query = "case=" + caseId + " items=" + items.size() + " sha256=" + sha256;
    CaseJournal.Written after = cases.journal().write(caseId, journalItems -> {
      CaseView view = cases.visibleOrFail(operation, query, caseId, journalItems);
      List<Label> labels = new ArrayList<>();
      labels.add(view.summary().label());
      for (ProductItem i : items) {
        Decision d = session.workspace().decide(session.principal(), session.purpose(), i.label());
        if (!d.allowed()) {
          cases.refuse(operation, query, "item '" + i.id() + "' carries the label " + i.label() + ", which '"
              + author + "' may not see for " + session.purpose() + " (" + d.reason() + "); an author drafts only"
              + " what it sees");
        }
        labels.add(i.label());
      }
      Label label;
      try {
        label = Label.allOf(labels);
      } catch (RuntimeException e) {
        session.audit(operation, query, List.of(), "error: " + e.getClass().getSimpleName());
        throw e;
      }
      if (!session.workspace().decide(session.principal(), session.purpose(), label).allowed()) {
        cases.refuse(operation, query, "the product's label " + label + " would not be visible to '" + author
            + "' for " + session.purpose() + "; its items' labels do not combine into one it may see");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("title", title);
      fields.put("sha256", sha256);
      fields.put("purpose", session.purpose().name());
      fields.put("items", encode(items));
      fields.put("state", "draft");
      String id = "production-" + Hashing.ofParts(caseId, "production", author, now.toString(), label.toString(),
          new java.util.TreeMap<>(fields).toString()).substring(0, 24);
      session.audit(operation, query + " item=" + id, List.of(id), "ok"); // write-ahead
      if (journalItems.containsKey(id)) {
        return new CaseJournal.Planned(List.of(), id); // a retried call
      }
      return new CaseJournal.Planned(List.of(new CaseJournal.Entry(caseId, id, CaseItem.Kind.PRODUCTION, 1,
          label.toString(), author, now, "create", fields)), id);
    });
    return toProduction(after.items().get(after.itemId()));
  }

  /**
   * Submits a draft for review by a named reviewer: an active member of the case other than the author. Only the
   * author may.
   */
  public Production submit(String caseId, String productionId, long expectedVersion, String reviewer) {
    if (reviewer == null || reviewer.isBlank()) {
      throw new IllegalArgumentException("a review needs a reviewer (a principal id, a member of the case)");
    }
    return step("release.review", caseId, productionId, expectedVersion, " reviewer=" + reviewer, (view, p) -> {
      if (!p.author().equals(session.principal().id())) {
        return "only the author '" + p.author() + "' may submit its product for review";
      }
      if (!p.state().equals("draft")) {
        return "the product is " + p.state() + ", not a draft; only a draft is submitted for review";
      }
      if (reviewer.equals(p.author())) {
        return "the author may not review its own product; name another member of the case";
      }
      boolean member = view.members().stream()
          .anyMatch(m -> m.principal().equals(reviewer) && m.state().equals("active"));
      if (!member) {
        return "'" + reviewer + "' is not an active member of case " + caseId + "; add it first (insight case add"
            + " --member)";
      }
      return null;
    }, fields -> {
      fields.put("state", "in-review");
      fields.put("reviewer", reviewer);
    }, "submit");
  }

  /** Approves a product in review; only its named reviewer may (so never its author). */
  public Production approve(String caseId, String productionId, long expectedVersion) {
    return step("release.approve", caseId, productionId, expectedVersion, "", (view, p) -> {
      if (!p.state().equals("in-review")) {
        return "the product is " + p.state() + ", not in review; submit it for review first";
      }
      if (!p.reviewer().orElse("").equals(session.principal().id())) {
        return "only the named reviewer '" + p.reviewer().orElse("") + "' may approve this product";
      }
      return null;
    }, fields -> {
      fields.put("state", "approved");
      fields.put("approvedBy", session.principal().id());
    }, "approve");
  }

  /**
   * Releases an approved product to named recipients; its author or its reviewer may. Every item is checked against
   * every recipient for the product's purpose first.
   *
   * @throws ReleaseRefusedException listing every (recipient, item) refused, when any is; nothing is released
   */
  public Production release(String caseId, String productionId, long expectedVersion, List<Recipient> recipients) {
    if (recipients == null || recipients.isEmpty()) {
      throw new IllegalArgumentException("a release needs at least one recipient (a principal or a profile)");
    }
    List<String> names = recipients.stream().map(Recipient::name).toList();
    if (new LinkedHashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("a recipient is named twice in " + names + "; name each once");
    }
    return step("release.release", caseId, productionId, expectedVersion,
        " recipients=" + String.join(",", names), (view, p) -> {
          if (!p.state().equals("approved")) {
            return "the product is " + p.state() + ", not approved; only an approved product is released";
          }
          String me = session.principal().id();
          if (!me.equals(p.author()) && !me.equals(p.reviewer().orElse(""))) {
            return "only the author or the reviewer of a product may release it";
          }
          return null;
        }, fields -> {
          fields.put("state", "released");
          fields.put("recipients", encodeNames(names));
        }, "release", p -> check(p, recipients));
  }

  /** The production as this session may see it; empty when missing or not visible (alike). */
  public Optional<Production> show(String caseId, String productionId) {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(productionId, "productionId");
    return session.audited("release.show", "case=" + caseId + " item=" + productionId,
        () -> visible(caseId, productionId, cases.journal().read(caseId)), p -> p.map(x -> List.of(x.id()))
            .orElse(List.of()));
  }

  /** The productions of a case this session may see, oldest first; empty for a case it may not see. */
  public List<Production> list(String caseId) {
    Objects.requireNonNull(caseId, "caseId");
    return session.audited("release.list", "case=" + caseId, () -> {
      Map<String, List<CaseJournal.Entry>> items = cases.journal().read(caseId);
      if (cases.visible(caseId, items).isEmpty()) {
        return List.<Production>of();
      }
      List<Production> out = new ArrayList<>();
      items.forEach((id, versions) -> {
        if (versions.get(0).kind() == CaseItem.Kind.PRODUCTION && cases.allows(versions.get(0).label())) {
          out.add(toProduction(versions));
        }
      });
      out.sort(Comparator.comparing(Production::createdAt).thenComparing(Production::id));
      return List.copyOf(out);
    }, l -> l.stream().map(Production::id).toList());
  }

  /**
   * Every (recipient, item) the recipient may not see for the product's purpose, recipients in the order given and
   * items in the product's order.
   */
  List<ReleaseRefusal> check(Production p, List<Recipient> recipients) {
    List<ReleaseRefusal> out = new ArrayList<>();
    for (Recipient r : recipients) {
      boolean purposeAllowed = r.purposes().map(s -> s.contains(p.purpose())).orElse(true);
      for (ProductItem i : p.items()) {
        if (!purposeAllowed) {
          out.add(new ReleaseRefusal(r.name(), i.id(), i.label(), "the recipient may not declare the purpose "
              + p.purpose() + " the product was drafted for"));
          continue;
        }
        Decision d = session.workspace().decide(r.principal(), p.purpose(), i.label());
        if (!d.allowed()) {
          out.add(new ReleaseRefusal(r.name(), i.id(), i.label(), d.reason()));
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------

  private interface Guard {
    String refusal(CaseView view, Production p);
  }

  private interface Fields {
    void put(Map<String, String> fields);
  }

  private interface Check {
    List<ReleaseRefusal> refusals(Production p);
  }

  private Production step(String operation, String caseId, String productionId, long expectedVersion, String extra,
      Guard guard, Fields change, String action) {
    return step(operation, caseId, productionId, expectedVersion, extra, guard, change, action, p -> List.of());
  }

  private Production step(String operation, String caseId, String productionId, long expectedVersion, String extra,
      Guard guard, Fields change, String action, Check check) {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(productionId, "productionId");
    session.ensureOpen();
    String query = "case=" + caseId + " item=" + productionId + " version=" + expectedVersion + extra;
    CaseJournal.Written after = cases.journal().write(caseId, items -> {
      CaseView view = cases.visibleOrFail(operation, query, caseId, items);
      Optional<Production> p = visible(caseId, productionId, items);
      if (p.isEmpty()) {
        session.audit(operation, query, List.of(), "error: no such item");
        throw noProduction(caseId, productionId);
      }
      List<CaseJournal.Entry> versions = items.get(productionId);
      CaseJournal.Entry last = cases.checkVersion(operation, query, caseId, productionId, versions, expectedVersion);
      String refusal = guard.refusal(view, p.get());
      if (refusal != null) {
        cases.refuse(operation, query, refusal);
      }
      List<ReleaseRefusal> refused = check.refusals(p.get());
      if (!refused.isEmpty()) {
        session.audit(operation, query + " refused=" + refused.size(), List.of(productionId),
            "denied: release refused");
        throw new ReleaseRefusedException(message(productionId, refused), refused);
      }
      Map<String, String> fields = new LinkedHashMap<>(last.fields());
      change.put(fields);
      session.audit(operation, query, List.of(productionId), "ok"); // write-ahead
      return new CaseJournal.Planned(List.of(cases.next(last, action, fields)), productionId);
    });
    return toProduction(after.items().get(after.itemId()));
  }

  private Optional<Production> visible(String caseId, String productionId,
      Map<String, List<CaseJournal.Entry>> items) {
    if (cases.visible(caseId, items).isEmpty()) {
      return Optional.empty();
    }
    List<CaseJournal.Entry> versions = items.get(productionId);
    if (versions == null || versions.get(0).kind() != CaseItem.Kind.PRODUCTION
        || !cases.allows(versions.get(0).label())) {
      return Optional.empty();
    }
    return Optional.of(toProduction(versions));
  }

  private static String message(String productionId, List<ReleaseRefusal> refused) {
    StringBuilder sb = new StringBuilder("release of " + productionId + " refused: " + refused.size()
        + " item(s) may not go to their recipient; nothing was released:");
    for (ReleaseRefusal r : refused) {
      sb.append("\n  ").append(r.recipient()).append(": item ").append(r.itemId()).append(" labelled ")
          .append(r.label()).append(" — ").append(r.reason());
    }
    return sb.append("\nremove those items (draft the product anew) or those recipients and release again").toString();
  }

  private static Production toProduction(List<CaseJournal.Entry> versions) {
    CaseJournal.Entry first = versions.get(0);
    CaseJournal.Entry last = versions.get(versions.size() - 1);
    return new Production(first.itemId(), first.caseId(), last.field("title"), last.field("sha256"),
        Purpose.of(last.field("purpose")), decode(last.field("items")), Label.parse(first.label()),
        last.field("state"), last.version(), first.by(), optional(last.field("reviewer")),
        optional(last.field("approvedBy")), decodeNames(last.field("recipients")), first.at(), last.by(), last.at());
  }

  private static Optional<String> optional(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static String encode(List<ProductItem> items) {
    ArrayNode a = JSON.createArrayNode();
    items.forEach(i -> a.addObject().put("id", i.id()).put("label", i.label().toString()));
    return a.toString();
  }

  static List<ProductItem> decode(String text) {
    List<ProductItem> out = new ArrayList<>();
    for (JsonNode n : read(text)) {
      out.add(new ProductItem(n.get("id").asText(), Label.parse(n.get("label").asText())));
    }
    return out;
  }

  private static String encodeNames(List<String> names) {
    ArrayNode a = JSON.createArrayNode();
    names.forEach(a::add);
    return a.toString();
  }

  private static List<String> decodeNames(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    read(text).forEach(n -> out.add(n.asText()));
    return out;
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new org.insight.core.StoreException("the case journal holds an unreadable product field (" + e
          + "); restore it from a backup", e);
    }
  }

  private static NoSuchCaseException noProduction(String caseId, String productionId) {
    return new NoSuchCaseException("case " + caseId + " has no production " + org.insight.Messages.quote(productionId)
        + " visible to this session; list its productions to see them (insight release list)");
  }
}
