package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.Hashing;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.workspace.ProductItem;
import org.insight.workspace.Production;
import org.insight.workspace.Productions;
import org.insight.workspace.Recipient;
import org.insight.workspace.ReleaseRefusal;
import org.insight.workspace.ReleaseRefusedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code insight release}: analytical production in a case — draft, review, approve, release. */
@Command(name = "release", mixinStandardHelpOptions = true,
    description = {"Analytical production within a case: a product (a rendered file and its items with their labels)"
        + " is drafted, submitted to a named reviewer, approved by that reviewer only (never its author) and released"
        + " to named recipients (principals or member-country profiles). A release is refused as a whole, item by"
        + " item with the reason, when a recipient may not see something the product contains. Each step names the"
        + " version it is based on (--version)."},
    subcommands = {ReleaseCommand.Draft.class, ReleaseCommand.Review.class, ReleaseCommand.Approve.class,
        ReleaseCommand.Release.class, ReleaseCommand.Show.class, ReleaseCommand.ListProductions.class})
final class ReleaseCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "draft", mixinStandardHelpOptions = true,
      description = {"Draft a product in a case, either from a rendered file — the whole file as one item (--label),"
          + " or its items with their labels (--item ID=EXPR, repeatable) — or straight from an 'insight report'"
          + " product (--product profile|network|map|trends|case), built now from what you see, written to --out"
          + " and drafted with its items (each statement with its own label, the rest under the product's label)."
          + " You must see every item."})
  static final class Draft implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Mixin TrendsOptions trends;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "CASE", description = "The case id.") String caseId;
    @Parameters(index = "1", paramLabel = "TITLE", description = "The product's title.") String title;
    @Option(names = {"--from-file", "--file"}, paramLabel = "FILE", description = "The rendered product (its SHA-256"
        + " is recorded).") Path file;
    @Option(names = "--label", paramLabel = "EXPR", description = "With --from-file: the label of the whole file, as"
        + " one item.") String label;
    @Option(names = "--item", paramLabel = "ID=EXPR", description = "With --from-file: an item of the product and its"
        + " label.") List<String> items = new ArrayList<>();
    @Option(names = "--product", paramLabel = "KIND", description = "Build this 'insight report' product and draft"
        + " it: profile (--subject), network (--centre, --hops), map (--cell-m, --cluster-m), trends (the options of"
        + " insight trends) or case (this case's digest).") String product;
    @Option(names = "--out", paramLabel = "FILE.html", description = "With --product: where the product's HTML goes.")
    Path out;
    @Option(names = "--subject", paramLabel = "ENTITY_ID", description = "--product profile: whose.") String subject;
    @Option(names = "--centre", paramLabel = "ENTITY_ID", description = "--product network: only around this.")
    String centre;
    @Option(names = "--hops", paramLabel = "N", defaultValue = "2", description = "--product network: how far from"
        + " the centre, 1 to 3 (default: ${DEFAULT-VALUE}).") int hops;
    @Option(names = "--cell-m", paramLabel = "METRES", defaultValue = "500", description = "--product map: hotspot"
        + " cell size (default: ${DEFAULT-VALUE}).") double cell;
    @Option(names = "--cluster-m", paramLabel = "METRES", defaultValue = "1000", description = "--product map: DBSCAN"
        + " distance (default: ${DEFAULT-VALUE}).") double cluster;

    @Override
    public Integer call() {
      if ((product == null) == (file == null)) {
        throw new ParameterException(spec.commandLine(), "give the product either as a rendered file (--from-file)"
            + " or as a report to build (--product profile|network|map|trends|case), one of the two");
      }
      if (product != null) {
        return fromReport();
      }
      List<ProductItem> parts = new ArrayList<>();
      if (label != null) {
        parts.add(new ProductItem(file.getFileName().toString(), Arguments.parse(spec, "--label",
            () -> Label.of(label))));
      }
      for (String i : items) {
        int eq = i.indexOf('=');
        if (eq <= 0 || eq == i.length() - 1) {
          throw new ParameterException(spec.commandLine(), "--item takes ID=EXPR (e.g. s1=INTERPOL&FR); got '" + i
              + "'");
        }
        parts.add(new ProductItem(i.substring(0, eq), Arguments.parse(spec, "--item",
            () -> Label.of(i.substring(eq + 1)))));
      }
      if (parts.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "give the file's label (--label) or its items (--item)");
      }
      String hash = sha256(file);
      try (SessionOptions.Opened ws = session.write()) {
        print(spec, session.json, productions(ws).draft(caseId, title, hash, parts));
        return 0;
      }
    }

    /** Builds the report product as this session sees it, writes its HTML, drafts it with its items. */
    private int fromReport() {
      if (out == null) {
        throw new ParameterException(spec.commandLine(), "--product needs --out FILE.html: the rendered product"
            + " whose SHA-256 the production records");
      }
      if (label != null || !items.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--label and --item go with --from-file; a --product's"
            + " items and labels come from the product itself");
      }
      if (!List.of("profile", "network", "map", "trends", "case").contains(product)) {
        throw new ParameterException(spec.commandLine(), "--product takes profile, network, map, trends or case;"
            + " got '" + product + "'");
      }
      if (product.equals("profile") && subject == null) {
        throw new ParameterException(spec.commandLine(), "--product profile needs --subject ENTITY_ID");
      }
      if (hops < 1 || hops > 3 || !(cell > 0) || !(cluster > 0)) {
        throw new ParameterException(spec.commandLine(), "--hops needs 1 to 3; --cell-m and --cluster-m a distance"
            + " > 0");
      }
      org.insight.trends.TrendAnalysis analysis = product.equals("trends") ? trends.builder(spec).build() : null;
      try (SessionOptions.Opened ws = session.write()) {
        org.insight.report.Reports reports = org.insight.report.Reports.of(ws.session());
        org.insight.report.Product p = switch (product) {
          case "profile" -> reports.profile(org.insight.core.EntityId.of(subject));
          case "network" -> centre == null ? reports.network()
              : reports.network(org.insight.core.EntityId.of(centre), hops);
          case "map" -> reports.map(cell, cluster);
          case "trends" -> reports.trends(trends.run(spec, ws.session(), analysis, null));
          default -> reports.caseDigest(caseId);
        };
        List<ProductItem> parts = org.insight.report.ProductItems.of(p);
        if (parts.isEmpty()) {
          throw new CommandFailure("the " + product + " product holds nothing you may see, so there is nothing to"
              + " draft");
        }
        Path html = org.insight.report.HtmlProduct.write(p, out);
        print(spec, session.json, productions(ws).draft(caseId, title, sha256(html), parts));
        if (!session.json) {
          spec.commandLine().getOut().printf(Locale.ROOT, "  product: %s%n", html);
        }
        return 0;
      }
    }
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Hashing.sha256Hex(in);
    } catch (IOException e) {
      throw new CommandFailure("cannot read the product file " + file + ": " + e + "; check the path");
    }
  }

  @Command(name = "review", mixinStandardHelpOptions = true,
      description = "Submit your draft for review by a named reviewer (another member of the case).")
  static final class Review implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "CASE") String caseId;
    @Parameters(index = "1", paramLabel = "PRODUCTION") String id;
    @Option(names = "--version", required = true, paramLabel = "N") long version;
    @Option(names = "--reviewer", required = true, paramLabel = "PRINCIPAL") String reviewer;

    @Override
    public Integer call() {
      try (SessionOptions.Opened ws = session.write()) {
        print(spec, session.json, productions(ws).submit(caseId, id, version, reviewer));
        return 0;
      }
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true,
      description = "Approve a product in review; only its named reviewer may.")
  static final class Approve implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "CASE") String caseId;
    @Parameters(index = "1", paramLabel = "PRODUCTION") String id;
    @Option(names = "--version", required = true, paramLabel = "N") long version;

    @Override
    public Integer call() {
      try (SessionOptions.Opened ws = session.write()) {
        print(spec, session.json, productions(ws).approve(caseId, id, version));
        return 0;
      }
    }
  }

  @Command(name = "release", mixinStandardHelpOptions = true,
      description = "Release an approved product to recipients. Refused as a whole (exit 1), listing every item each"
          + " recipient may not see and why, when any is.")
  static final class Release implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "CASE") String caseId;
    @Parameters(index = "1", paramLabel = "PRODUCTION") String id;
    @Option(names = "--version", required = true, paramLabel = "N") long version;
    @Option(names = "--to", paramLabel = "PRINCIPAL=A,B", description = "A recipient principal and its"
        + " authorisations (repeatable).") List<String> to = new ArrayList<>();
    @Option(names = "--to-profile", paramLabel = "NAME", description = "A member-country profile from --profiles"
        + " (repeatable).") List<String> toProfiles = new ArrayList<>();

    @Override
    public Integer call() {
      List<Recipient> recipients = new ArrayList<>();
      for (String t : to) {
        int eq = t.indexOf('=');
        String who = eq < 0 ? t : t.substring(0, eq);
        List<String> auths = eq < 0 || eq == t.length() - 1 ? List.of() : List.of(t.substring(eq + 1).split(","));
        recipients.add(Recipient.of(Arguments.parse(spec, "--to", () -> Principal.of(who, auths))));
      }
      for (String p : toProfiles) {
        recipients.add(Recipient.of(Arguments.parse(spec, "--to-profile", () -> session.profiles().profile(p))));
      }
      if (recipients.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "name at least one recipient: --to or --to-profile");
      }
      try (SessionOptions.Opened ws = session.write()) {
        try {
          print(spec, session.json, productions(ws).release(caseId, id, version, recipients));
          return 0;
        } catch (ReleaseRefusedException e) {
          if (!session.json) {
            throw e;
          }
          ObjectNode o = Render.versioned();
          o.put("production", id);
          o.put("error", e.getMessage());
          o.put("exit", 1);
          ArrayNode a = o.putArray("refused");
          for (ReleaseRefusal r : e.refusals()) {
            ObjectNode n = a.addObject();
            n.put("recipient", r.recipient());
            n.put("item", r.itemId());
            n.put("label", r.label().toString());
            n.put("reason", r.reason());
          }
          Render.print(spec.commandLine().getOut(), o);
          return 1;
        }
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "A production of a case you may see.")
  static final class Show implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "CASE") String caseId;
    @Parameters(index = "1", paramLabel = "PRODUCTION") String id;

    @Override
    public Integer call() {
      try (SessionOptions.Opened ws = session.read()) {
        Production p = productions(ws).show(caseId, id).orElseThrow(() -> new CommandFailure("case " + caseId
            + " has no production '" + id + "' visible to you; list them with insight release list " + caseId));
        print(spec, session.json, p);
        return 0;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The productions of a case you may see.")
  static final class ListProductions implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "CASE") String caseId;

    @Override
    public Integer call() {
      try (SessionOptions.Opened ws = session.read()) {
        List<Production> all = productions(ws).list(caseId);
        PrintWriter out = spec.commandLine().getOut();
        if (session.json) {
          ObjectNode o = Render.versioned();
          ArrayNode a = o.putArray("items");
          all.forEach(p -> a.add(json(p)));
          Render.print(out, o);
        } else {
          all.forEach(p -> out.println(line(p)));
        }
        return 0;
      }
    }
  }

  private static Productions productions(SessionOptions.Opened ws) {
    return ws.session().cases().productions();
  }

  static void print(CommandSpec spec, boolean json, Production p) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Render.print(out, Render.versioned().<ObjectNode>set("production", json(p)));
    } else {
      out.println(line(p));
      p.items().forEach(i -> out.printf(Locale.ROOT, "  item %s [%s]%n", i.id(), i.label().expression()));
    }
  }

  private static String line(Production p) {
    return String.format(Locale.ROOT, "%s v%d %s  %s  (by %s%s%s%s, sha256 %s, label %s)", p.id(), p.version(),
        p.state(), p.title(), p.author(), p.reviewer().map(r -> ", reviewer " + r).orElse(""),
        p.approvedBy().map(r -> ", approved by " + r).orElse(""),
        p.recipients().isEmpty() ? "" : ", released to " + String.join(",", p.recipients()), p.sha256(),
        p.label().expression());
  }

  static ObjectNode json(Production p) {
    ObjectNode o = Json.object();
    o.put("id", p.id());
    o.put("case", p.caseId());
    o.put("title", p.title());
    o.put("sha256", p.sha256());
    o.put("purpose", p.purpose().name());
    o.put("state", p.state());
    o.put("version", p.version());
    o.put("label", p.label().toString());
    ArrayNode items = o.putArray("items");
    p.items().forEach(i -> items.addObject().put("id", i.id()).put("label", i.label().toString()));
    o.put("author", p.author());
    p.reviewer().ifPresent(r -> o.put("reviewer", r));
    p.approvedBy().ifPresent(r -> o.put("approvedBy", r));
    ArrayNode to = o.putArray("recipients");
    p.recipients().forEach(to::add);
    o.put("createdAt", p.createdAt().toString());
    o.put("updatedBy", p.updatedBy());
    o.put("updatedAt", p.updatedAt().toString());
    return o;
  }
}
